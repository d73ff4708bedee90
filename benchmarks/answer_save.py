"""Benchmark: how long until one answer is durable on disk, with 1k and 100k attempts already stored.

Beside it, on the same data: the end of an attempt (appending it to its kiosk/month shard) and a
plain TinyDB JSONStorage insert into one file holding every attempt (what a naive store would do).
All figures come from one run, so compare them as ratios; this machine is shared and noisy.

    python benchmarks/answer_save.py [--sizes 1000,100000] [--answers 60] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from comprehend.bank.loader import load_bank  # noqa: E402
from comprehend.demo import synthetic_attempts  # noqa: E402
from comprehend.quiz import Ask  # noqa: E402
from comprehend.session import AttemptSession  # noqa: E402
from comprehend.store import ResultsStore  # noqa: E402

BANK = ROOT / "questions" / "kyphoplasty.yaml"
FILLED_MONTH = datetime(2026, 10, 15, 10, 0, tzinfo=timezone.utc)
POOL = 1000  # distinct synthetic attempts; larger folders reuse them under new ids


def stored_attempts(bank, count: int) -> list[dict]:
    """`count` realistic finished attempts (a pool of distinct ones, copied under new ids)."""
    pool = list(synthetic_attempts(bank, min(POOL, count), seed=7))
    return [{**pool[i % len(pool)], "attempt_id": uuid.uuid4().hex} for i in range(count)]


def answer_times(bank, store: ResultsStore, answers: int) -> tuple[list[float], list[float]]:
    """Seconds per durable answer (AttemptSession.answer) and per attempt finish, over several attempts."""
    per_answer: list[float] = []
    per_finish: list[float] = []
    seed = 1
    while len(per_answer) < answers:
        # A month the filled folder already holds, so finishing appends to a full shard.
        session = AttemptSession(bank, "BENCH-1", store, seed, clock=lambda: FILLED_MONTH)
        seed += 1
        while not session.run.finished:
            step = session.run.current
            if not isinstance(step, Ask):
                session.run.move_on()
                continue
            right = next(i for i, c in enumerate(step.choices) if c.correct)
            started = time.perf_counter()
            session.answer(right)
            elapsed = time.perf_counter() - started
            (per_finish if session.run.finished else per_answer).append(elapsed)
    return per_answer, per_finish


def plain_tinydb_insert(records: list[dict], folder: Path, repeats: int) -> list[float]:
    """Seconds per insert into one TinyDB JSONStorage file that already holds `records`."""
    path = folder / "plain.json"
    path.write_text(json.dumps({"_default": {str(i + 1): r for i, r in enumerate(records)}}))
    times = []
    for n in range(repeats):
        started = time.perf_counter()
        with TinyDB(path, storage=JSONStorage) as db:
            db.insert({**records[0], "attempt_id": f"plain-{n}"})
        times.append(time.perf_counter() - started)
    return times


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000", help="stored attempts to measure at (comma-separated)")
    parser.add_argument("--answers", type=int, default=60, help="answers timed at each size")
    parser.add_argument("--plain-repeats", type=int, default=3, help="plain TinyDB inserts timed at each size")
    parser.add_argument("--json", action="store_true", help="print JSON lines only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bank = load_bank(BANK)
    rows = []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="comprehend-bench-"))
        try:
            records = stored_attempts(bank, size)
            store = ResultsStore(folder / "results", "demo-kiosk-1")
            fill_started = time.perf_counter()
            store.finish_many(records)
            fill_seconds = time.perf_counter() - fill_started
            per_answer, per_finish = answer_times(bank, store, args.answers)
            plain = plain_tinydb_insert(records, folder, args.plain_repeats if size <= 10_000 else 1)
            rows.append({
                "stored_attempts": size,
                "answer_durable_median_ms": ms(statistics.median(per_answer)),
                "answer_durable_p95_ms": ms(sorted(per_answer)[int(0.95 * (len(per_answer) - 1))]),
                "attempt_finish_median_ms": ms(statistics.median(per_finish)),
                "plain_tinydb_insert_median_ms": ms(statistics.median(plain)),
                "answers_timed": len(per_answer),
                "fill_seconds": round(fill_seconds, 1),
            })
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        ratio = {
            "ratio": f"{last['stored_attempts']}/{first['stored_attempts']}",
            "answer_durable": round(last["answer_durable_median_ms"] / first["answer_durable_median_ms"], 2),
            "attempt_finish": round(last["attempt_finish_median_ms"] / first["attempt_finish_median_ms"], 2),
            "plain_tinydb_insert": round(last["plain_tinydb_insert_median_ms"] / first["plain_tinydb_insert_median_ms"], 2),
        }
    else:
        ratio = None
    if args.json:
        for row in rows:
            print(json.dumps(row))
        if ratio:
            print(json.dumps(ratio))
        return 0
    header = f"{'stored':>8} {'answer ms (median)':>19} {'p95':>7} {'finish ms':>10} {'plain TinyDB insert ms':>23}"
    print(header)
    for row in rows:
        print(f"{row['stored_attempts']:>8} {row['answer_durable_median_ms']:>19} {row['answer_durable_p95_ms']:>7}"
              f" {row['attempt_finish_median_ms']:>10} {row['plain_tinydb_insert_median_ms']:>23}")
    if ratio:
        print(f"ratio {ratio['ratio']}: answer {ratio['answer_durable']}x, finish {ratio['attempt_finish']}x,"
              f" plain TinyDB insert {ratio['plain_tinydb_insert']}x")
        print(json.dumps(ratio))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
