"""Test builders for bank approvals: an approved copy of the small bank, and attempts taken on a draft and on it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.quiz import NurseOffer
from comprehend.session import AttemptSession
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK, FixedClock

APPROVAL = "approved:\n  by: Dr Ann Lee\n  role: spine surgeon\n  on: 2026-11-02\n"
APPROVED_SENTENCE = "Bank approved by Dr Ann Lee (spine surgeon) on 2026-11-02"
DRAFT_SENTENCE = "Bank version 2 is a draft: not approved by a clinician"
DRAFT_DAY = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
APPROVED_DAY = datetime(2026, 11, 3, 9, 30, tzinfo=timezone.utc)


def approved_small_bank(folder: Path) -> Bank:
    """The small bank (version 2, same wording) with an approval, written to folder/small.yaml."""
    text = SMALL_BANK.read_text(encoding="utf-8")
    assert "max_rounds: 2\n" in text
    path = Path(folder) / "small.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("max_rounds: 2\n", "max_rounds: 2\n" + APPROVAL), encoding="utf-8")
    return load_bank(path)


def take(results: Path, bank: Bank, patient: str, started: datetime, right: bool = False) -> None:
    """One finished attempt on `bank` (its snapshot kept, as the kiosk keeps it), every first try right or wrong."""
    session = AttemptSession(bank, patient, ResultsStore(results, "kiosk-1"), 3, FixedClock(started))
    while not session.run.finished:
        step = session.run.current
        if hasattr(step, "choices"):
            session.answer(next(i for i, choice in enumerate(step.choices) if choice.correct == (right or step.round > 1)))
        elif isinstance(step, NurseOffer):
            session.run.keep_going()  # more than half missed: the patient tries again here
        else:
            session.run.reteach_done()


def draft_then_approved(tmp_path: Path) -> tuple[Path, Bank]:
    """Results holding PT-DRAFT's attempt on the draft, then PT-APPROVED's on the approved file; returns them and that file."""
    results = tmp_path / "results"
    take(results, load_bank(SMALL_BANK), "PT-DRAFT", DRAFT_DAY)
    approved = approved_small_bank(tmp_path / "questions")
    take(results, approved, "PT-APPROVED", APPROVED_DAY)
    return results, approved
