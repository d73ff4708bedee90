"""After round 1, for a patient who missed more than half: go over the points with the nurse, or try them again here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import NurseOfferAnswered
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.words import ENGLISH, Words


class NurseOfferScreen(ReadsAloud, Screen):
    """Two choices: 1 goes over the points with the nurse, 2 tries them again here. Enter picks neither (a choice, not a default)."""

    BINDINGS = [*DIGIT_BINDINGS, READ_ALOUD_BINDING]

    def __init__(self, words: Words = ENGLISH) -> None:
        super().__init__()
        self.words = words
        self._answered = False

    def compose(self) -> ComposeResult:
        words = self.words
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static(words.offer_title, classes="title")
                yield Static(words.offer_lead, id="offer-lead", classes="lead")
                yield NumberedChoice(0, words.offer_nurse)
                yield NumberedChoice(1, words.offer_again)
        yield HintBar(words.offer_hint, words.read_aloud, can_speak=getattr(self.app, "speaker", None) is not None)

    def action_pick(self, index: int) -> None:
        """1: with the nurse; 2: try again here (once)."""
        if index in (0, 1) and not self._answered:
            self._answered = True
            self.post_message(NurseOfferAnswered(index == 0))

    def spoken_text(self) -> str:
        """What Read aloud says: the title, why, and each choice with its number."""
        words = self.words
        return f"{words.offer_title}. {words.offer_lead} 1: {words.offer_nurse}. 2: {words.offer_again}."

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
