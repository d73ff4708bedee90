"""Everything about one attempt that a nurse reads or prints: questions and choices per round, talking points, time, history.

Built from the stored record and the bank the attempt was taken on: its snapshot (no Textual, no
I/O). When that wording was not kept (an attempt stored before snapshots, on a version no longer in
the questions folder), only what the record itself holds is shown (each choice as given, right or
not) and the detail says so; never another version's wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from comprehend.bank.model import Bank
from comprehend.bank.snapshot import same_wording
from comprehend.overview import AttemptRow
from comprehend.talking_points import TalkingPoint, talking_points


NURSE_ASKED_FROM = {
    "question": "from a question",
    "feedback": "from the feedback on an answer",
    "reteach": "while a point was re-taught",
    "offer": "when offered after the first round (more than half missed)",
}


@dataclass(frozen=True)
class ChoiceMade:
    """The patient's choice in one round."""

    round: int
    choice: str
    correct: bool


@dataclass(frozen=True)
class QuestionAsked:
    """One question as asked, with the patient's choice in every round it came up."""

    question_id: str
    fact_id: str
    ask: str
    answer: str
    fact: str
    critical: bool
    choices: tuple[ChoiceMade, ...]

    @property
    def first_try_right(self) -> bool:
        """True when the first choice was right."""
        return bool(self.choices) and self.choices[0].correct


@dataclass(frozen=True)
class AttemptDetail:
    """One attempt, ready to show or print."""

    row: AttemptRow
    record: dict
    bank_hash: str
    kiosk_id: str
    finished_at: str
    minutes: float | None
    questions: tuple[QuestionAsked, ...]
    points: tuple[TalkingPoint, ...]
    earlier: tuple[AttemptRow, ...]
    reviews: tuple[dict, ...] = field(default=())
    unread_reviews: tuple[str, ...] = field(default=())  # sign-off files that could not be read in full (their names)
    bank: Bank | None = None  # the bank as the patient saw it; None when its wording was not kept
    only_approval_changed: bool = False  # today's file has the same wording; only its approval is new (or gone)

    @property
    def older_note(self) -> str:
        """'' for today's version; otherwise why the version is not today's (the wording, or only the approval)."""
        if not self.row.older_version:
            return ""
        if self.only_approval_changed:
            return "the same wording as today's bank file; only its approval has changed since"
        return "an older version of this bank"

    @property
    def wording_note(self) -> str:
        """'' when the attempt is shown in the patient's own wording; otherwise a plain sentence saying it is not."""
        if self.bank is not None:
            return ""
        return (f"The wording of version {self.row.bank_version} of this bank was not kept: questions and points are named "
                "by their ids, with each choice as the patient gave it.")

    @property
    def approval_note(self) -> str:
        """Who approved the version the patient took, or that it was a draft, as it stood when they took it (its snapshot)."""
        if self.bank is not None:
            return self.bank.approval_sentence
        return f"Whether version {self.row.bank_version} of this bank was approved is not known: its wording was not kept"

    @property
    def nurse_note(self) -> str:
        """'' unless the patient asked for the nurse; then where, and that the first-try score counts only what was asked."""
        if not self.row.asked_for_nurse:
            return ""
        where = NURSE_ASKED_FROM.get(str(self.record.get("asked_for_nurse_from") or ""), "during the attempt")
        asked, facts = self.row.total, self.record.get("facts_in_bank")
        counted = (f"after {asked} of {facts} first-round questions: the first-try score counts only the {asked} asked"
                   if type(facts) is int and facts > asked else "after the first round: the first-try score counts every question")
        return f"The patient asked for the nurse {where}, {counted}."

    @property
    def short_hash(self) -> str:
        """The first 8 characters of the bank's content hash."""
        return self.bank_hash[:8]

    @property
    def time_taken(self) -> str:
        """'12 min' (or '' when it is not known)."""
        if self.minutes is None:
            return ""
        return "under 1 min" if self.minutes < 1 else f"{round(self.minutes)} min"


def _minutes(started: str, finished: str) -> float | None:
    try:
        return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds() / 60
    except (TypeError, ValueError):
        return None


def questions_asked(record: dict, bank: Bank | None) -> list[QuestionAsked]:
    """Each question in the order first asked, with the choices made in each round (see the module for bank None)."""
    by_question: dict[str, list[dict]] = {}
    for answer in record.get("answers", []):
        by_question.setdefault(answer.get("question_id", ""), []).append(answer)
    known_questions = {question.id for question in bank.questions} if bank is not None else set()
    known_facts = {fact.id for fact in bank.facts} if bank is not None else set()
    asked = []
    for question_id, answers in by_question.items():
        fact_id = answers[0].get("fact_id", "")
        question = bank.question(question_id) if bank is not None and question_id in known_questions else None
        right_given = next((str(a.get("choice", "")) for a in answers if a.get("correct")), "")
        asked.append(
            QuestionAsked(
                question_id=question_id,
                fact_id=fact_id,
                ask=question.ask if question else f"(the wording of this question was not kept: {question_id})",
                answer=question.answer if question else right_given,
                fact=bank.fact(fact_id).text if bank is not None and fact_id in known_facts else "",
                critical=bool(question and question.critical),
                choices=tuple(ChoiceMade(int(a.get("round", 1)), str(a.get("choice", "")), bool(a.get("correct"))) for a in answers),
            )
        )
    return asked


def attempt_detail(row: AttemptRow, record: dict, bank: Bank | None, all_rows: list[AttemptRow], reviews: list[dict],
                   original: Bank | None = None, unread_reviews: tuple[str, ...] = (), current: Bank | None = None) -> AttemptDetail:
    """The detail of `record` (whose list row is `row`); `all_rows` gives the same patient's earlier attempts.

    `bank` is the bank the attempt was taken on (None: its wording was not kept);
    `original` is the bank `bank` was translated from, when the patient took a translation;
    `unread_reviews` names sign-off files that could not be read, so a sign-off may be missing;
    `current` is today's file of that bank and language, to tell a new approval from a new wording.
    """
    earlier = sorted(
        (other for other in all_rows if other.patient_id == row.patient_id and other.started_at < row.started_at),
        key=lambda other: other.started_at,
        reverse=True,
    )
    return AttemptDetail(
        row=row,
        record=record,
        bank_hash=str(record.get("bank_hash", "")),
        kiosk_id=str(record.get("kiosk_id", "")),
        finished_at=str(record.get("finished_at") or ""),
        minutes=_minutes(row.started_at, str(record.get("finished_at") or record.get("updated_at") or "")),
        questions=tuple(questions_asked(record, bank)),
        points=tuple(
            talking_points(bank, record.get("missed_first", []), record.get("never_mastered", []), record.get("rounds_by_fact", {}),
                           original)
        ),
        earlier=tuple(earlier),
        reviews=tuple(reviews),
        unread_reviews=tuple(unread_reviews),
        bank=bank,
        only_approval_changed=bool(row.older_version and bank is not None and current is not None
                                   and current.version == bank.version and same_wording(bank, current)),
    )
