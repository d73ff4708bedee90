"""Are you still there? A countdown before the screen clears itself for privacy."""

from __future__ import annotations

import math
import time

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from comprehend.kiosk.messages import StillHere, WalkedAway
from comprehend.words import ENGLISH, Words


class StillThereScreen(ModalScreen):
    """Shown after a while without input; any key or touch keeps the patient's place."""

    QUIET_WHEN_IDLE = True  # already asking

    def __init__(self, seconds: float, words: Words = ENGLISH) -> None:
        super().__init__()
        self.words = words
        self.seconds = seconds
        self._deadline = 0.0
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="still-there", classes="dialog"):
            yield Static(self.words.still_there, classes="title")
            yield Static("", id="countdown", classes="lead")
            with Center():
                yield Button(self.words.still_here, id="here", variant="primary", classes="big")

    def on_mount(self) -> None:
        self._deadline = time.monotonic() + self.seconds
        self._show_remaining()
        self.set_interval(min(1.0, self.seconds / 10), self._tick)
        self.query_one("#here", Button).focus()

    def _remaining(self) -> float:
        return max(0.0, self._deadline - time.monotonic())

    def _show_remaining(self) -> None:
        seconds = math.ceil(self._remaining())
        self.query_one("#countdown", Static).update(self.words.countdown.format(seconds=seconds))

    def _tick(self) -> None:
        if self._answered:
            return
        if self._remaining() <= 0:
            self._answered = True
            self.post_message(WalkedAway())
        else:
            self._show_remaining()

    def _here(self) -> None:
        if not self._answered:
            self._answered = True
            self.post_message(StillHere())

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self._here()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        self._here()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._here()
