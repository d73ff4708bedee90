"""SVG snapshots of review for an attempt where the patient asked for the nurse (issue 14): the list and the detail."""

from __future__ import annotations

import pytest

from comprehend.bank.loader import load_bank
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK
from tests.tui.review_helpers import nurse_opens_first, nurse_signs_in, review_app

SIZES = [(80, 24), (100, 30)]
SIZE_IDS = ["80x24", "100x30"]


def stored(results) -> None:
    """A ready attempt, and a newer one where the patient asked for the nurse from the second question."""
    bank = load_bank(SMALL_BANK)
    ResultsStore(results, "kiosk-1").finish_many([
        taken_attempt(bank, "P-1", [True, True, True], "2026-11-01T09:00:00+00:00", attempt_id="b1" * 16),
        taken_attempt(bank, "P-2", [False], "2026-11-02T09:00:00+00:00", stop_after=1, ask_nurse="question",
                      attempt_id="b2" * 16),
    ])


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_list_marks_the_attempt(snap_compare, results_dir, size):
    stored(results_dir)
    assert snap_compare(review_app(results_dir), terminal_size=size, run_before=nurse_signs_in)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_detail_says_what_the_score_counts(snap_compare, results_dir, size):
    stored(results_dir)
    assert snap_compare(review_app(results_dir), terminal_size=size, run_before=nurse_opens_first)
