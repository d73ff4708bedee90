"""AttemptSession: each answer is saved before feedback; a failing disk never stops the patient."""

from __future__ import annotations

from comprehend.session import AttemptSession
from comprehend.store import ResultsStore, StoreError


def right(session):
    return next(i for i, c in enumerate(session.run.current.choices) if c.correct)


def test_answer_is_saved_before_feedback_is_returned(small_bank, store, clock):
    """After answer() returns, the stored attempt holds that answer."""
    session = AttemptSession(small_bank, "P-1", store, seed=1, clock=clock)
    session.answer(right(session))
    [stored] = list(store.attempts())
    assert stored["status"] == "in-progress" and len(stored["answers"]) == 1
    assert stored["answers"][0]["at"] == "2026-11-02T09:30:01+00:00"


def test_record_holds_what_the_issue_asks(small_bank, store, clock):
    """The record has ids, bank version and hash, kiosk, seed, times, status, answers, figures and outcome."""
    session = AttemptSession(small_bank, "P-1", store, seed=42, clock=clock)
    for _ in range(3):
        session.answer(right(session))
    [stored] = list(store.attempts())
    assert stored["bank_id"] == "small" and stored["bank_version"] == 2 and stored["bank_hash"] == small_bank.content_hash
    assert stored["kiosk_id"] == "kiosk-1" and stored["seed"] == 42
    assert stored["started_at"] == "2026-11-02T09:30:00+00:00" and stored["finished_at"] == "2026-11-02T09:30:03+00:00"
    assert (stored["status"], stored["outcome"], stored["first_try_correct"], stored["total"]) == ("completed", "ready", 3, 3)


class FlakyStore(ResultsStore):
    """A store whose disk fails until `healthy` is set."""

    healthy = False

    def save_progress(self, record):
        if not self.healthy:
            raise StoreError("disk full")
        super().save_progress(record)


def test_failed_save_is_retried_with_every_answer_on_the_next_save(small_bank, results_dir, clock):
    """When the disk fails, the patient carries on; the next save writes every answer so far."""
    store = FlakyStore(results_dir, "k")
    session = AttemptSession(small_bank, "P-1", store, seed=1, clock=clock)
    session.answer(right(session))
    assert session.save_failed and list(store.attempts()) == []
    store.healthy = True
    session.answer(right(session))
    assert not session.save_failed
    [stored] = list(store.attempts())
    assert len(stored["answers"]) == 2


def test_abandon_stores_incomplete_once(small_bank, store, clock):
    """abandon() stores the attempt as incomplete; a second call changes nothing."""
    session = AttemptSession(small_bank, "P-1", store, seed=1, clock=clock)
    session.answer(right(session))
    session.abandon()
    session.abandon()
    [stored] = list(store.attempts())
    assert stored["status"] == "incomplete" and stored["outcome"] == "incomplete"
