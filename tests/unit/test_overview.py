"""The nurse's attempts list: rows, the 'to review' order, each filter, search, sorting, counts, older versions."""

from __future__ import annotations

from dataclasses import replace

from comprehend.overview import (
    TO_REVIEW,
    AttemptFilter,
    attempt_rows,
    counts,
    sort_rows,
    to_review_order,
)
from tests.builders import taken_attempt


def rows_for(bank, reviewed_ids=()):
    records = [
        taken_attempt(bank, "P-1", [True, True, True], "2026-11-01T09:00:00+00:00", attempt_id="a1"),  # ready
        taken_attempt(bank, "P-2", [False, True, True], "2026-11-02T09:00:00+00:00", attempt_id="a2"),  # 2/3, critical re-asked
        taken_attempt(bank, "P-3", [False, False, False], "2026-11-03T09:00:00+00:00", attempt_id="a3"),  # needs discussion
        taken_attempt(bank, "Q-9", [True], "2026-11-04T09:00:00+00:00", stop_after=1, attempt_id="a4"),  # incomplete
        taken_attempt(bank, "P-1", [False, False, True], "2026-11-05T09:00:00+00:00", attempt_id="a5"),  # needs discussion
    ]
    reviews = {attempt_id: [{"reviewer": "Ann"}] for attempt_id in reviewed_ids}
    return attempt_rows(records, reviews, {bank.id: bank})


def test_rows_carry_score_outcome_and_review_state(small_bank):
    rows = {row.attempt_id: row for row in rows_for(small_bank, reviewed_ids=["a1"])}
    assert rows["a1"].score_text == "3 of 3" and rows["a1"].outcome == "ready" and rows["a1"].reviewed
    assert rows["a3"].score_text == "0 of 3" and rows["a3"].outcome == "needs-discussion"
    assert rows["a4"].outcome == "incomplete" and not rows["a4"].reviewed
    assert rows["a1"].when == "2026-11-01 09:00"


def test_to_review_order_puts_unreviewed_needs_discussion_newest_first(small_bank):
    order = [row.attempt_id for row in to_review_order(rows_for(small_bank, reviewed_ids=["a5"]))]
    # not reviewed + needs discussion (newest first), then other not reviewed (newest first), then reviewed
    needs = [r.attempt_id for r in rows_for(small_bank) if r.outcome == "needs-discussion" and r.attempt_id != "a5"]
    assert order[: len(needs)] == sorted(needs, reverse=True)
    assert order[-1] == "a5"
    assert order.index("a4") < order.index("a1")


def test_each_filter_narrows_the_list(small_bank):
    rows = rows_for(small_bank, reviewed_ids=["a1"])

    def kept(**parts):
        return sorted(row.attempt_id for row in AttemptFilter(**parts).apply(rows))

    assert kept() == ["a1", "a2", "a3", "a4", "a5"]
    assert kept(outcome="incomplete") == ["a4"]
    assert kept(outcome="ready") == sorted(r.attempt_id for r in rows if r.outcome == "ready")
    assert kept(reviewed=True) == ["a1"]
    assert kept(reviewed=False) == ["a2", "a3", "a4", "a5"]
    assert kept(since="2026-11-02", until="2026-11-04") == ["a2", "a3", "a4"]
    assert kept(search="p-1") == ["a1", "a5"]
    assert kept(search="q") == ["a4"]
    assert kept(bank_id="other") == []
    assert kept(bank_id="small", reviewed=False, search="P-") == ["a2", "a3", "a5"]


def test_sorting_by_each_column(small_bank):
    rows = rows_for(small_bank)
    assert [r.attempt_id for r in sort_rows(rows, "when", descending=True)] == ["a5", "a4", "a3", "a2", "a1"]
    assert [r.patient_id for r in sort_rows(rows, "patient")] == ["P-1", "P-1", "P-2", "P-3", "Q-9"]
    scores = [r.first_try_correct / r.total for r in sort_rows(rows, "score")]
    assert scores == sorted(scores)


def test_counts_for_the_header(small_bank):
    rows = rows_for(small_bank, reviewed_ids=["a3"])
    shown = [row for row in rows if row.patient_id == "P-1"]
    figures = counts(rows, shown)
    assert (figures.shown, figures.total, figures.to_review) == (2, 5, 4)
    assert figures.needs_discussion == sum(1 for r in rows if r.outcome == "needs-discussion" and r.attempt_id != "a3")


def test_attempts_on_an_older_bank_version_are_marked(small_bank):
    newer = replace(small_bank, version=small_bank.version + 1)
    rows = attempt_rows([taken_attempt(small_bank, "P-1", [], "2026-11-01T09:00:00+00:00")], {}, {newer.id: newer})
    assert rows[0].older_version
    same = attempt_rows([taken_attempt(small_bank, "P-1", [], "2026-11-01T09:00:00+00:00")], {}, {small_bank.id: small_bank})
    assert not same[0].older_version


def test_to_review_in_the_header_counts_what_the_to_review_filter_lists(small_bank):
    """An attempt carried on in a later one is not listed under 'to review', so it is not counted either.

    Before, the header said "5 shown of 6 attempts · 6 to review" with the list opened on To review.
    """
    records = [taken_attempt(small_bank, f"P-{n}", [False, True, True], f"2026-11-0{n}T09:00:00+00:00", attempt_id=f"a{n}")
               for n in range(1, 6)]
    left = taken_attempt(small_bank, "P-6", [True], "2026-11-06T09:00:00+00:00", stop_after=1, attempt_id="left")
    later = taken_attempt(small_bank, "P-6", [True, True, True], "2026-11-06T10:00:00+00:00", attempt_id="later")
    later["resumed_from"] = "left"
    rows = attempt_rows([*records, left, later], {"a1": [{"reviewer": "Ann"}]}, {small_bank.id: small_bank})
    listed = TO_REVIEW.apply(rows)
    figures = counts(rows, listed)
    assert {row.outcome for row in rows if row.attempt_id == "left"} == {"continued"}
    assert figures.total == 7 and figures.shown == len(listed) == 5
    assert figures.to_review == figures.shown
    assert figures.needs_discussion == sum(1 for row in listed if row.outcome == "needs-discussion")
