"""Run as a separate process by the store tests: saves answers or finishes attempts, printing each one saved."""

from __future__ import annotations

import sys
from pathlib import Path

from comprehend.store import ResultsStore


def record(attempt_id: str, answers: int, status: str = "in-progress") -> dict:
    """A small attempt record with `answers` answers (with every field a stored attempt must have)."""
    return {
        "attempt_id": attempt_id,
        "patient_id": "P-1",
        "bank_id": "small",
        "kiosk_id": "shared",
        "started_at": "2026-11-02T09:00:00+00:00",
        "status": status,
        "answers": [{"question_id": f"q{i}", "fact_id": f"f{i}", "round": 1, "choice": "yes", "correct": True}
                    for i in range(answers)],
    }


def main() -> None:
    mode, folder, name, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = ResultsStore(folder, "shared")
    for n in range(1, count + 1):
        if mode == "answers":
            store.save_progress(record(name, n))
        else:
            store.finish(record(f"{name}-{n}", 1, "completed"))
        print(n, flush=True)


if __name__ == "__main__":
    main()
