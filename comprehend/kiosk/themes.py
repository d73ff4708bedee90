"""The kiosk's themes: the default, and a high-contrast one for patients with low vision (every text pair ≥ 7:1)."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT = "textual-dark"
HIGH_CONTRAST = "comprehend-high-contrast"
THEMES = {"default": DEFAULT, "high-contrast": HIGH_CONTRAST}

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",  # yellow on black: 19.6:1
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF8080",
    success="#00FF00",
    foreground="#FFFFFF",  # white on black: 21:1
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-primary": "#FFFF00",
        "text-muted": "#FFFFFF",
        "text-warning": "#FFFF00",
        "text-success": "#00FF00",
        "footer-background": "#000000",
        "footer-foreground": "#FFFFFF",
    },
)
