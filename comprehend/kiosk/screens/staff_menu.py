"""The staff menu after a right PIN: 1 back to the kiosk, 2 review here, 3 end the current attempt, 9 exit.

Each action keeps its digit whatever the kiosk shows: End attempt is missing (a gap) when no attempt runs, and Exit
is 9, a digit no other action ever has (before, 3 was Exit on the welcome screen and End attempt during an attempt).
Bank files the kiosk skipped for errors are named here, for staff.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.ui.text import Plain

BACK = "back"
REVIEW = "review"
END_ATTEMPT = "end-attempt"
EXIT = "exit"
DIGITS = {BACK: 1, REVIEW: 2, END_ATTEMPT: 3, EXIT: 9}  # fixed: a nurse's habit never presses the wrong action


class StaffMenuScreen(ModalScreen[str]):
    """Dismissed with one of BACK, REVIEW, END_ATTEMPT, EXIT."""

    STAFF_DIALOG = True

    BINDINGS = [Binding("enter", "pick(0)", "Back", show=False), *DIGIT_BINDINGS]

    def __init__(self, staff_name: str, attempt_running: bool, bank_note: str = "") -> None:
        super().__init__()
        self.staff_name = staff_name
        self.actions = [BACK, REVIEW, *([END_ATTEMPT] if attempt_running else []), EXIT]
        self.bank_note = bank_note  # the bank files skipped for errors, if any

    def compose(self) -> ComposeResult:
        labels = {
            BACK: "Back to the kiosk",
            REVIEW: "Open review here" + (" (ends the current attempt)" if END_ATTEMPT in self.actions else ""),
            END_ATTEMPT: "End the current attempt (stored as incomplete)",
            EXIT: "Exit the kiosk",
        }
        with Vertical(id="staff-menu", classes="dialog"):
            yield Static("Staff menu", classes="title")
            yield Plain(f"Signed in as {self.staff_name}", classes="lead")
            for action in self.actions:
                yield NumberedChoice(DIGITS[action] - 1, labels[action])
            if self.bank_note:
                yield Plain(self.bank_note, id="bank-note", classes="hint")

    def action_pick(self, index: int) -> None:
        """A digit (or a touch) picks its action, if shown; Enter goes back to the kiosk."""
        for action in self.actions:
            if DIGITS[action] == index + 1:
                self.dismiss(action)

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
