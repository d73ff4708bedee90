"""Review sign-in: staff name and PIN; with no account yet, how to create one."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from comprehend.review.messages import StaffSignedIn
from comprehend.staff.accounts import StaffAccounts
from comprehend.staff.hint import staff_add_command
from comprehend.ui.sign_in import SignInForm


def no_account_text(results: Path) -> str:
    """Why review cannot open yet, and the command (naming `results`) that creates the first account."""
    return ("There is no staff account yet, so review cannot open.\n\n"
            f"Create the first one in a terminal:\n\n{staff_add_command(results)}\n\n"
            "It asks for a PIN of 6 to 8 digits, twice. Then start review again. Press ctrl+q to close.")


class LoginScreen(Screen):
    """The first review screen, and the one review goes back to when it locks itself."""

    def __init__(self, accounts: StaffAccounts, message: str = "") -> None:
        super().__init__()
        self.accounts = accounts
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="login", classes="dialog"):
            yield Static("Review — staff sign-in", classes="title")
            if self.accounts.exist():
                if self.message:
                    yield Static(self.message, id="login-note")
                yield SignInForm(self.accounts, cancel=False)
            else:
                results = self.accounts.path.parent.parent  # accounts live in <results>/staff/
                yield Static(no_account_text(results), id="no-account")
        yield Footer()

    def on_sign_in_form_signed_in(self, message: SignInForm.SignedIn) -> None:
        message.stop()
        self.post_message(StaffSignedIn(message.staff_name))
