"""All benchmarks in one run: a table for people and JSON lines for tools, each figure beside its target.

    python benchmarks/run.py            # the full run (fills 1k and 100k attempts; a few minutes)
    python benchmarks/run.py --quick    # small sizes, to see that everything still runs

Figures are medians over several runs, measured side by side in one run, so compare them as ratios:
this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answer_save import answer_times, plain_tinydb_insert, stored_attempts  # noqa: E402
from comprehend.bank.loader import load_bank  # noqa: E402
from comprehend.check import check_banks  # noqa: E402
from comprehend.overview import AttemptFilter, to_review_order  # noqa: E402
from comprehend.review_data import ReviewData  # noqa: E402
from comprehend.store import ResultsStore  # noqa: E402

BANK = ROOT / "questions" / "kyphoplasty.yaml"
START_APP = Path(__file__).resolve().parent / "start_app.py"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def median_run(command: list[str], repeats: int) -> float:
    """Median wall time of running `command` in a fresh process."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_answer_save(bank, small: int, large: int, answers: int) -> list[dict]:
    rows = []
    for size in (small, large):
        folder = Path(tempfile.mkdtemp(prefix="comprehend-bench-"))
        try:
            records = stored_attempts(bank, size)
            store = ResultsStore(folder / "results", "demo-kiosk-1")
            store.finish_many(records)
            per_answer, per_finish = answer_times(bank, store, answers)
            plain = plain_tinydb_insert(records, folder, 3 if size <= 10_000 else 1)
            rows.append({"size": size, "answer": statistics.median(per_answer), "finish": statistics.median(per_finish),
                         "plain": statistics.median(plain)})
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    small_row, large_row = rows
    return [
        {"benchmark": "answer durable", "at": f"{small:,} attempts", "ms": ms(small_row["answer"]), "target": "<= 20 ms"},
        {"benchmark": "answer durable", "at": f"{large:,} attempts", "ms": ms(large_row["answer"]), "target": "<= 20 ms",
         "ratio": round(large_row["answer"] / small_row["answer"], 2), "ratio_target": "<= 1.5",
         "met": large_row["answer"] <= 0.020 and large_row["answer"] / small_row["answer"] <= 1.5},
        {"benchmark": "finishing an attempt", "at": f"{large:,} attempts", "ms": ms(large_row["finish"]),
         "ratio": round(large_row["finish"] / small_row["finish"], 2)},
        {"benchmark": "plain TinyDB insert, one file", "at": f"{large:,} attempts", "ms": ms(large_row["plain"]),
         "ratio": round(large_row["plain"] / small_row["plain"], 2)},
    ]


def bench_start(results: Path, repeats: int) -> list[dict]:
    hello = median_run([sys.executable, str(START_APP), "hello", str(results)], repeats)
    kiosk = median_run([sys.executable, str(START_APP), "kiosk", str(results)], repeats)
    ratio = kiosk / hello
    return [{"benchmark": "kiosk start to first screen", "ms": ms(kiosk), "hello_world_ms": ms(hello),
             "ratio": round(ratio, 2), "ratio_target": "<= 1.2", "met": ratio <= 1.2}]


def bench_review(bank, size: int, repeats: int) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="comprehend-bench-"))
    try:
        results = folder / "results"
        ResultsStore(results, "demo-kiosk-1").finish_many(stored_attempts(bank, size))
        started = time.perf_counter()
        ReviewData(results, ROOT / "questions").load()  # the first open ever reads every shard and writes the caches
        first = time.perf_counter() - started
        cold = median_run([sys.executable, str(START_APP), "review", str(results)], repeats)
        data = ReviewData(results, ROOT / "questions")
        rows = data.load()
        wanted = AttemptFilter(outcome="needs-discussion", reviewed=False, search="DEMO-1")
        times = []
        for _ in range(repeats * 3):
            started = time.perf_counter()
            to_review_order(wanted.apply(rows))
            times.append(time.perf_counter() - started)
        filtered = statistics.median(times)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        {"benchmark": "review list open, new process, list drawn", "at": f"{size:,} attempts", "ms": ms(cold),
         "target": "<= 1500 ms", "met": cold <= 1.5},
        {"benchmark": "review list first open ever (builds the caches)", "at": f"{size:,} attempts", "ms": ms(first)},
        {"benchmark": "review filter and order", "at": f"{size:,} attempts", "ms": ms(filtered), "target": "<= 100 ms",
         "met": filtered <= 0.100},
    ]


def big_bank_text(questions: int) -> str:
    """A valid bank with `questions` questions (5 per fact), in plain words."""
    lines = ["id: big", "title: A big bank", "version: 1", "facts:"]
    facts = max(1, questions // 5)
    for n in range(facts):
        lines += [f"  - id: fact-{n}", f"    text: Point {n} is that the cat sat on mat {n}."]
    lines.append("questions:")
    for n in range(questions):
        fact = n % facts
        lines += [f"  - id: q-{n}", f"    fact: fact-{fact}", f"    ask: Where did the cat sit, in case {n}?",
                  f"    answer: On mat {fact}", "    wrong:", f"      - On hat {n}", f"      - On a box {n}",
                  "    explain: The cat sat on the mat."]
    return "\n".join(lines) + "\n"


def bench_check(questions: int, repeats: int) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="comprehend-bench-"))
    try:
        path = folder / "big.yaml"
        path.write_text(big_bank_text(questions))
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            report = check_banks([path])
            times.append(time.perf_counter() - started)
        assert report.valid == 1, report.problems[:3]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = statistics.median(times)
    return [{"benchmark": "check of a generated bank", "at": f"{questions:,} questions", "ms": ms(seconds),
             "target": "<= 1000 ms", "met": seconds <= 1.0}]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: check that everything runs")
    args = parser.parse_args()
    small, large, answers, repeats, questions = (100, 1_000, 10, 2, 100) if args.quick else (1_000, 100_000, 60, 5, 1_000)
    bank = load_bank(BANK)
    empty_results = Path(tempfile.mkdtemp(prefix="comprehend-bench-"))
    rows = []
    rows += bench_start(empty_results, repeats)
    rows += bench_check(questions, repeats)
    rows += bench_answer_save(bank, small, large, answers)
    rows += bench_review(bank, large, repeats)
    shutil.rmtree(empty_results, ignore_errors=True)
    print(f"{'benchmark':<50} {'at':>18} {'ms':>10} {'ratio':>7}  target")
    for row in rows:
        met = {True: "met", False: "MISSED"}.get(row.get("met"), "")
        target = " ".join(filter(None, [row.get("target", ""), ("ratio " + row["ratio_target"]) if "ratio_target" in row else "", met]))
        print(f"{row['benchmark']:<50} {row.get('at', ''):>18} {row['ms']:>10} {row.get('ratio', ''):>7}  {target}")
    for row in rows:
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
