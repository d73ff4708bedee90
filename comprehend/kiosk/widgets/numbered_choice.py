"""A large choice showing the digit that picks it; a click or touch picks it too."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from comprehend.ui.text import printable

DIGIT_BINDINGS = [Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)]


class NumberedChoice(Static):
    """One choice labelled with its digit.

    Not focusable: Enter must never pick a choice by accident; digits and clicks do.
    """

    class Picked(Message):
        """This choice was clicked or touched."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, index: int, text: str, *, classes: str = "choice") -> None:
        label = Content.assemble((f" {index + 1} ", "reverse bold"), "  ", Content(printable(text)))
        super().__init__(label, classes=classes, markup=False)
        self.index = index

    def on_click(self, event: events.Click) -> None:
        """A click or touch picks this choice."""
        event.stop()
        self.post_message(self.Picked(self.index))
