"""The words of a report, shared by every format: headings, facts lines, answers and sign-offs."""

from __future__ import annotations

from dataclasses import dataclass

from comprehend.attempt_detail import AttemptDetail, QuestionAsked

OUTCOME_WORDS = {
    "ready": "Ready",
    "needs-discussion": "Needs discussion",
    "incomplete": "Incomplete (not finished)",
    "in-progress": "In progress",
    "continued": "Continued in a later attempt",
}


@dataclass(frozen=True)
class ReportText:
    """A report as plain strings, in reading order."""

    title: str
    facts: list[tuple[str, str]]  # (label, value) lines under the title
    points: list[str]
    questions: list[tuple[str, list[str]]]  # (question line, lines under it)
    signoffs: list[str]


def choice_lines(question: QuestionAsked) -> list[str]:
    """'Round 1: <choice> (right|wrong)' for each round, then the right answer."""
    lines = [f"Round {made.round}: {made.choice} ({'right' if made.correct else 'wrong'})" for made in question.choices]
    if question.answer and not question.first_try_right:
        lines.append(f"Right answer: {question.answer}")
    return lines


def report_text(detail: AttemptDetail, clinic: str) -> ReportText:
    """Everything a report says about one attempt."""
    row = detail.row
    older = f" ({detail.older_note})" if detail.older_note else ""
    facts = [
        ("Patient ID", row.patient_id),
        ("Bank", f"{row.bank_title}, version {row.bank_version}, {detail.short_hash}{older}"),
        ("Approval", detail.approval_note),
        ("Date", row.when),
        ("Language", row.language),
        ("Kiosk", detail.kiosk_id),
        ("First-try score", f"{row.score_text} ({round(100 * row.first_try_correct / row.total) if row.total else 0}%)"),
        ("Outcome", OUTCOME_WORDS.get(row.outcome, row.outcome) + (" (asked for the nurse)" if row.asked_for_nurse else "")),
        ("Time taken", detail.time_taken or "not known"),
    ]
    if detail.nurse_note:
        facts.append(("Asked for the nurse", detail.nurse_note))
    if detail.wording_note:
        facts.append(("Wording", detail.wording_note))
    points = [
        ("[critical] " if point.critical else "") + point.text + (" (never answered right)" if point.never_mastered else "")
        + (f" — in the original: {point.original}" if point.original else "")
        for point in detail.points
    ]
    questions = [
        (f"{number}. {question.ask}" + (" [critical]" if question.critical else ""), choice_lines(question))
        for number, question in enumerate(detail.questions, 1)
    ]
    signoffs = [f"Reviewed by {review['reviewer']} on {review['at'][:16].replace('T', ' ')}" + (f": {review['note']}" if review.get("note") else "")
                for review in detail.reviews]
    signoffs += [f"Sign-offs in {name} could not be read (the file is damaged): this attempt may have been reviewed already."
                 for name in detail.unread_reviews]
    return ReportText(f"{clinic} — patient understanding check", facts, points, questions, signoffs)
