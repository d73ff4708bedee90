"""Kind feedback after an answer: right or not, the right answer, why, and the point itself."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.kiosk.messages import FeedbackRead
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.ui.text import Plain
from comprehend.quiz import Feedback

RIGHT = "That's right. Well done!"
NOT_QUITE = "Not quite. That's OK, this is how we learn."


class FeedbackScreen(ReadsAloud, Screen):
    """Says whether the answer was right, and teaches the point either way."""

    BINDINGS = [Binding("enter", "next", "Next", show=False), READ_ALOUD_BINDING]

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback

    def compose(self) -> ComposeResult:
        feedback = self.feedback
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                verdict_class = "verdict right" if feedback.correct else "verdict not-quite"
                yield Static(RIGHT if feedback.correct else NOT_QUITE, id="verdict", classes=verdict_class)
                if not feedback.correct:
                    yield Plain(f"You chose: {feedback.chosen.text}", classes="chosen")
                    if feedback.why:
                        yield Plain(feedback.why, classes="why")
                yield Plain(f"The answer is: {feedback.answer}", id="right-answer", classes="answer")
                if feedback.explain:
                    yield Plain(feedback.explain, classes="explain")
                with Center():
                    yield Button("Next", id="next", variant="primary", classes="big")
        yield HintBar("Press Enter or touch Next.", can_speak=getattr(self.app, "speaker", None) is not None)

    def on_mount(self) -> None:
        self.query_one("#next", Button).focus()

    def action_next(self) -> None:
        """Move on to what comes next."""
        self.post_message(FeedbackRead())

    def spoken_text(self) -> str:
        """What Read aloud says: the verdict, the choice and why, the answer and the explanation."""
        feedback = self.feedback
        parts = [RIGHT if feedback.correct else NOT_QUITE]
        if not feedback.correct:
            parts.append(f"You chose: {feedback.chosen.text}.")
            if feedback.why:
                parts.append(feedback.why)
        parts.append(f"The answer is: {feedback.answer}.")
        if feedback.explain:
            parts.append(feedback.explain)
        return " ".join(parts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()
