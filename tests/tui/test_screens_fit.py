"""What a new kiosk shows fits without scrolling: the welcome with the two bundled banks, and a long result's
'tell the nurse' line and Done, at 80x24 and on a large screen."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.scoring import Figures
from comprehend.words import words_for
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES
from tests.tui.helpers import make_app, wait_until

SIZES = [(80, 24), (120, 40)]


def inside(app, widget, bottom_rows: int = 0) -> bool:
    """The widget is drawn whole inside the terminal (above the last `bottom_rows` rows)."""
    region = widget.region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height - bottom_rows and region.right <= app.size.width


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("setup_mode", [False, True], ids=["locked", "setup-mode"])
async def test_the_welcome_with_the_two_bundled_banks_shows_everything(tmp_path, monkeypatch, size, setup_mode):
    """The high-contrast button and its line in both languages, both banks and the hint: all without scrolling,
    on a kiosk as first installed too (setup mode: the staff banner on top, naming the default results folder)."""
    monkeypatch.chdir(tmp_path)  # the default results/ folder (here), as a new kiosk has
    app = make_app(tmp_path / "results", banks=[load_bank(KYPHOPLASTY), load_bank(KYPHOPLASTY_ES)], setup_mode=setup_mode)
    async with app.run_test(size=size) as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        screen = app.screen
        assert screen.query_one(".page").max_scroll_y == 0
        assert inside(app, screen.query_one("#contrast"))
        hint = screen.query_one(".contrast-hint", Static)
        assert inside(app, hint) and str(hint.content) == "Hard to read? Press C.\n¿Le cuesta leer? Pulse C."
        assert all(inside(app, widget) for widget in screen.query(Static))
        assert len(screen.query(".choice")) == 2 and all(inside(app, choice) for choice in screen.query(".choice"))


def everything_missed(bank) -> Figures:
    """The figures of a patient who missed every point, on the first try and after."""
    ids = tuple(fact.id for fact in bank.facts)
    return Figures(first_try_correct=0, total=len(ids), rounds_by_fact={i: None for i in ids}, missed_first=ids,
                   never_mastered=ids)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("bank_file", [KYPHOPLASTY, KYPHOPLASTY_ES], ids=["en", "es"])
async def test_a_long_result_shows_tell_the_nurse_and_done_without_scrolling(results_dir, size, bank_file):
    """26 points to talk over: thanks and the score on top, 'tell the nurse' and Done below; only the points scroll."""
    bank = load_bank(bank_file)
    words = words_for(bank.language)
    app = make_app(results_dir, banks=[bank])
    async with app.run_test(size=size) as pilot:
        await app.push_screen(ResultScreen(bank, everything_missed(bank), seconds=3600, words=words,
                                           staff_note="Staff: this attempt could not be saved to disk."))
        assert await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        screen = app.screen
        see_nurse = screen.query_one("#see-nurse", Static)
        assert str(see_nurse.content) == words.tell_nurse
        for selector in ("#see-nurse", "#done", "#staff-note", "#score"):
            assert inside(app, screen.query_one(selector), bottom_rows=1), selector  # above the hint bar
        points = screen.query_one("#result-points")
        assert points.max_scroll_y > 0 and points.scroll_y == 0  # the points scroll, from the first
        assert screen.query_one("#done").has_focus
