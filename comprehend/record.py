"""The attempt record: what is stored and exported about one patient taking one bank once.

Pure functions from a bank and a QuizRun to a plain dict (JSON-ready); no files, no clock.

`asked_for_nurse` is True when the patient stopped and asked for the nurse (from a question, a
feedback, a re-teach screen, or the offer after round 1: `asked_for_nurse_from`); then `total` counts
only the round-1 questions answered, and `facts_in_bank` how many there were to ask.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import asdict

from comprehend.bank.model import Bank
from comprehend.quiz import Answer, QuizRun

IN_PROGRESS = "in-progress"
COMPLETED = "completed"
INCOMPLETE = "incomplete"

EXPORT_FIELDS = (
    "attempt_id",
    "patient_id",
    "bank_id",
    "bank_version",
    "bank_hash",
    "language",
    "kiosk_id",
    "started_at",
    "finished_at",
    "status",
    "first_try_correct",
    "total",
    "score",
    "outcome",
    "asked_for_nurse",
    "asked_for_nurse_from",
    "facts_in_bank",
    "answers",
)


def new_attempt(bank: Bank, patient_id: str, kiosk_id: str, seed: int, now: str) -> dict:
    """A fresh in-progress attempt record, before any answer."""
    record = {
        "attempt_id": uuid.uuid4().hex,
        "patient_id": patient_id,
        "bank_id": bank.id,
        "bank_title": bank.title,
        "bank_version": bank.version,
        "bank_hash": bank.content_hash,
        "language": bank.language,
        "kiosk_id": kiosk_id,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "seed": seed,
        "started_at": now,
        "updated_at": now,
        "finished_at": None,
        "status": IN_PROGRESS,
        "answers": [],
    }
    return record


def with_progress(record: dict, run: QuizRun, now: str, status: str = IN_PROGRESS) -> dict:
    """The record updated with every answer so far, the figures and the outcome."""
    figures = run.figures()
    if status == IN_PROGRESS and run.finished:
        status = COMPLETED
    updated = {
        **record,
        "updated_at": now,
        "status": status,
        "answers": [asdict(answer) for answer in run.answers],
        "first_try_correct": figures.first_try_correct,
        "total": figures.total,
        "score": round(figures.score, 4),
        "rounds_by_fact": dict(figures.rounds_by_fact),
        "missed_first": list(figures.missed_first),
        "never_mastered": list(figures.never_mastered),
        "outcome": run.outcome() if status == COMPLETED else INCOMPLETE,
        "asked_for_nurse": bool(run.asked_for_nurse),
    }
    if run.asked_for_nurse:  # where from, and how many facts there were: the score counts only those asked
        updated["asked_for_nurse_from"] = run.asked_for_nurse
        updated["facts_in_bank"] = run.total
    if status != IN_PROGRESS:
        updated["finished_at"] = now
    return updated


def continued_attempt(earlier: dict, kiosk_id: str, now: str) -> dict:
    """A new attempt that carries on an unfinished one: its answers and seed, a new id, linked by `resumed_from`."""
    return {
        **earlier,
        "attempt_id": uuid.uuid4().hex,
        "resumed_from": earlier["attempt_id"],
        "kiosk_id": kiosk_id,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "updated_at": now,
        "finished_at": None,
        "status": IN_PROGRESS,
        "outcome": INCOMPLETE,
    }


def as_incomplete(record: dict, now: str) -> dict:
    """A stored in-progress record closed as incomplete (the patient left, or the kiosk stopped)."""
    return {**record, "status": INCOMPLETE, "outcome": INCOMPLETE, "finished_at": record.get("finished_at") or now, "updated_at": now}


def stored_answers(record: dict) -> list[Answer]:
    """The answers of a stored record, as the quiz knows them (for resuming or re-scoring)."""
    return [Answer(**answer) for answer in record.get("answers", [])]
