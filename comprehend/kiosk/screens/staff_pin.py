"""F12: the staff sign-in dialog over the patient's screen; Cancel or Escape puts the patient's screen back unchanged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from comprehend.staff.accounts import StaffAccounts
from comprehend.ui.sign_in import SignInForm


class StaffPinScreen(ModalScreen[str | None]):
    """Dismissed with the staff name after a right PIN, or None when cancelled."""

    STAFF_DIALOG = True

    def __init__(self, accounts: StaffAccounts) -> None:
        super().__init__()
        self.accounts = accounts

    def compose(self) -> ComposeResult:
        with Vertical(id="staff-sign-in", classes="dialog"):
            yield Static("Staff only", classes="title")
            yield Static("This is for the care team. If you are a patient, touch Cancel to go back.", classes="lead")
            yield SignInForm(self.accounts)

    def on_sign_in_form_signed_in(self, message: SignInForm.SignedIn) -> None:
        message.stop()
        self.dismiss(message.staff_name)

    def on_sign_in_form_cancelled(self, message: SignInForm.Cancelled) -> None:
        message.stop()
        self.dismiss(None)
