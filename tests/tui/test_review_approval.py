"""Review shows who approved the bank version each patient took, or that it was a draft, as it stood that day (Pilot)."""

from __future__ import annotations

from comprehend.review.launch import make_review_app
from comprehend.review.screens.detail import DetailScreen
from tests.approval_builders import APPROVED_SENTENCE, DRAFT_SENTENCE, draft_then_approved
from tests.conftest import FixedClock
from tests.tui.helpers import screen_text, staff_with_nurse, wait_until
from tests.tui.review_helpers import NURSE, NURSE_PIN


async def _open(app, pilot, row: int) -> str:
    """Open the attempt on `row` of the list (0: newest) and return the detail's text; then back to the list."""
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    assert await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
    text = screen_text(app)
    await pilot.press("escape")
    assert await wait_until(pilot, lambda: not isinstance(app.screen, DetailScreen))
    return text


async def test_each_attempt_shows_the_approval_of_the_version_it_was_taken_on(tmp_path):
    """PT-DRAFT took the draft; the bank was then approved (same version, same wording) and PT-APPROVED took it."""
    results, approved = draft_then_approved(tmp_path)
    staff_with_nurse(results)
    app = make_review_app(tmp_path / "questions", results, banks=[approved], clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*NURSE, "enter")
        await pilot.pause()
        await pilot.press(*NURSE_PIN, "enter")
        assert await wait_until(pilot, lambda: app.screen.query("DataTable"))
        newest = await _open(app, pilot, 0)
        assert "PT-APPROVED" in newest and APPROVED_SENTENCE in newest and "draft" not in newest
        oldest = await _open(app, pilot, 1)
        assert "PT-DRAFT" in oldest and DRAFT_SENTENCE in oldest and "Dr Ann Lee" not in oldest
        assert "(same wording; only the approval changed since)" in oldest and "may have changed" not in oldest
