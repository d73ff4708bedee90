"""Plain text widgets that never interpret markup: bank text and patient IDs are shown literally."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class Plain(Static):
    """A Static whose text is shown exactly as given (no [markup], no escape codes)."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(printable(text), id=id, classes=classes, markup=False)

    def show(self, text: str) -> None:
        """Replace the text, still literally."""
        self.update(printable(text))


def printable(text: str) -> str:
    """Drop control characters (escape codes) so nothing can change the terminal."""
    return "".join(ch for ch in text if ch == "\n" or ch.isprintable())


class Bullet(Horizontal):
    """A bullet point whose wrapped lines stay indented under its first word (a hanging indent)."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        super().__init__(classes=f"bullet {classes or ''}".strip())
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static("•", classes="bullet-mark")
        yield Plain(self.text, classes="bullet-text")
