"""Nurse reviews: each sign-off is its own appended record (never an edit of the attempt)."""

from __future__ import annotations

import uuid
from pathlib import Path

from comprehend.store.journal import Journal
from comprehend.store.shapes import review_problem

REVIEWS = "reviews"
NOTE_MAX = 2000


class ReviewLog:
    """The sign-offs of attempts, in results/reviews/<YYYY-MM>.json."""

    def __init__(self, results: Path):
        self.journal = Journal(results, REVIEWS, review_problem)

    @property
    def problems(self):
        """Damaged review files met while reading (set aside when writing)."""
        return self.journal.problems

    def add(self, attempt_id: str, reviewer: str, note: str, at: str) -> dict:
        """Store a sign-off of `attempt_id` by `reviewer` with a note; returns the stored record."""
        record = {
            "review_id": uuid.uuid4().hex,
            "attempt_id": attempt_id,
            "reviewer": reviewer,
            "at": at,
            "note": note.strip()[:NOTE_MAX],
        }
        self.journal.append(record)
        return record

    def by_attempt(self) -> dict[str, list[dict]]:
        """Every attempt's sign-offs, oldest first."""
        grouped: dict[str, list[dict]] = {}
        for record in self.journal.records():
            grouped.setdefault(record.get("attempt_id", ""), []).append(record)
        for reviews in grouped.values():
            reviews.sort(key=lambda review: review.get("at", ""))
        return grouped
