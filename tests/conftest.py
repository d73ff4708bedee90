"""Shared fixtures: the small test bank, the kyphoplasty bank (and its Spanish translation), results folders on tmp_path, a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from comprehend.bank.loader import load_bank
from comprehend.store import ResultsStore

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_BANK = FIXTURES / "banks" / "small.yaml"
KYPHOPLASTY = ROOT / "questions" / "kyphoplasty.yaml"
KYPHOPLASTY_ES = ROOT / "questions" / "kyphoplasty.es.yaml"


class FixedClock:
    """A clock that starts at a fixed time and moves one second each time it is read."""

    def __init__(self, start: datetime = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(seconds=1)
        return current


@pytest.fixture
def small_bank():
    return load_bank(SMALL_BANK)


@pytest.fixture
def kyphoplasty_bank():
    return load_bank(KYPHOPLASTY)


@pytest.fixture
def spanish_kyphoplasty_bank():
    return load_bank(KYPHOPLASTY_ES)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def results_dir(tmp_path: Path) -> Path:
    return tmp_path / "results"


@pytest.fixture
def store(results_dir: Path) -> ResultsStore:
    return ResultsStore(results_dir, "kiosk-1")


@pytest.fixture
def write_bank(tmp_path: Path):
    """Write YAML text to a bank file under tmp_path and return its path."""

    def write(text: str | bytes, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def cheap_pin_hash(monkeypatch):
    """Staff PINs hashed at a low scrypt cost in tests (the real cost is timed in benchmarks/pin_check.py)."""
    from comprehend.staff import pin_hash

    monkeypatch.setattr(pin_hash, "DEFAULT_COST", pin_hash.PinCost(n=2**10, r=8, p=1))
