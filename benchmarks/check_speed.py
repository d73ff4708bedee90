"""How long `check` takes on a generated 1,000-question bank, and the share of it the cue rules take.

    python benchmarks/check_speed.py              # 1,000 questions, median of 5 runs
    python benchmarks/check_speed.py --questions 5000 --repeats 3

The generated bank is written to draw every cue rule (absolute words, hedges, "Who…?", a blank after
"a", shared forms, facts with two ideas), so the rules do their full work. Prints a table and JSON
lines; the target is check <= 1000 ms at 1,000 questions. The machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from comprehend.bank.cues import check_cues  # noqa: E402
from comprehend.bank.language_rules import rules_for  # noqa: E402
from comprehend.bank.loader import load_bank  # noqa: E402
from comprehend.check import check_banks  # noqa: E402

TARGET_SECONDS = 1.0
STEMS = (
    ("Who will tell you when to come in, case {n}?", "Your nurse will call you", "You can come any time you like",
     "It will be on a sign outside", "Nobody ever tells you"),
    ("The doctor puts in a", "thin tube, step {n}", "metal rod that stays", "open cut in the leg", "eye test"),
    ("What can the cement do, case {n}?", "It may leak out a little", "It always melts away",
     "It never gets hard", "It turns into bone for good"),
    ("Why rest after it, case {n}?", "To let the bone heal", "It means you can run", "It means no pain",
     "It means you stay in bed"),
)


def bank_text(questions: int) -> str:
    """A valid bank of `questions` questions, 5 per fact, each fact two ideas."""
    lines = ["id: speed", "title: A big bank", "version: 1", "facts:"]
    facts = max(1, questions // 5)
    for n in range(facts):
        lines += [f"  - id: fact-{n}", f"    text: Point {n} is that the cat sat on mat {n}. The dog ran to the park and the shop."]
    lines.append("questions:")
    for n in range(questions):
        ask, answer, *wrong = STEMS[n % len(STEMS)]
        lines += [f"  - id: q-{n}", f"    fact: fact-{n % facts}", f"    ask: {ask.format(n=n)}",
                  f"    answer: {answer.format(n=n)}", "    wrong:", *(f"      - {w}" for w in wrong),
                  "    explain: The cat sat on the mat."]
    return "\n".join(lines) + "\n"


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="comprehend-check-speed-"))
    try:
        path = folder / "speed.yaml"
        path.write_text(bank_text(args.questions))
        report = check_banks([path])
        if report.valid != 1:
            print(report.problems[:3], file=sys.stderr)
            return 1
        whole = median_seconds(lambda: check_banks([path]), args.repeats)
        bank = load_bank(path)
        rules = rules_for(bank.language)
        found: list = []
        cues = median_seconds(lambda: check_cues(bank, rules, lambda *warning: found.append(warning)), args.repeats)
        rows = [
            {"benchmark": "check (load and every warning)", "at": f"{args.questions:,} questions", "ms": round(whole * 1000, 1),
             "target": f"<= {TARGET_SECONDS * 1000:.0f} ms", "met": whole <= TARGET_SECONDS},
            {"benchmark": "the cue rules alone", "at": f"{args.questions:,} questions", "ms": round(cues * 1000, 1)},
        ]
        figures = report.cue_figures[0]
        warnings = len(report.problems)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'benchmark':<34} {'at':>16} {'ms':>9}  target")
    for row in rows:
        met = {True: "met", False: "MISSED"}.get(row.get("met"), "")
        print(f"{row['benchmark']:<34} {row['at']:>16} {row['ms']:>9}  {row.get('target', '')} {met}")
    print(f"({warnings} warnings; {figures.describe()})")
    for row in rows:
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
