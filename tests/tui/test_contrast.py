"""High contrast: C on the welcome screen (or --theme) switches it for one attempt; every text pair is at least 7:1."""

from __future__ import annotations

import pytest
from textual.color import Color

from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.themes import DEFAULT, HIGH_CONTRAST
from tests.tui.helpers import make_app, sign_in


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours."""
    def luminance(text: str) -> float:
        color = Color.parse(text)
        channels = []
        for value in (color.r, color.g, color.b):
            value /= 255
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


async def test_c_switches_high_contrast_for_one_attempt(results_dir):
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DEFAULT
        await pilot.press("c")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        await sign_in(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.theme == HIGH_CONTRAST  # kept for the attempt
        await app.back_to_welcome()
        await pilot.pause()
        assert app.theme == DEFAULT  # the next patient starts with the default


async def test_the_theme_option_starts_in_high_contrast(results_dir):
    app = make_app(results_dir, theme_name="high-contrast")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == HIGH_CONTRAST
        await pilot.press("c")
        await pilot.pause()
        assert app.theme == DEFAULT


@pytest.mark.parametrize("text, background", [
    ("foreground", "background"), ("text-primary", "background"), ("text-muted", "background"),
    ("foreground", "surface"), ("foreground", "panel"), ("text-warning", "background"),
])
async def test_every_text_pair_is_at_least_7_to_1(results_dir, text, background):
    app = make_app(results_dir, theme_name="high-contrast")
    async with app.run_test(size=(80, 24)):
        variables = app.get_css_variables()
        assert contrast(variables[text], variables[background]) >= 7


async def test_choices_are_at_least_three_rows_tall_on_every_theme(results_dir):
    for theme in ("default", "high-contrast"):
        app = make_app(results_dir / theme, theme_name=theme)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            heights = [choice.outer_size.height for choice in app.screen.query(".choice")]  # border and text, no margin
            assert heights and min(heights) >= 3
