"""Re-teaching a missed point on a screen of its own, before it is asked again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.kiosk.messages import ReteachRead
from comprehend.ui.text import Plain
from comprehend.quiz import Reteach
from comprehend.words import ENGLISH, Words


class ReteachScreen(Screen):
    """Shows the fact and its explanation again; Enter asks about it once more."""

    BINDINGS = [Binding("enter", "ready", "Ask me again", show=False)]

    def __init__(self, reteach: Reteach, words: Words = ENGLISH) -> None:
        super().__init__()
        self.reteach = reteach
        self.words = words

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static(self.words.reteach_title, classes="title")
                yield Plain(self.reteach.fact.text, id="fact-text", classes="fact big-fact")
                if self.reteach.explain and self.reteach.explain != self.reteach.fact.text:
                    yield Plain(self.reteach.explain, classes="explain")
                with Center():
                    yield Button(self.words.ask_again, id="ready", variant="primary", classes="big")
        yield Static(self.words.ready_hint, classes="hint bar")

    def on_mount(self) -> None:
        self.query_one("#ready", Button).focus()

    def action_ready(self) -> None:
        """The patient is ready to be asked again."""
        self.post_message(ReteachRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_ready()
