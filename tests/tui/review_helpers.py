"""Helpers for driving the review app in Pilot tests: a results folder with known attempts and a nurse."""

from __future__ import annotations

from pathlib import Path

from comprehend.bank.loader import load_bank
from comprehend.review.launch import make_review_app
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK, FixedClock
from tests.tui.helpers import NURSE, NURSE_PIN, staff_with_nurse

__all__ = ["NURSE", "NURSE_PIN", "many_attempts", "nurse_opens_first", "nurse_signs_in", "review_app", "stored_attempts"]


def stored_attempts(results: Path) -> dict[str, dict]:
    """Five attempts on the small bank: ready, needs discussion, incomplete, on three days; two by P-1."""
    bank = load_bank(SMALL_BANK)
    records = [
        taken_attempt(bank, "P-1", [True, True, True], "2026-11-01T09:00:00+00:00", attempt_id="a1" * 16),
        taken_attempt(bank, "P-2", [False, True, True], "2026-11-02T09:00:00+00:00", attempt_id="a2" * 16),
        taken_attempt(bank, "P-3", [False, False, False], "2026-11-03T09:00:00+00:00", attempt_id="a3" * 16),
        taken_attempt(bank, "Q-9", [True], "2026-11-03T10:00:00+00:00", stop_after=1, attempt_id="a4" * 16),
        taken_attempt(bank, "P-1", [False, False, True], "2026-11-04T09:00:00+00:00", attempt_id="a5" * 16),
    ]
    ResultsStore(results, "kiosk-1").finish_many(records)
    return {record["attempt_id"]: record for record in records}


def review_app(results: Path, **options):
    """Review over `results` (with one nurse account) on the small bank, with a fixed clock."""
    staff_with_nurse(results)
    options.setdefault("clock", FixedClock())
    options.setdefault("banks", [load_bank(SMALL_BANK)])
    return make_review_app(SMALL_BANK.parent, results, **options)


def many_attempts(results: Path, count: int = 30) -> None:
    """The five of stored_attempts and `count` more (patients PATIENT-0000…), so the list scrolls at 80x24 and 100x30."""
    stored_attempts(results)
    bank = load_bank(SMALL_BANK)
    ResultsStore(results, "kiosk-1").finish_many([
        taken_attempt(bank, f"PATIENT-{n:04d}", [False, True, True], f"2026-11-{n % 9 + 1:02d}T09:{n % 60:02d}:00+00:00",
                      attempt_id=f"{n:032x}")
        for n in range(count)
    ])


async def nurse_signs_in(pilot) -> None:
    """On review's sign-in screen: the test nurse's name and PIN."""
    await pilot.press(*NURSE, "enter")
    await pilot.pause()
    await pilot.press(*NURSE_PIN, "enter")
    await pilot.pause()


async def nurse_opens_first(pilot) -> None:
    """Sign in, then open the first attempt of the list."""
    await nurse_signs_in(pilot)
    await pilot.press("enter")
    await pilot.pause()
