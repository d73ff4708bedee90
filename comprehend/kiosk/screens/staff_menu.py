"""The staff menu after a right PIN: back to the kiosk, review here, end the current attempt, exit."""

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


class StaffMenuScreen(ModalScreen[str]):
    """Dismissed with one of BACK, REVIEW, END_ATTEMPT, EXIT."""

    STAFF_DIALOG = True

    BINDINGS = [Binding("enter", "pick(0)", "Back", show=False), *DIGIT_BINDINGS]

    def __init__(self, staff_name: str, attempt_running: bool) -> None:
        super().__init__()
        self.staff_name = staff_name
        self.actions = [BACK, REVIEW, *([END_ATTEMPT] if attempt_running else []), EXIT]

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
            for index, action in enumerate(self.actions):
                yield NumberedChoice(index, labels[action])

    def action_pick(self, index: int) -> None:
        """A digit (or a touch) picks an action; Enter goes back to the kiosk."""
        if index < len(self.actions):
            self.dismiss(self.actions[index])

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)
