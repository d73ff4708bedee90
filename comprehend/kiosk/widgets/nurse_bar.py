"""The way out: a big, calm "I'd like to talk to the nurse" button above the hint bar, and the N key that does the same."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from comprehend.kiosk.messages import NurseAsked

NURSE_KEY = "n"
NURSE_BINDING = Binding(NURSE_KEY, "ask_for_nurse", "Talk to the nurse", show=False)


class NurseBar(Horizontal):
    """One row holding the nurse button. The button never takes focus, so Enter can never press it by accident."""

    DEFAULT_CSS = """
    NurseBar { height: 3; width: 100%; align-horizontal: center; }
    NurseBar #talk-to-nurse {
        width: auto; min-width: 36; height: 3; padding: 0 2; text-style: bold; content-align: center middle;
        background: $surface; color: $foreground; border: round $accent;
    }
    NurseBar #talk-to-nurse:hover { background: $accent 30%; }
    """

    class Pressed(Message):
        """The patient touched the nurse button."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label  # in the patient's language

    def compose(self) -> ComposeResult:
        button = Button(self.label, id="talk-to-nurse")
        button.can_focus = False
        yield button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "talk-to-nurse":
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
