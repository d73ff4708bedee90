"""The end: thanks, the first-try count without judging, the points to talk over, see the nurse."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import ResultRead
from comprehend.ui.text import Bullet
from comprehend.talking_points import talking_points
from comprehend.scoring import Figures


class ResultScreen(Screen):
    """Thanks the patient and sends them to the nurse; Enter, or the time running out, clears it."""

    QUIET_WHEN_IDLE = True  # it clears itself

    BINDINGS = [Binding("enter", "done", "Done", show=False)]

    def __init__(self, bank: Bank, figures: Figures, *, seconds: float, staff_note: str = "") -> None:
        super().__init__()
        self.bank = bank
        self.figures = figures
        self.seconds = seconds
        self.staff_note = staff_note

    def compose(self) -> ComposeResult:
        figures = self.figures
        points = [point.text for point in talking_points(self.bank, figures.missed_first, figures.never_mastered)]
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static("Thank you!", classes="title")
                yield Static(
                    f"You got {figures.first_try_correct} of {figures.total} right on the first try.",
                    id="score",
                    classes="lead",
                )
                if points:
                    yield Static("Your nurse will go over these points with you:", classes="topic")
                    for text in points:
                        yield Bullet(text, classes="fact")
                else:
                    yield Static("Your nurse will answer any questions you still have.", classes="lead")
                yield Static("Please tell the nurse that you have finished.", id="see-nurse", classes="see-nurse")
                with Center():
                    yield Button("Done", id="done", variant="primary", classes="big")
                if self.staff_note:
                    yield Static(self.staff_note, id="staff-note", classes="staff-note")
        yield Static("Press Enter or touch Done.", classes="hint bar")

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus()
        self.set_timer(self.seconds, self.action_done)

    def action_done(self) -> None:
        """Clear the screen for the next patient."""
        self.post_message(ResultRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()
