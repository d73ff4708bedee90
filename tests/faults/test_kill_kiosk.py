"""kill -9 of a kiosk process at random moments: every answer confirmed on screen is stored, every file reads,
and the cut-off attempt is found as incomplete."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from comprehend.store import ResultsStore
from comprehend.store.snapshots import SNAPSHOTS_DIR, BankSnapshots
from comprehend.store.storage import read_tinydb_file

ROOT = Path(__file__).resolve().parents[2]


def kill_at_random(results: Path, seed: int) -> list[tuple[str, str, int]]:
    """Run the driven kiosk, kill -9 it after a random time, and return the answers it confirmed."""
    process = subprocess.Popen([sys.executable, "-m", "tests.faults.kiosk_driver", str(results), str(seed)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(random.Random(seed).uniform(1.0, 3.0))
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    confirmed = []
    for line in out.splitlines():
        if line.startswith("CONFIRMED "):
            _, attempt_id, question_id, round_number = line.split()
            confirmed.append((attempt_id, question_id, int(round_number)))
    return confirmed


def check_after_kill(results: Path, confirmed: list[tuple[str, str, int]]) -> None:
    for path in results.rglob("*.json"):
        if path.relative_to(results).parts[0] == SNAPSHOTS_DIR:
            assert BankSnapshots(results).all(), path  # the bank snapshot reads back whole
        else:
            read_tinydb_file(path)  # raises when a file does not read
    store = ResultsStore(results, "kiosk-k")
    store.close_abandoned("2026-11-02T12:00:00+00:00")  # what the next kiosk start does
    assert store.problems == []
    stored = {record["attempt_id"]: record for record in store.attempts()}
    for attempt_id, question_id, round_number in confirmed:
        answers = {(a["question_id"], a["round"]) for a in stored[attempt_id]["answers"]}
        assert (question_id, round_number) in answers
    assert all(record["status"] in ("completed", "incomplete") for record in stored.values())
    assert list(results.glob("in-progress/*.json")) == []  # nothing left in progress after the restart


def run_kills(tmp_path: Path, times: int) -> int:
    confirmed_total = 0
    for run in range(times):
        results = tmp_path / f"results-{run}"
        confirmed = kill_at_random(results, seed=run)
        check_after_kill(results, confirmed)
        confirmed_total += len(confirmed)
    return confirmed_total


def test_a_few_kills(tmp_path):
    """The quick version in the normal suite."""
    assert run_kills(tmp_path, 3) > 0


@pytest.mark.slow
def test_fifty_kills(tmp_path):
    """50 kills at random moments (about two minutes; CI runs it with -m slow)."""
    assert run_kills(tmp_path, 50) > 50
