"""What a browser tab may send to its kiosk: textual-serve's JSON envelopes, checked before anything reaches the kiosk.

A message that is not one of these shapes (not JSON, the wrong types, deep nesting, huge numbers) is ignored
(the caller logs that it happened, never what it said: keystrokes carry patient ids).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

MAX_WIDTH = 1000
MAX_HEIGHT = 1000


@dataclass(frozen=True)
class TabMessage:
    """One checked message from a tab: its kind and, for stdin/resize/ping, its data."""

    kind: str
    text: str = ""
    width: int = 0
    height: int = 0
    ping: str | int | float | None = None


def terminal_size(width: object, height: object) -> tuple[int, int] | None:
    """A width and height as whole cells, kept between 1 and the maximum; None when they are not numbers."""
    if not all(isinstance(value, (int, str)) and not isinstance(value, bool) for value in (width, height)):
        return None
    try:
        cells = int(str(width)), int(str(height))
    except ValueError:
        return None
    return min(max(cells[0], 1), MAX_WIDTH), min(max(cells[1], 1), MAX_HEIGHT)


def parse_tab_message(text: str) -> TabMessage | None:
    """The message a tab sent, or None when it is malformed or of a kind we do not know."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a number too long to read, nesting too deep
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin":
        return TabMessage(kind, text=data) if isinstance(data, str) else None
    if kind == "resize":
        size = terminal_size(data.get("width"), data.get("height")) if isinstance(data, dict) else None
        return TabMessage(kind, width=size[0], height=size[1]) if size else None
    if kind == "ping":
        return TabMessage(kind, ping=data) if isinstance(data, (str, int, float)) and not isinstance(data, bool) else None
    if kind in ("blur", "focus"):
        return TabMessage(kind)
    return None
