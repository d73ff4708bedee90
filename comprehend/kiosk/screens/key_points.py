"""Key points: the bank's facts grouped by topic, to read before the questions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import KeyPointsRead
from comprehend.ui.text import Bullet, Plain


def facts_by_topic(bank: Bank) -> list[tuple[str, list[str]]]:
    """The facts' texts grouped by topic, topics in the order they first appear."""
    groups: dict[str, list[str]] = {}
    for fact in bank.facts:
        groups.setdefault(fact.topic or "Key points", []).append(fact.text)
    return list(groups.items())


class KeyPointsScreen(Screen):
    """Scrollable key points; 'I have read this' (or Enter) starts the questions."""

    BINDINGS = [Binding("enter", "done", "I have read this", show=False)]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        yield Static("Key points to know", classes="title bar")
        with VerticalScroll(id="key-points", classes="page"):
            with Vertical(classes="panel"):
                yield Static("Please read these points. Use the arrow keys or scroll to see them all.", classes="lead")
                for topic, texts in facts_by_topic(self.bank):
                    yield Plain(topic, classes="topic")
                    for text in texts:
                        yield Bullet(text, classes="fact")
                with Center():
                    yield Button("I have read this", id="done", variant="primary", classes="big")
        yield Static("Press Enter when you have read them all.", classes="hint bar")

    def on_mount(self) -> None:
        self.query_one("#key-points", VerticalScroll).focus()

    def action_done(self) -> None:
        """The patient has read the key points."""
        self.post_message(KeyPointsRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()
