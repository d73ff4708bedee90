"""Plain text widgets that never interpret markup: bank text and patient IDs are shown literally."""

from __future__ import annotations

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
