"""What review screens, reports and the audit command read: attempts, sign-offs and banks of one clinic.

The one place that joins the results store, the review log and the questions folder (no Textual).
"""

from __future__ import annotations

from pathlib import Path

from comprehend.attempt_detail import AttemptDetail, attempt_detail
from comprehend.bank.discovery import load_banks
from comprehend.bank.model import Bank
from comprehend.bank.translations import is_translation
from comprehend.overview import AttemptRow, rows_from_summaries
from comprehend.store import ResultsStore
from comprehend.store.audit import SIGNED_OFF, AuditLog
from comprehend.store.bank_shelf import BankShelf
from comprehend.store.files import DamagedFileError
from comprehend.store.reviews import ReviewLog
from comprehend.store.summaries import FIELD


class ReviewData:
    """Attempts with their sign-offs, loaded once and reloaded on request."""

    def __init__(self, results: Path, questions: Path, banks: list[Bank] | None = None):
        self.results = Path(results)
        self.store = ResultsStore(self.results, "review")
        self.reviews = ReviewLog(self.results)
        self.audit = AuditLog(self.results)
        # keyed by id and language: a translation has the id of its original
        self.banks = {(bank.id, bank.language): bank for bank in (banks if banks is not None else load_banks(Path(questions))[0])}
        self.shelf = BankShelf(self.results, self.banks.values())  # each attempt's own bank version
        self.summaries: dict[str, list] = {}  # attempt id -> the list fields in SUMMARY_FIELDS order (no answers)
        self._records: dict[str, dict] = {}  # whole records read so far, by attempt id
        self.rows: list[AttemptRow] = []
        self.signoffs: dict[str, list[dict]] = {}

    def load(self) -> list[AttemptRow]:
        """Read every attempt and sign-off again; returns the rows."""
        self.store.problems.clear()
        self.reviews.problems.clear()
        self.shelf.problems.clear()
        values = self.store.summary_values()
        self.summaries = {summary[0] or "": summary for summary in values}
        self._records.clear()
        self.signoffs = self.reviews.by_attempt()
        self.rows = rows_from_summaries(values, self.signoffs, self.banks)
        return self.rows

    def record(self, attempt_id: str) -> dict | None:
        """The whole record of one attempt (its answers too), read from its shard when first asked for."""
        if attempt_id not in self._records:
            summary = self.summaries.get(attempt_id)
            record = self.store.record(attempt_id, (summary[FIELD["shard"]] if summary else "") or "")
            if record is None:
                return None
            self._records[attempt_id] = record
        return self._records[attempt_id]

    def all_records(self) -> list[dict]:
        """Every whole record (for statistics; slower than the list)."""
        return list(self.store.attempts())

    @property
    def problems(self) -> list[DamagedFileError]:
        """Files that could not be read during the last load."""
        return [*self.store.problems, *self.reviews.problems, *self.shelf.problems]

    def row(self, attempt_id: str) -> AttemptRow | None:
        """The row of one attempt, or None."""
        return next((row for row in self.rows if row.attempt_id == attempt_id), None)

    def rows_for_patient(self, patient_id: str) -> list[AttemptRow]:
        """Every attempt of one patient, newest first."""
        wanted = patient_id.strip().upper()
        return sorted((row for row in self.rows if row.patient_id.upper() == wanted), key=lambda row: row.started_at, reverse=True)

    def detail(self, attempt_id: str) -> AttemptDetail | None:
        """Everything about one attempt, in the wording it was taken on (when kept); None when it is not stored."""
        row = self.row(attempt_id)
        record = self.record(attempt_id) if row is not None else None
        if row is None or record is None:
            return None
        bank = self.shelf.for_record(record)
        original = self.original_of(bank) if bank is not None else None
        return attempt_detail(row, record, bank, self.rows, self.signoffs.get(attempt_id, []), original, self.unread_reviews(),
                              self.shelf.current(row.bank_id, row.language))

    def unread_reviews(self) -> tuple[str, ...]:
        """The sign-off files (relative to the results folder) that could not be read in full at the last load."""
        names = []
        for damaged in self.reviews.problems:
            try:
                names.append(str(damaged.path.relative_to(self.results)))
            except ValueError:
                names.append(damaged.path.name)
        return tuple(dict.fromkeys(names))

    def original_of(self, bank: Bank) -> Bank | None:
        """The bank a translation was made from (None for an original, or when it is not here)."""
        if not is_translation(bank):
            return None
        return next((other for other in self.banks.values() if other.id == bank.id and not is_translation(other)), None)

    def sign_off(self, attempt_id: str, reviewer: str, note: str, at: str) -> dict:
        """Store a sign-off and audit it; returns the stored review."""
        review = self.reviews.add(attempt_id, reviewer, note, at)
        self.audit.record(reviewer, SIGNED_OFF, at, attempt_id)
        self.signoffs.setdefault(attempt_id, []).append(review)
        # only this row changes: rebuilding all of them took ~0.2 s at 100k attempts
        self.rows = [row._replace(reviewed=True) if row.attempt_id == attempt_id else row for row in self.rows]
        return review
