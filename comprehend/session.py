"""AttemptSession: one patient's attempt, linking the quiz to the store so each answer is durable.

No screens here: the kiosk calls these methods and shows what they return. Every answer is saved
before its feedback is returned, so what a patient saw confirmed is already on disk.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from comprehend.bank.model import Bank
from comprehend.quiz import Feedback, QuizRun
from comprehend.record import COMPLETED, INCOMPLETE, continued_attempt, new_attempt, stored_answers, with_progress
from comprehend.store import ResultsStore, StoreError
from comprehend.store.snapshots import keep_bank

log = logging.getLogger(__name__)


def local_now() -> datetime:
    """The current local time with its UTC offset."""
    return datetime.now().astimezone()


class AttemptSession:
    """Takes one bank for one patient: asks, saves each answer, and closes the attempt."""

    bank_kept = False  # True once the bank's snapshot is in the results folder

    def __init__(
        self,
        bank: Bank,
        patient_id: str,
        store: ResultsStore,
        seed: int,
        clock: Callable[[], datetime] = local_now,
    ):
        self._begin(bank, store, clock, QuizRun(bank, seed))
        self.record = new_attempt(bank, patient_id, store.kiosk_id, seed, self._now())
        self._save()

    @classmethod
    def carry_on(cls, bank: Bank, earlier: dict, store: ResultsStore, clock: Callable[[], datetime] = local_now) -> "AttemptSession":
        """Continue an unfinished attempt where the patient stopped (a new attempt linked to the earlier one).

        Raises QuizError when its answers no longer fit the bank.
        """
        session = cls.__new__(cls)
        session._begin(bank, store, clock, QuizRun.replay(bank, int(earlier["seed"]), stored_answers(earlier)))
        session.record = with_progress(continued_attempt(earlier, store.kiosk_id, session._now()), session.run, session._now())
        session._save()
        return session

    def _begin(self, bank: Bank, store: ResultsStore, clock: Callable[[], datetime], run: QuizRun) -> None:
        """What a new and a carried-on session both start with (the record comes next, then the first save)."""
        self.bank, self.store, self.clock, self.run = bank, store, clock, run
        self.save_failed = False
        self.closed = False
        self.stored = False  # True once the finished attempt is in its shard

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _save(self) -> None:
        """Save the whole attempt; on failure keep going (the next save writes everything again).

        The first save also keeps the bank's snapshot (once per bank version), so the record can
        always be shown in the wording the patient saw; a snapshot that could not be written is
        tried again at the next save.
        """
        if not self.bank_kept:
            self.bank_kept = keep_bank(self.store.folder, self.bank)
        try:
            self.store.save_progress(self.record)
            self.save_failed = False
        except StoreError as error:
            self.save_failed = True
            log.error("attempt could not be saved: %s", error)

    def answer(self, index: int) -> Feedback:
        """Record the patient's choice, make it durable, and return the feedback to show."""
        now = self._now()
        feedback = self.run.answer(index, at=now)
        self.record = with_progress(self.record, self.run, now)
        if self.run.finished:
            self._close(COMPLETED)
        else:
            self._save()
        return feedback

    def ask_for_nurse(self, where: str) -> None:
        """The patient asked for the nurse: store the attempt as finished, needing discussion, with every answer so far."""
        if self.closed:
            return
        self.run.ask_for_nurse(where)
        self.record = with_progress(self.record, self.run, self._now())
        self._close(COMPLETED)

    def abandon(self) -> None:
        """The patient left (idle reset, or staff ended it): store the attempt as incomplete."""
        if not self.closed:
            self.record = with_progress(self.record, self.run, self._now(), status=INCOMPLETE)
            self._close(INCOMPLETE)

    def _close(self, status: str) -> None:
        self.record = {**self.record, "status": status}
        self.closed = True
        self.retry_store()

    def retry_store(self) -> bool:
        """Store the finished attempt (again, after the disk refused it); True once it is stored.

        Until then the whole record is kept here and, when the disk lets it, in its in-progress file
        with its final status, so a later start of the kiosk stores it as it is. `save_failed` says
        whether neither holds it on disk.
        """
        if self.stored or not self.closed:
            return self.stored
        try:
            self.store.finish(self.record)
        except StoreError as error:
            log.error("attempt could not be stored as %s (kept, to be tried again): %s", self.record["status"], error)
            self._save()
            self._refused = True
            return False
        if getattr(self, "_refused", False):
            log.warning("attempt stored as %s after the disk had refused it", self.record["status"])
        self.stored = True
        self.save_failed = False
        return True
