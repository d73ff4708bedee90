"""The educator preview shows whether the bank is a draft or approved: in the banner, beside each question, at the end (Pilot)."""

from __future__ import annotations

import shutil

import pytest

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.preview.app import PreviewApp
from comprehend.preview.screens import EndScreen
from tests.approval_builders import APPROVAL, APPROVED_SENTENCE, DRAFT_SENTENCE
from tests.conftest import SMALL_BANK
from tests.tui.helpers import screen_text, wait_until
from tests.tui.test_preview import save


@pytest.fixture
def bank_file(tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(SMALL_BANK, path)
    return path


async def test_a_draft_says_so_in_the_banner_beside_each_question_and_at_the_end(bank_file):
    app = PreviewApp(bank_file, load_bank(bank_file), watch_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.border_title.startswith("PREVIEW · DRAFT · nothing is stored")
        await app.show_question(0)
        await pilot.pause()
        assert app.screen.border_title.startswith("PREVIEW · DRAFT · ")
        assert f"{DRAFT_SENTENCE}." in screen_text(app)
        await app.show_question(len(app.bank.questions) - 1)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, EndScreen))
        assert f"{DRAFT_SENTENCE}." in screen_text(app)


async def test_approving_while_previewing_shows_the_approval_at_once(bank_file):
    """The educator saves the file with an approval: the reloaded question says who approved it."""
    app = PreviewApp(bank_file, load_bank(bank_file), watch_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.show_question(1)
        await pilot.pause()
        save(bank_file, "max_rounds: 2\n", "max_rounds: 2\n" + APPROVAL)
        assert await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen) and f"{APPROVED_SENTENCE}." in screen_text(app))
        assert app.screen.border_title.startswith("PREVIEW · APPROVED · nothing is stored")
        assert "draft" not in screen_text(app).lower()
