"""Four kiosk processes each store 250 attempts into one results folder at once, while another writes reviews."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from comprehend.store import ResultsStore
from comprehend.store.reviews import ReviewLog

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
import sys
from pathlib import Path
from comprehend.store import ResultsStore
from comprehend.store.reviews import ReviewLog
from tests.unit.store_worker import record

mode, folder, name, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
if mode == "attempts":
    store = ResultsStore(folder, "shared")  # one kiosk id: every process appends to the same day shard
    for n in range(count):
        store.save_progress(record(f"{name}-{n}", 2))
        store.finish(record(f"{name}-{n}", 2, "completed"))
else:
    reviews = ReviewLog(folder)
    for n in range(count):
        reviews.add(f"w0-{n}", name, f"note {n}", "2026-11-02T10:00:00+00:00")
"""


def test_four_kiosks_and_a_reviewer_lose_nothing(tmp_path):
    results = tmp_path / "results"
    processes = [subprocess.Popen([sys.executable, "-c", WORKER, "attempts", str(results), f"w{k}", "250"], cwd=ROOT)
                 for k in range(4)]
    processes.append(subprocess.Popen([sys.executable, "-c", WORKER, "reviews", str(results), "Nurse", "100"], cwd=ROOT))
    for process in processes:
        assert process.wait(timeout=600) == 0
    store = ResultsStore(results, "shared")
    ids = [record["attempt_id"] for record in store.attempts()]
    assert len(ids) == 1000 and len(set(ids)) == 1000
    assert store.problems == []
    reviews = ReviewLog(results).by_attempt()
    assert sum(len(items) for items in reviews.values()) == 100
    assert list(results.glob("in-progress/*.json")) == []
