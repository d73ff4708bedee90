"""The way out: a big, calm "I'd like to talk to the nurse" button, and the N key that does the same.

On a question it sits in a bar of its own above the hint bar (NurseBar); on feedback and re-teach screens
beside their Next button (nurse_button), so it costs those screens no row. Styled in kiosk.tcss (.nurse-button).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from comprehend.kiosk.messages import NurseAsked

NURSE_KEY = "n"
NURSE_BINDING = Binding(NURSE_KEY, "ask_for_nurse", "Talk to the nurse", show=False)


NURSE_BUTTON_ID = "talk-to-nurse"


def nurse_button(label: str) -> Button:
    """The nurse button: never focusable, so neither Enter nor Tab-then-Enter presses it by accident."""
    button = Button(label, id=NURSE_BUTTON_ID, classes="nurse-button")
    button.can_focus = False
    return button


class NurseBar(Horizontal):
    """One row holding the nurse button. The button never takes focus, so Enter can never press it by accident."""

    DEFAULT_CSS = """
    NurseBar { height: 3; width: 100%; align-horizontal: center; }
    """

    class Pressed(Message):
        """The patient touched the nurse button."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label  # in the patient's language

    def compose(self) -> ComposeResult:
        yield nurse_button(self.label)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == NURSE_BUTTON_ID:
            event.stop()
            self.post_message(self.Pressed())


class AsksForNurse:
    """For a screen with a NurseBar: N or the button ends the attempt and asks for the nurse (once).

    `NURSE_FROM` says which screen it was asked from (one of quiz.ASKED_FROM).
    """

    NURSE_FROM = ""
    _asked_for_nurse = False

    def action_ask_for_nurse(self) -> None:
        """N: the patient would like to talk to the nurse."""
        if self._asked_for_nurse or not self.nurse_shown():
            return
        self._asked_for_nurse = True
        self.post_message(NurseAsked(self.NURSE_FROM))  # type: ignore[attr-defined]

    def nurse_shown(self) -> bool:
        """True when this screen offers the way out (the last feedback of an attempt does not: the result comes next)."""
        return True

    def on_nurse_bar_pressed(self, event: NurseBar.Pressed) -> None:
        event.stop()
        self.action_ask_for_nurse()
