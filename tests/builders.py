"""Building stored attempt records in tests by really taking the quiz with chosen right/wrong answers."""

from __future__ import annotations

from datetime import datetime, timedelta

from comprehend.bank.model import Bank
from comprehend.quiz import Ask, QuizRun
from comprehend.record import COMPLETED, INCOMPLETE, new_attempt, with_progress


def taken_attempt(bank: Bank, patient_id: str, rights: list[bool], started: str, *, stop_after: int | None = None,
                  kiosk_id: str = "kiosk-1", seed: int = 7, attempt_id: str | None = None, ask_nurse: str = "") -> dict:
    """A finished record: the n-th answer is right when rights[n] (right once the list runs out), one minute apart.

    With stop_after, the patient leaves after that many answers (an incomplete attempt), or with
    ask_nurse (where from) asks for the nurse there (a finished attempt that needs discussion).
    """
    start = datetime.fromisoformat(started)
    run = QuizRun(bank, seed)
    record = new_attempt(bank, patient_id, kiosk_id, seed, started)
    if attempt_id:
        record["attempt_id"] = attempt_id
    step = 0
    while not run.finished and (stop_after is None or len(run.answers) < stop_after):
        current = run.current
        if isinstance(current, Ask):
            right = rights[step] if step < len(rights) else True
            index = next(i for i, choice in enumerate(current.choices) if choice.correct == right)
            step += 1
            run.answer(index, at=(start + timedelta(minutes=step)).isoformat())
        else:
            run.move_on()
    if ask_nurse and not run.finished:
        run.ask_for_nurse(ask_nurse)
    status = COMPLETED if run.finished else INCOMPLETE
    return with_progress(record, run, (start + timedelta(minutes=step + 1)).isoformat(), status=status)
