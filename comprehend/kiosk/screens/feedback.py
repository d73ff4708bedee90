"""Kind feedback after an answer: right or not, the right answer, why, and the point itself."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.kiosk.messages import FeedbackRead
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.kiosk.widgets.nurse_bar import NURSE_BINDING, NURSE_BUTTON_ID, AsksForNurse, nurse_button
from comprehend.ui.text import Plain
from comprehend.quiz import FROM_FEEDBACK, Feedback
from comprehend.words import ENGLISH, Words


class FeedbackScreen(AsksForNurse, ReadsAloud, Screen):
    """Says whether the answer was right, and teaches the point either way; N or the nurse button asks for the nurse.

    The last feedback of an attempt has no nurse button: the result, which sends the patient to the nurse, comes next.
    """

    BINDINGS = [Binding("enter", "next", "Next", show=False), READ_ALOUD_BINDING, NURSE_BINDING]
    NURSE_FROM = FROM_FEEDBACK

    def __init__(self, feedback: Feedback, words: Words = ENGLISH, *, last: bool = False) -> None:
        super().__init__()
        self.feedback = feedback
        self.words = words
        self.last = last
        self._moved_on = False

    def compose(self) -> ComposeResult:
        feedback, words = self.feedback, self.words
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                verdict_class = "verdict right" if feedback.correct else "verdict not-quite"
                yield Static(words.right if feedback.correct else words.not_quite, id="verdict", classes=verdict_class)
                if not feedback.correct:
                    yield Plain(words.you_chose.format(choice=feedback.chosen.text), classes="chosen")
                    if feedback.why:
                        yield Plain(feedback.why, classes="why")
                yield Plain(words.the_answer_is.format(answer=feedback.answer), id="right-answer", classes="answer")
                if feedback.explain:
                    yield Plain(feedback.explain, classes="explain")
                with Center():
                    with Horizontal(classes="buttons"):
                        yield Button(words.next, id="next", variant="primary", classes="big")
                        if not self.last:
                            yield nurse_button(words.talk_to_nurse)
        yield HintBar(words.next_hint, words.read_aloud, can_speak=getattr(self.app, "speaker", None) is not None,
                      key_hint="" if self.last else words.nurse_key)

    def on_mount(self) -> None:
        self.query_one("#next", Button).focus(scroll_visible=False)  # open at the top: the verdict first

    def nurse_shown(self) -> bool:
        return not self.last and not self._moved_on

    def action_next(self) -> None:
        """Move on to what comes next (once)."""
        if self._moved_on or self._asked_for_nurse:
            return
        self._moved_on = True
        self.post_message(FeedbackRead())

    def spoken_text(self) -> str:
        """What Read aloud says: the verdict, the choice and why, the answer and the explanation."""
        feedback, words = self.feedback, self.words
        parts = [words.right if feedback.correct else words.not_quite]
        if not feedback.correct:
            parts.append(words.you_chose.format(choice=feedback.chosen.text) + ".")
            if feedback.why:
                parts.append(feedback.why)
        parts.append(words.the_answer_is.format(answer=feedback.answer) + ".")
        if feedback.explain:
            parts.append(feedback.explain)
        return " ".join(parts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == NURSE_BUTTON_ID:
            self.action_ask_for_nurse()
        else:
            self.action_next()
