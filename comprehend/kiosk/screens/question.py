"""One question at a time, its choices as large numbered buttons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import AnswerChosen
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.ui.text import Plain
from comprehend.quiz import Ask
from comprehend.words import ENGLISH, Words


def progress_text(ask: Ask, words: Words = ENGLISH) -> str:
    """'Question 3 of 12' in the first round; later rounds say they go over points again."""
    if ask.round == 1:
        return words.question_progress.format(number=ask.number, of=ask.of)
    return words.again_progress.format(number=ask.number, of=ask.of)


class QuestionScreen(ReadsAloud, Screen):
    """Shows a question; a digit or a click answers it. No time limit."""

    BINDINGS = [*DIGIT_BINDINGS, READ_ALOUD_BINDING]

    def __init__(self, ask: Ask, words: Words = ENGLISH) -> None:
        super().__init__()
        self.ask = ask
        self.words = words
        self._answered = False

    def compose(self) -> ComposeResult:
        yield Static(progress_text(self.ask, self.words), id="progress", classes="bar")
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Plain(self.ask.question.ask, id="question-text", classes="question-text")
                for index, choice in enumerate(self.ask.choices):
                    yield NumberedChoice(index, choice.text)
        yield HintBar(self.words.answer_hint, self.words.read_aloud, can_speak=getattr(self.app, "speaker", None) is not None)

    def action_pick(self, index: int) -> None:
        """Answer with the choice at `index` (once: a second key press is ignored)."""
        if self._answered or index >= len(self.ask.choices):
            return
        self._answered = True
        self.post_message(AnswerChosen(index))

    def spoken_text(self) -> str:
        """What Read aloud says: where we are, the question, and each choice with its number."""
        choices = " ".join(f"{index}: {choice.text}." for index, choice in enumerate(self.ask.choices, 1))
        return f"{progress_text(self.ask, self.words)}. {self.ask.question.ask} {choices}"

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
