"""The nurse's list of attempts: one row per attempt, filters, search and the 'to review' order.

Pure functions over stored records, reviews and the current banks (no Textual, no I/O).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from comprehend.bank.model import Bank
from comprehend.record import COMPLETED, INCOMPLETE, IN_PROGRESS

NEEDS_DISCUSSION = "needs-discussion"
READY = "ready"
CONTINUED = "continued"  # left unfinished, then carried on in a later attempt
OUTCOMES = (NEEDS_DISCUSSION, READY, INCOMPLETE)


@dataclass(frozen=True)
class AttemptRow:
    """What the attempts table shows for one attempt."""

    attempt_id: str
    started_at: str
    patient_id: str
    bank_id: str
    bank_title: str
    bank_version: int
    first_try_correct: int
    total: int
    outcome: str
    status: str
    reviewed: bool
    older_version: bool  # the bank has changed since (another version or content)
    language: str = "en"

    @property
    def score_text(self) -> str:
        """'7 of 9' — the first-try score."""
        return f"{self.first_try_correct} of {self.total}"

    @property
    def when(self) -> str:
        """'2026-11-02 09:30' for the table."""
        return self.started_at[:16].replace("T", " ")


@dataclass(frozen=True)
class AttemptFilter:
    """What the nurse narrowed the list to. Empty values mean 'any'."""

    outcome: str = ""  # one of OUTCOMES
    reviewed: bool | None = None
    since: str = ""  # ISO date, inclusive
    until: str = ""  # ISO date, inclusive
    bank_id: str = ""
    search: str = ""  # part of a patient id

    def keeps(self, row: AttemptRow) -> bool:
        """True when `row` passes every part of the filter."""
        day = row.started_at[:10]
        if self.reviewed is False and not self.outcome and row.outcome == CONTINUED:
            return False  # nothing to review there: the later attempt carries its answers
        return (
            (not self.outcome or row.outcome == self.outcome)
            and (self.reviewed is None or row.reviewed == self.reviewed)
            and (not self.since or day >= self.since)
            and (not self.until or day <= self.until)
            and (not self.bank_id or row.bank_id == self.bank_id)
            and (not self.search or self.search.strip().upper() in row.patient_id.upper())
        )


TO_REVIEW = AttemptFilter(reviewed=False)


def _outcome(record: dict) -> str:
    status = record.get("status")
    if status == IN_PROGRESS:
        return IN_PROGRESS
    if status != COMPLETED:
        return INCOMPLETE
    return str(record.get("outcome") or INCOMPLETE)


def attempt_rows(records: Iterable[dict], reviews: Mapping[str, list], banks: Mapping[str, Bank]) -> list[AttemptRow]:
    """A row per stored attempt; `reviews` maps attempt ids to their sign-offs, `banks` ids to current banks."""
    records = list(records)
    continued = {record.get("resumed_from") for record in records if record.get("resumed_from")}
    rows = []
    for record in records:
        bank = banks.get(record.get("bank_id", ""))
        outcome = _outcome(record)
        if outcome == INCOMPLETE and record.get("attempt_id") in continued:
            outcome = CONTINUED
        older = bank is not None and (record.get("bank_version") != bank.version or record.get("bank_hash") != bank.content_hash)
        rows.append(
            AttemptRow(
                attempt_id=str(record.get("attempt_id", "")),
                started_at=str(record.get("started_at", "")),
                patient_id=str(record.get("patient_id", "")),
                bank_id=str(record.get("bank_id", "")),
                bank_title=str(record.get("bank_title") or record.get("bank_id", "")),
                bank_version=int(record.get("bank_version") or 0),
                first_try_correct=int(record.get("first_try_correct") or 0),
                total=int(record.get("total") or 0),
                outcome=outcome,
                status=str(record.get("status", "")),
                reviewed=bool(reviews.get(record.get("attempt_id", ""))),
                older_version=older,
                language=str(record.get("language") or "en"),
            )
        )
    return rows


def to_review_order(rows: Iterable[AttemptRow]) -> list[AttemptRow]:
    """Not yet reviewed first, needs-discussion first among those, newest first within each."""
    newest_first = sorted(rows, key=lambda row: row.started_at, reverse=True)
    return sorted(newest_first, key=lambda row: (row.reviewed, row.outcome != NEEDS_DISCUSSION))


SORT_KEYS = {
    "when": lambda row: row.started_at,
    "patient": lambda row: row.patient_id,
    "bank": lambda row: (row.bank_title, row.bank_version),
    "score": lambda row: (row.first_try_correct / row.total if row.total else 0.0),
    "outcome": lambda row: row.outcome,
    "reviewed": lambda row: row.reviewed,
}


def sort_rows(rows: Iterable[AttemptRow], column: str, descending: bool = False) -> list[AttemptRow]:
    """Rows sorted by one column (see SORT_KEYS)."""
    return sorted(rows, key=SORT_KEYS[column], reverse=descending)


@dataclass(frozen=True)
class Counts:
    """The figures in the review header."""

    shown: int
    total: int
    to_review: int
    needs_discussion: int


def counts(all_rows: list[AttemptRow], shown: list[AttemptRow]) -> Counts:
    """How many attempts in all, shown, not yet reviewed, and needing discussion and not reviewed."""
    return Counts(
        shown=len(shown),
        total=len(all_rows),
        to_review=sum(1 for row in all_rows if not row.reviewed),
        needs_discussion=sum(1 for row in all_rows if not row.reviewed and row.outcome == NEEDS_DISCUSSION),
    )
