"""The bottom bar of a patient screen: what to press, and a Read aloud button when the kiosk can speak."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static


class HintBar(Horizontal):
    """One row: the hint, then 'Read aloud (R)' when speech is available."""

    DEFAULT_CSS = """
    HintBar { dock: bottom; height: 1; width: 100%; background: $panel; }
    HintBar .hint-text { width: 1fr; color: $text-muted; padding: 0 0; }
    HintBar #read-aloud { min-width: 16; height: 1; border: none; margin: 0; }
    """

    class ReadAloudPressed(Message):
        """The patient touched Read aloud."""

    def __init__(self, hint: str, can_speak: bool) -> None:
        super().__init__()
        self.hint = hint
        self.can_speak = can_speak

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="hint-text")
        if self.can_speak:
            yield Button("Read aloud (R)", id="read-aloud", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "read-aloud":
            event.stop()
            self.post_message(self.ReadAloudPressed())
