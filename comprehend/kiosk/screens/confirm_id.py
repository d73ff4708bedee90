"""Is this you? The patient ID shown back large, with Yes and No."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import PatientIdConfirmed, PatientIdRejected
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.ui.text import Plain
from comprehend.words import ENGLISH, Words


def spaced(patient_id: str) -> str:
    """The ID with a space between characters, so it reads large and clear."""
    return " ".join(patient_id)


class ConfirmIdScreen(Screen):
    """Shows the ID back: 1 (or Enter) says yes, 2 goes back to type it again."""

    BINDINGS = [Binding("enter", "pick(0)", "Yes", show=False), *DIGIT_BINDINGS]

    def __init__(self, patient_id: str, words: Words = ENGLISH) -> None:
        super().__init__()
        self.patient_id = patient_id
        self.words = words

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static(self.words.confirm_title, classes="title")
                yield Plain(spaced(self.patient_id), id="shown-id", classes="big-id")
                yield NumberedChoice(0, self.words.confirm_yes)
                yield NumberedChoice(1, self.words.confirm_no)
                yield Static(self.words.confirm_hint, classes="hint")

    def action_pick(self, index: int) -> None:
        """1 confirms the ID, 2 rejects it."""
        if index == 0:
            self.post_message(PatientIdConfirmed())
        elif index == 1:
            self.post_message(PatientIdRejected())

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
