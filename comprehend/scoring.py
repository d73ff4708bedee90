"""Figures and outcome of an attempt, computed from its answers alone (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

READY = "ready"
NEEDS_DISCUSSION = "needs-discussion"
INCOMPLETE = "incomplete"


class AnswerLike(Protocol):
    """What scoring needs of an answer."""

    fact_id: str
    round: int
    correct: bool


@dataclass(frozen=True)
class Figures:
    """First-try score and teach-to-goal figures of one attempt."""

    first_try_correct: int
    total: int
    rounds_by_fact: dict[str, int | None]  # the round in which each fact was first right; None if never
    missed_first: tuple[str, ...]  # facts answered wrong on the first try, in the order asked
    never_mastered: tuple[str, ...]  # facts asked but never answered right

    @property
    def score(self) -> float:
        """The share of facts right on the first try (0 when nothing was asked)."""
        return self.first_try_correct / self.total if self.total else 0.0


def compute_figures(answers: Iterable[AnswerLike], total: int) -> Figures:
    """Figures from the answers given so far; `total` is the number of facts asked in round 1."""
    rounds: dict[str, int | None] = {}
    first_try_correct = 0
    missed_first: list[str] = []
    for answer in answers:
        if answer.round == 1:
            first_try_correct += answer.correct
            if not answer.correct:
                missed_first.append(answer.fact_id)
        if answer.correct and rounds.get(answer.fact_id) is None:
            rounds[answer.fact_id] = answer.round
        else:
            rounds.setdefault(answer.fact_id, None)
    never = tuple(fact for fact, mastered in rounds.items() if mastered is None)
    return Figures(first_try_correct, total, rounds, tuple(missed_first), never)


def decide_outcome(figures: Figures, pass_mark: float, critical_facts: Iterable[str], finished: bool,
                   asked_for_nurse: bool = False) -> str:
    """ready: finished, first-try share ≥ pass mark and every critical fact mastered; else needs-discussion.

    A patient who asked for the nurse always needs discussion.
    """
    if not finished:
        return INCOMPLETE
    if asked_for_nurse:
        return NEEDS_DISCUSSION
    critical_ok = all(figures.rounds_by_fact.get(fact) is not None for fact in critical_facts)
    # Compare in whole numbers so 4/5 against a pass mark of 0.8 is not lost to floating point.
    passed = figures.first_try_correct * 1_000_000 >= round(pass_mark * 1_000_000) * figures.total
    return READY if passed and critical_ok else NEEDS_DISCUSSION
