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
from comprehend.words import ENGLISH, Words


def facts_by_topic(bank: Bank, no_topic: str = ENGLISH.key_points_topic) -> list[tuple[str, list[str]]]:
    """The facts' texts grouped by topic, topics in the order they first appear (`no_topic` heads the rest)."""
    groups: dict[str, list[str]] = {}
    for fact in bank.facts:
        groups.setdefault(fact.topic or no_topic, []).append(fact.text)
    return list(groups.items())


class KeyPointsScreen(Screen):
    """Scrollable key points; 'I have read this' (or Enter) starts the questions."""

    BINDINGS = [Binding("enter", "done", "I have read this", show=False)]

    def __init__(self, bank: Bank, words: Words = ENGLISH) -> None:
        super().__init__()
        self.bank = bank
        self.words = words

    def compose(self) -> ComposeResult:
        yield Static(self.words.key_points_title, classes="title bar")
        with VerticalScroll(id="key-points", classes="page"):
            with Vertical(classes="panel"):
                yield Static(self.words.key_points_lead, classes="lead")
                for topic, texts in facts_by_topic(self.bank, self.words.key_points_topic):
                    yield Plain(topic, classes="topic")
                    for text in texts:
                        yield Bullet(text, classes="fact")
                with Center():
                    yield Button(self.words.have_read, id="done", variant="primary", classes="big")
        yield Static(self.words.key_points_hint, classes="hint bar")

    def on_mount(self) -> None:
        self.query_one("#key-points", VerticalScroll).focus()

    def action_done(self) -> None:
        """The patient has read the key points."""
        self.post_message(KeyPointsRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()
