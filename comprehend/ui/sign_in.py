"""SignInForm: staff name and hidden PIN, checked against the staff accounts (used by the kiosk and review)."""

from __future__ import annotations

import logging

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from comprehend.staff.accounts import CANNOT_CHECK, SignIn, StaffAccounts

log = logging.getLogger(__name__)


class SignInForm(Vertical):
    """Name + PIN + Unlock. Posts SignedIn on a right PIN; otherwise shows a calm message and clears the PIN."""

    DEFAULT_CSS = """
    SignInForm { height: auto; width: 100%; }
    SignInForm Input { width: 100%; margin: 0 0 1 0; }
    SignInForm #sign-in-message { height: auto; min-height: 1; color: $text-warning; }
    SignInForm .sign-in-buttons { height: auto; width: 100%; align-horizontal: center; }
    SignInForm Button { margin: 0 1; }
    """

    class SignedIn(Message):
        """A staff member gave a right name and PIN."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.staff_name = name

    class SignInFailed(Message):
        """A wrong name or PIN, or a locked-out name (the name as typed, for the audit log)."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.staff_name = name

    class Cancelled(Message):
        """The form was left without signing in."""

    def __init__(self, accounts: StaffAccounts, *, cancel: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.accounts = accounts
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Staff name", id="staff-name", max_length=40, select_on_focus=False)
        yield Input(placeholder="PIN", id="staff-pin", password=True, restrict=r"\d*", max_length=8, select_on_focus=False)
        yield Static("", id="sign-in-message")
        with Horizontal(classes="sign-in-buttons"):
            yield Button("Unlock", id="unlock", variant="primary")
            if self.cancel:
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#staff-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "staff-name":
            self.query_one("#staff-pin", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "unlock":
            self.submit()
        else:
            self.post_message(self.Cancelled())

    def submit(self) -> None:
        """Check the name and PIN."""
        name_input = self.query_one("#staff-name", Input)
        pin_input = self.query_one("#staff-pin", Input)
        name, pin = name_input.value.strip(), pin_input.value
        pin_input.value = ""
        if not name or not pin:
            self.show_message("Please type your name and your PIN.")
            (name_input if not name else pin_input).focus()
            return
        result = self._check(name, pin)
        del pin  # nothing of the PIN stays on the form
        if result.ok:
            self.post_message(self.SignedIn(result.name))
        else:
            self.show_message(result.message)
            pin_input.focus()
            self.post_message(self.SignInFailed(name))

    def _check(self, name: str, pin: str) -> SignIn:
        """The accounts' answer; any failure is logged by its kind only (never the PIN) and answered calmly."""
        try:
            return self.accounts.sign_in(name, pin)
        except Exception as error:  # the edge: nothing reaches the screen, where a traceback would show the PIN
            log.error("a staff sign-in could not be checked (%s)", error.__class__.__name__)
            return SignIn(False, message=CANNOT_CHECK)

    def show_message(self, text: str) -> None:
        """Show a calm message under the inputs."""
        self.query_one("#sign-in-message", Static).update(text)
