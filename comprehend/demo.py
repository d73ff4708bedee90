"""Synthetic attempts for demos, statistics and benchmarks: made-up patients named DEMO-…, never real data.

Each made-up patient really takes the quiz (QuizRun), answering with a chance of being right that
depends on the patient's ability and the question's difficulty, so figures, rounds and outcomes look
like a clinic's. The same seed gives the same attempts.
"""

from __future__ import annotations

import math
import random
import uuid
from datetime import datetime, timedelta, timezone
from typing import Iterator

from comprehend.bank.model import Bank
from comprehend.quiz import Ask, QuizRun
from comprehend.record import COMPLETED, INCOMPLETE, new_attempt, with_progress

DEMO_PREFIX = "DEMO-"


def _chance_right(ability: float, difficulty: float) -> float:
    return 1.0 / (1.0 + math.exp(difficulty - ability))


def _pick(ask: Ask, ability: float, difficulty: float, rng: random.Random) -> int:
    """The index a made-up patient picks: right with a chance, else a wrong choice (those listed first in the bank more often)."""
    right = next(i for i, choice in enumerate(ask.choices) if choice.correct)
    if rng.random() < _chance_right(ability, difficulty):
        return right
    rank = {wrong.text: position for position, wrong in enumerate(ask.question.wrong)}
    wrong = [i for i, choice in enumerate(ask.choices) if not choice.correct]
    weights = [1.0 / (1 + rank.get(ask.choices[i].text, 0)) ** 2 for i in wrong]
    return rng.choices(wrong, weights)[0]


def synthetic_attempts(
    bank: Bank,
    count: int,
    seed: int = 1,
    kiosks: tuple[str, ...] = ("demo-kiosk-1", "demo-kiosk-2"),
    end: datetime | None = None,
    days: int = 365,
    incomplete_share: float = 0.05,
) -> Iterator[dict]:
    """`count` finished attempt records on `bank`, spread over the `days` before `end`, newest last."""
    rng = random.Random(seed)
    end = end or datetime(2026, 11, 1, 17, 0, tzinfo=timezone.utc)
    difficulty = {question.id: rng.gauss(-1.2, 1.0) for question in bank.questions}
    for number in range(count):
        started = end - timedelta(days=days) + timedelta(seconds=(days * 86400) * (number + rng.random()) / max(count, 1))
        clock = iter(started + timedelta(seconds=20 * step) for step in range(10_000))
        ability = rng.gauss(0.6, 1.0)
        run = QuizRun(bank, rng.randrange(2**31))
        patient_id = f"{DEMO_PREFIX}{rng.randrange(10**6):06d}"
        record = new_attempt(bank, patient_id, kiosks[number % len(kiosks)], run.seed, _stamp(next(clock)))
        record["attempt_id"] = uuid.UUID(int=rng.getrandbits(128)).hex
        leave_after = rng.randrange(1, len(bank.questions) + 1) if rng.random() < incomplete_share else None
        while not run.finished:
            step = run.current
            if isinstance(step, Ask):
                if leave_after is not None and len(run.answers) >= leave_after:
                    break
                run.answer(_pick(step, ability, difficulty[step.question.id], rng), at=_stamp(next(clock)))
            else:
                ability += 0.5  # re-teaching helps
                run.move_on()
        status = COMPLETED if run.finished else INCOMPLETE
        yield with_progress(record, run, _stamp(next(clock)), status=status)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
