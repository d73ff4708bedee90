"""A report as CSV: one row per answer given, with the attempt's figures on each row."""

from __future__ import annotations

import csv
import io

from comprehend.attempt_detail import AttemptDetail
from comprehend.export import safe_cell

COLUMNS = ["attempt_id", "patient_id", "bank_id", "bank_version", "started_at", "outcome", "first_try_correct", "total",
           "asked_for_nurse", "question_id", "fact_id", "question", "round", "choice", "correct", "right_answer"]


def render_csv(details: list[AttemptDetail]) -> str:
    """The answers of one or more attempts as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for detail in details:
        row = detail.row
        for question in detail.questions:
            for made in question.choices:
                writer.writerow([safe_cell(value) for value in (
                    row.attempt_id, row.patient_id, row.bank_id, row.bank_version, row.started_at, row.outcome,
                    row.first_try_correct, row.total, "yes" if row.asked_for_nurse else "no", question.question_id, question.fact_id, question.ask, made.round,
                    made.choice, "yes" if made.correct else "no", question.answer)])
    return out.getvalue()
