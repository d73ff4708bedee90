"""Welcome back: a patient who left an attempt unfinished today can carry on where they stopped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import CarryOnChosen
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.words import ENGLISH, Words


class WelcomeBackScreen(Screen):
    """1 (or Enter) carries on once a member of staff types their PIN, 2 starts again."""

    BINDINGS = [Binding("enter", "pick(0)", "Carry on", show=False), *DIGIT_BINDINGS]

    def __init__(self, answered: int, words: Words = ENGLISH) -> None:
        super().__init__()
        self.answered = answered
        self.words = words

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                words = self.words
                yield Static(words.welcome_back, classes="title")
                answered = words.answered_one if self.answered == 1 else words.answered_many.format(count=self.answered)
                yield Static(answered, classes="lead")
                yield Static(words.carry_on_nurse, id="carry-on-nurse", classes="lead")
                yield NumberedChoice(0, words.carry_on)
                yield NumberedChoice(1, words.start_again)
                yield Static(words.welcome_back_hint, classes="hint")

    def action_pick(self, index: int) -> None:
        """1 carries on, 2 starts again."""
        if index in (0, 1):
            self.post_message(CarryOnChosen(index == 0))

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
