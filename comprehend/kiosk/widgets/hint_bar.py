"""The bottom bar of a patient screen: what to press, and a Read aloud button when the kiosk can speak."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from comprehend.kiosk.messages import ReadAloudRequested


class HintBar(Horizontal):
    """One row: the hint, another key when given ("N: the nurse"), then 'Read aloud (R)' when speech is available."""

    DEFAULT_CSS = """
    HintBar { dock: bottom; height: 1; width: 100%; background: $panel; }
    HintBar .hint-text { width: 1fr; color: $text-muted; padding: 0 0; }
    HintBar #read-aloud { min-width: 16; height: 1; border: none; margin: 0; }
    HintBar .key-hint { width: auto; color: $foreground; text-style: bold; padding: 0 2 0 1; }
    """

    class ReadAloudPressed(Message):
        """The patient touched Read aloud."""

    def __init__(self, hint: str, read_aloud: str, can_speak: bool, key_hint: str = "") -> None:
        super().__init__()
        self.hint = hint
        self.key_hint = key_hint  # another key of this screen ("N: the nurse"), shown before Read aloud
        self.read_aloud = read_aloud  # the button's label, in the patient's language
        self.can_speak = can_speak

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="hint-text")
        if self.key_hint:
            yield Static(self.key_hint, classes="key-hint")
        if self.can_speak:
            yield Button(self.read_aloud, id="read-aloud", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "read-aloud":
            event.stop()
            self.post_message(self.ReadAloudPressed())


READ_ALOUD_BINDING = Binding("r", "read_aloud", "Read aloud", show=False)


class ReadsAloud:
    """For a screen with a HintBar: R or the button posts its spoken_text() to be read aloud."""

    def spoken_text(self) -> str:
        """What Read aloud says on this screen."""
        raise NotImplementedError

    def action_read_aloud(self) -> None:
        """R: read this screen aloud (the kiosk does nothing when it cannot speak)."""
        self.post_message(ReadAloudRequested(self.spoken_text()))  # type: ignore[attr-defined]

    def on_hint_bar_read_aloud_pressed(self, event: HintBar.ReadAloudPressed) -> None:
        event.stop()
        self.action_read_aloud()
