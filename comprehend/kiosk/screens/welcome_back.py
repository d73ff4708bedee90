"""Welcome back: a patient who left an attempt unfinished today can carry on where they stopped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from comprehend.kiosk.messages import CarryOnChosen
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice


class WelcomeBackScreen(Screen):
    """1 (or Enter) carries on, 2 starts again."""

    BINDINGS = [Binding("enter", "pick(0)", "Carry on", show=False), *DIGIT_BINDINGS]

    def __init__(self, answered: int) -> None:
        super().__init__()
        self.answered = answered

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static("Welcome back", classes="title")
                answers = "1 question" if self.answered == 1 else f"{self.answered} questions"
                yield Static(f"You started earlier today and answered {answers}. You can carry on where you stopped.",
                             classes="lead")
                yield NumberedChoice(0, "Carry on where I stopped")
                yield NumberedChoice(1, "Start again from the beginning")
                yield Static("Press 1 or Enter to carry on, 2 to start again. Or touch your choice.", classes="hint")

    def action_pick(self, index: int) -> None:
        """1 carries on, 2 starts again."""
        if index in (0, 1):
            self.post_message(CarryOnChosen(index == 0))

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
