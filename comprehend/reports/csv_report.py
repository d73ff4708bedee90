"""A report as CSV: one row per answer given, with the attempt's figures (and its bank's approval) on each row."""

from __future__ import annotations

import csv
import io

from comprehend.attempt_detail import AttemptDetail
from comprehend.export import safe_cell

COLUMNS = ["attempt_id", "patient_id", "bank_id", "bank_version", "started_at", "outcome", "first_try_correct", "total",
           "asked_for_nurse", "question_id", "fact_id", "question", "round", "choice", "correct", "right_answer",
           "bank_status", "bank_approved_by", "bank_approved_role", "bank_approved_on"]  # status: approved, draft or unknown


def _approval_cells(detail: AttemptDetail) -> tuple[str, str, str, str]:
    """The approval of the version the patient took: unknown when its wording was not kept."""
    if detail.bank is None:
        return ("unknown", "", "", "")
    approval = detail.bank.approved
    if approval is None:
        return ("draft", "", "", "")
    return ("approved", approval.by, approval.role, approval.on)


def render_csv(details: list[AttemptDetail]) -> str:
    """The answers of one or more attempts as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for detail in details:
        row = detail.row
        approval = _approval_cells(detail)
        for question in detail.questions:
            for made in question.choices:
                writer.writerow([safe_cell(value) for value in (
                    row.attempt_id, row.patient_id, row.bank_id, row.bank_version, row.started_at, row.outcome,
                    row.first_try_correct, row.total, "yes" if row.asked_for_nurse else "no", question.question_id, question.fact_id, question.ask, made.round,
                    made.choice, "yes" if made.correct else "no", question.answer, *approval)])
    return out.getvalue()
