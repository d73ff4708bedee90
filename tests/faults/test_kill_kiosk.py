"""kill -9 of a kiosk process at random moments: every answer confirmed on screen is stored, every file reads,
and the cut-off attempt is found as incomplete."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from comprehend.store import ResultsStore
from comprehend.store.snapshots import SNAPSHOTS_DIR, BankSnapshots
from comprehend.store.storage import read_tinydb_file

ROOT = Path(__file__).resolve().parents[2]


def kill_at_random(results: Path, seed: int) -> tuple[list[tuple[str, str, int]], int]:
    """Run the driven kiosk, kill -9 it at a random moment, and return the answers it confirmed and how many
    confirmations the kill waited for.

    The moment is a random number of confirmed answers (0 to 6) plus a random fraction of a second, so the
    kill lands anywhere in an attempt however busy the machine is (a fixed delay lands before the first
    question on a slow machine)."""
    rng = random.Random(seed)
    wait_for, extra = rng.randrange(7), rng.uniform(0.0, 0.4)
    process = subprocess.Popen([sys.executable, "-m", "tests.faults.kiosk_driver", str(results), str(seed)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    line_read = threading.Condition()

    def read_lines() -> None:
        for line in iter(process.stdout.readline, ""):
            with line_read:
                lines.append(line)
                line_read.notify()

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    with line_read:
        assert line_read.wait_for(lambda: sum(line.startswith("CONFIRMED ") for line in lines) >= wait_for, timeout=120), \
            "the driven kiosk did not confirm that many answers within two minutes"
    time.sleep(extra)  # the random part of the kill moment, not a wait for anything
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    reader.join(timeout=30)
    confirmed = []
    for line in lines:
        if line.startswith("CONFIRMED "):
            _, attempt_id, question_id, round_number = line.split()
            confirmed.append((attempt_id, question_id, int(round_number)))
    return confirmed, wait_for


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


def run_kills(tmp_path: Path, times: int) -> tuple[int, int]:
    """Kill `times` kiosks; return the answers they confirmed and the confirmations the kills waited for."""
    confirmed_total = waited_total = 0
    for run in range(times):
        results = tmp_path / f"results-{run}"
        confirmed, waited = kill_at_random(results, seed=run)
        check_after_kill(results, confirmed)
        assert len(confirmed) >= waited
        confirmed_total += len(confirmed)
        waited_total += waited
    return confirmed_total, waited_total


def test_a_few_kills(tmp_path):
    """The quick version in the normal suite."""
    confirmed, waited = run_kills(tmp_path, 3)
    assert waited > 0 and confirmed >= waited  # at least one kill landed after answers were stored


@pytest.mark.slow
def test_fifty_kills(tmp_path):
    """50 kills at random moments (about two minutes; CI runs it with -m slow)."""
    confirmed, waited = run_kills(tmp_path, 50)
    assert waited > 50 and confirmed >= waited
