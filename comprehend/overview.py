"""The nurse's list of attempts: one row per attempt, filters, search and the 'to review' order.

Pure functions over stored records, reviews and the current banks (no Textual, no I/O).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

from comprehend.bank.model import Bank
from comprehend.record import COMPLETED, INCOMPLETE, IN_PROGRESS
from comprehend.store.summaries import FIELD, summarize

NEEDS_DISCUSSION = "needs-discussion"
READY = "ready"
CONTINUED = "continued"  # left unfinished, then carried on in a later attempt
OUTCOMES = (NEEDS_DISCUSSION, READY, INCOMPLETE)


class AttemptRow(NamedTuple):
    """What the attempts table shows for one attempt (a named tuple: 100k of them are made at each opening)."""

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
    asked_for_nurse: bool = False  # the patient stopped and asked for the nurse (the score counts only what was asked)

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
    language: str = ""  # e.g. "es"

    def apply(self, rows: Iterable[AttemptRow]) -> list[AttemptRow]:
        """The rows the filter keeps; only the parts set are checked (the list may hold 100k rows)."""
        checks = []
        if self.reviewed is not None:
            wanted = self.reviewed
            checks.append(lambda row: row.reviewed == wanted)
            if wanted is False and not self.outcome:
                checks.append(lambda row: row.outcome != CONTINUED)
        if self.outcome:
            checks.append(lambda row: row.outcome == self.outcome)
        if self.since:
            checks.append(lambda row: row.started_at[:10] >= self.since)
        if self.until:
            checks.append(lambda row: row.started_at[:10] <= self.until)
        if self.bank_id:
            checks.append(lambda row: row.bank_id == self.bank_id)
        if self.language:
            checks.append(lambda row: row.language == self.language)
        if self.search.strip():
            needle = self.search.strip().upper()
            checks.append(lambda row: needle in row.patient_id.upper())
        kept: Iterable[AttemptRow] = rows
        for check in checks:  # one pass per check, each over what the last one kept
            kept = filter(check, kept)
        return list(kept)


TO_REVIEW = AttemptFilter(reviewed=False)


def attempt_rows(records: Iterable[dict], reviews: Mapping[str, list], banks: Mapping[str, Bank]) -> list[AttemptRow]:
    """A row per stored attempt (whole records or summaries by name); see rows_from_summaries."""
    return rows_from_summaries([summarize(record) for record in records], reviews, banks)


def rows_from_summaries(summaries: list[list], reviews: Mapping[str, list], banks: Mapping[str, Bank]) -> list[AttemptRow]:
    """A row per attempt from summaries in SUMMARY_FIELDS order; `reviews` maps attempt ids to their sign-offs."""
    (ID, STARTED, PATIENT, BANK, TITLE, VERSION, HASH, LANGUAGE, RIGHT, TOTAL, OUTCOME, STATUS, RESUMED, NURSE) = (
        FIELD[name] for name in ("attempt_id", "started_at", "patient_id", "bank_id", "bank_title", "bank_version", "bank_hash",
                                 "language", "first_try_correct", "total", "outcome", "status", "resumed_from", "asked_for_nurse"))
    continued = {values[RESUMED] for values in summaries if values[RESUMED]}
    current = {(bank.id, bank.language): (bank.version, bank.content_hash) for bank in banks.values()}
    rows = []
    append = rows.append
    make = tuple.__new__  # AttemptRow(...) checks its arguments one by one; 100k rows are made at each opening
    for values in summaries:
        attempt_id = values[ID] or ""
        bank_id = values[BANK] or ""
        status = values[STATUS] or ""
        if status == COMPLETED:
            outcome = values[OUTCOME] or INCOMPLETE
        elif status == IN_PROGRESS:
            outcome = IN_PROGRESS
        else:
            outcome = INCOMPLETE
        if outcome == INCOMPLETE and attempt_id in continued:
            outcome = CONTINUED
        version = values[VERSION] or 0
        language = values[LANGUAGE] or "en"
        now = current.get((bank_id, language))
        append(make(AttemptRow, (
            attempt_id, values[STARTED] or "", values[PATIENT] or "", bank_id, values[TITLE] or bank_id, version,
            values[RIGHT] or 0, values[TOTAL] or 0, outcome, status, attempt_id in reviews,
            now is not None and (version, values[HASH]) != now, language, values[NURSE] is True,
        )))
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
    """How many attempts in all and shown, and how many the 'to review' filter lists, and of those need discussion.

    To review is counted by the filter itself (TO_REVIEW), so the header and the list opened on it always agree: an
    attempt continued in a later one is not counted (before, it was: "5 shown of 6 · 6 to review").
    """
    to_review = TO_REVIEW.apply(all_rows)
    return Counts(
        shown=len(shown),
        total=len(all_rows),
        to_review=len(to_review),
        needs_discussion=sum(1 for row in to_review if row.outcome == NEEDS_DISCUSSION),
    )
