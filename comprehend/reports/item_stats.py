"""Item statistics: which questions confuse patients, from stored completed attempts (pure, no I/O).

Per question: times asked first, first-try facility, picks of each wrong choice, mean rounds to
mastery of its fact, and discrimination as Moodle computes it:
    100 * cov(item, rest of first-try score) / sqrt(var(item) * var(rest of first-try score)),
over the attempts in which the question was asked first. Per bank: attempts, mean first-try score,
share ready, and rounds needed (Sudore's measure: the share of patients with every point right after
round 1, 2, 3 ...).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Iterable

from comprehend.bank.model import Bank

LOW_FACILITY = 0.5
MIN_ASKED_FOR_UNPICKED = 20  # below this, a wrong choice nobody picked says little


@dataclass(frozen=True)
class QuestionStats:
    """Figures of one question."""

    question_id: str
    fact_id: str
    ask: str
    asked_first: int
    facility: float | None  # share right on the first try; None when never asked first
    discrimination: float | None  # -100..100; None when it cannot be computed (no spread)
    mean_rounds: float | None  # mean round in which its fact was first right, over attempts that mastered it
    wrong_picks: dict[str, int] = field(default_factory=dict)  # wrong choice text -> times picked (any round)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class BankStats:
    """Figures of one bank over the attempts counted."""

    bank_id: str
    bank_title: str
    language: str
    attempts: int
    mean_score: float | None
    share_ready: float | None
    all_right_after_round: dict[int, float]  # round -> share of attempts with every fact right by then
    questions: tuple[QuestionStats, ...]


def discrimination(items: list[int], rests: list[float]) -> float | None:
    """Moodle's discrimination index: 100 * correlation of the item with the rest of the score."""
    if len(items) < 2:
        return None
    mean_item, mean_rest = statistics.fmean(items), statistics.fmean(rests)
    cov = statistics.fmean((i - mean_item) * (r - mean_rest) for i, r in zip(items, rests))
    var_item = statistics.fmean((i - mean_item) ** 2 for i in items)
    var_rest = statistics.fmean((r - mean_rest) ** 2 for r in rests)
    if var_item == 0 or var_rest == 0:
        return None
    return 100 * cov / math.sqrt(var_item * var_rest)


def counted_attempts(records: Iterable[dict], bank: Bank, since: str = "", all_versions: bool = False) -> list[dict]:
    """Completed attempts of `bank` in its language (its current content only, unless all_versions) started on or after `since`."""
    return [
        record for record in records
        if record.get("bank_id") == bank.id
        and (record.get("language") or "en") == bank.language
        and record.get("status") == "completed"
        and (all_versions or record.get("bank_hash") == bank.content_hash)
        and str(record.get("started_at", ""))[:10] >= since
    ]


def _first_tries(record: dict) -> dict[str, dict]:
    """The round-1 answer of each question asked first in this attempt."""
    return {a["question_id"]: a for a in record.get("answers", []) if a.get("round") == 1}


def bank_stats(bank: Bank, attempts: list[dict]) -> BankStats:
    """Every figure for one bank over `attempts` (already chosen with counted_attempts)."""
    first = [_first_tries(record) for record in attempts]
    scores = [sum(1 for a in tries.values() if a.get("correct")) for tries in first]
    questions = []
    for question in bank.questions:
        items, rests = [], []
        for tries, score in zip(first, scores):
            if question.id in tries:
                item = 1 if tries[question.id].get("correct") else 0
                items.append(item)
                rests.append(score - item)
        picks = {wrong.text: 0 for wrong in question.wrong}
        for record in attempts:
            for answer in record.get("answers", []):
                if answer.get("question_id") == question.id and not answer.get("correct") and answer.get("choice") in picks:
                    picks[answer["choice"]] += 1
        rounds = [r for record in attempts if (r := (record.get("rounds_by_fact") or {}).get(question.fact)) is not None
                  and question.id in {a["question_id"] for a in record.get("answers", [])}]
        facility = statistics.fmean(items) if items else None
        index = discrimination(items, rests)
        flags = []
        if facility is not None and facility < LOW_FACILITY:
            flags.append("patients often miss this — check the wording and the material")
        if index is not None and index < 0:
            flags.append("patients who do well overall miss this more often — check the right answer")
        if len(items) >= MIN_ASKED_FOR_UNPICKED:
            flags += [f"nobody picks the wrong choice '{text}' — make it more plausible" for text, count in picks.items() if count == 0]
        questions.append(QuestionStats(question.id, question.fact, question.ask, len(items), facility, index,
                                       statistics.fmean(rounds) if rounds else None, picks, tuple(flags)))
    totals = [int(record.get("total") or 0) for record in attempts]
    shares = [score / total for score, total in zip(scores, totals) if total]
    max_rounds = 1 + bank.max_rounds
    after = {}
    for round_number in range(1, max_rounds + 1):
        # a patient who stopped to ask for the nurse had not got everything right, whatever the points asked so far say
        done = [record.get("asked_for_nurse") is not True
                and all(r is not None and r <= round_number for r in (record.get("rounds_by_fact") or {}).values()) for record in attempts]
        after[round_number] = statistics.fmean(done) if done else 0.0
    return BankStats(
        bank_id=bank.id,
        bank_title=bank.title,
        language=bank.language,
        attempts=len(attempts),
        mean_score=statistics.fmean(shares) if shares else None,
        share_ready=statistics.fmean(record.get("outcome") == "ready" for record in attempts) if attempts else None,
        all_right_after_round=after,
        questions=tuple(questions),
    )
