"""A large choice showing the digit that picks it; a click or touch picks it too."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from comprehend.ui.text import printable

DIGIT_BINDINGS = [Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)]


class NumberedChoice(Horizontal):
    """One choice labelled with its digit; a long choice wraps under its own text, not under the digit.

    Not focusable: Enter must never pick a choice by accident; digits and clicks do.
    """

    DEFAULT_CSS = """
    NumberedChoice { height: auto; }
    NumberedChoice .choice-label { width: 5; height: auto; }
    NumberedChoice .choice-text { width: 1fr; height: auto; }
    """

    class Picked(Message):
        """This choice was clicked or touched."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, index: int, text: str, *, classes: str = "choice") -> None:
        super().__init__(classes=classes)
        self.index = index
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble((f" {self.index + 1} ", "reverse bold"), "  "), classes="choice-label")
        yield Static(Content(printable(self.text)), classes="choice-text")

    def on_click(self, event: events.Click) -> None:
        """A click or touch picks this choice."""
        event.stop()
        self.post_message(self.Picked(self.index))
