"""Mark reviewed: the nurse adds a note; the sign-off is stored with their name and the time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from comprehend.store.reviews import NOTE_MAX
from comprehend.ui.text import Plain


class SignOffScreen(ModalScreen[str | None]):
    """Dismissed with the note (possibly empty) on Sign off, or None on Cancel / Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "sign_off", "Sign off")]

    def __init__(self, patient_id: str, staff_name: str) -> None:
        super().__init__()
        self.patient_id = patient_id
        self.staff_name = staff_name

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-off", classes="dialog"):
            yield Plain(f"Mark the attempt of {self.patient_id} as reviewed", classes="title")
            yield Static(f"Signed by {self.staff_name}, now. A note (optional), e.g. what you went over:")
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sign off", id="confirm", variant="primary")
                yield Button("Cancel", id="cancel")
            yield Static("ctrl+s signs off · Escape cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_sign_off(self) -> None:
        """Store the sign-off with the note."""
        self.dismiss(self.query_one(TextArea).text.strip()[:NOTE_MAX])

    def action_cancel(self) -> None:
        """Leave without signing off."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "confirm":
            self.action_sign_off()
        else:
            self.action_cancel()
