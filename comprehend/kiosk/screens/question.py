"""One question at a time, its choices as large numbered buttons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import AnswerChosen
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.kiosk.widgets.nurse_bar import NURSE_BINDING, AsksForNurse, NurseBar
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.ui.text import Plain
from comprehend.quiz import FROM_QUESTION, Ask, Reteach
from comprehend.words import ENGLISH, Words


def progress_text(step: Ask | Reteach, words: Words = ENGLISH) -> str:
    """'Question 3 of 12' in the first round; later rounds say which round of going over it again, and which point.

    Round 2 is the first of the bank's max_rounds rounds of going over it again: "round 1 of 3".
    """
    if step.round == 1:
        return words.question_progress.format(number=step.number, of=step.of)
    return words.again_progress.format(round=step.round - 1, rounds=max(step.rounds - 1, step.round - 1),
                                       number=step.number, of=step.of)


class QuestionScreen(AsksForNurse, ReadsAloud, Screen):
    """Shows a question; a digit or a click answers it, N or the nurse button asks for the nurse. No time limit."""

    BINDINGS = [*DIGIT_BINDINGS, READ_ALOUD_BINDING, NURSE_BINDING]
    NURSE_FROM = FROM_QUESTION

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
        yield NurseBar(self.words.talk_to_nurse)
        yield HintBar(self.words.answer_hint, self.words.read_aloud, can_speak=getattr(self.app, "speaker", None) is not None,
                      key_hint=self.words.nurse_key)

    def action_pick(self, index: int) -> None:
        """Answer with the choice at `index` (once: a second key press is ignored)."""
        if self._answered or self._asked_for_nurse or index >= len(self.ask.choices):
            return
        self._answered = True
        self.post_message(AnswerChosen(index))

    def nurse_shown(self) -> bool:
        """Not once an answer is on its way (its feedback comes next)."""
        return not self._answered

    def spoken_text(self) -> str:
        """What Read aloud says: where we are, the question, and each choice with its number."""
        choices = " ".join(f"{index}: {choice.text}." for index, choice in enumerate(self.ask.choices, 1))
        return f"{progress_text(self.ask, self.words)}. {self.ask.question.ask} {choices}"

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
