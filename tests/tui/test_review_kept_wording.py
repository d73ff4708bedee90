"""Review shows an attempt in the wording the patient saw, after the bank was reworded or deleted (Pilot)."""

from __future__ import annotations

import shutil

from comprehend.bank.loader import load_bank
from comprehend.review.screens.detail import DetailScreen
from comprehend.session import AttemptSession
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK, FixedClock
from tests.tui.helpers import screen_text, staff_with_nurse, wait_until
from tests.tui.review_helpers import NURSE, NURSE_PIN
from comprehend.review.launch import make_review_app

OLD_ASK = "What colour is a clear sky?"
NEW_ASK = "Which colour does the sky have when there are no clouds?"


def _take(results, bank):
    session = AttemptSession(bank, "PT-7", ResultsStore(results, "kiosk-1"), 3, FixedClock())
    while not session.run.finished:
        step = session.run.current
        if hasattr(step, "choices"):
            session.answer(next(i for i, choice in enumerate(step.choices) if not choice.correct))
        else:
            session.run.move_on()


async def _detail_text(tmp_path, banks, snapshots=True):
    results = tmp_path / "results"
    _take(results, load_bank(SMALL_BANK))
    if not snapshots:
        shutil.rmtree(results / "banks")
    staff_with_nurse(results)
    app = make_review_app(tmp_path, results, banks=banks, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*NURSE, "enter")
        await pilot.pause()
        await pilot.press(*NURSE_PIN, "enter")
        assert await wait_until(pilot, lambda: app.screen.query("DataTable"))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        return screen_text(app)


def _reworded(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK.read_text(encoding="utf-8").replace(OLD_ASK, NEW_ASK).replace("version: 2", "version: 3"),
                    encoding="utf-8")
    return load_bank(path)


async def test_detail_of_a_reworded_bank_shows_the_old_wording(tmp_path):
    """The bank file says version 3 with a new question; the detail shows version 2's question, marked older."""
    text = await _detail_text(tmp_path, [_reworded(tmp_path)])
    assert OLD_ASK in text and NEW_ASK not in text
    assert "an older version of this bank" in text


async def test_detail_when_the_bank_file_is_gone(tmp_path):
    """No bank in the questions folder at all: the attempt still opens, in its own wording."""
    text = await _detail_text(tmp_path, [])
    assert OLD_ASK in text


async def test_detail_without_a_snapshot_says_the_wording_was_not_kept(tmp_path):
    """An attempt stored before snapshots, on a bank since reworded: the choices as given and a plain note, no new wording."""
    text = await _detail_text(tmp_path, [_reworded(tmp_path)], snapshots=False)
    assert NEW_ASK not in text
    assert "was not kept" in text
