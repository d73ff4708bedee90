"""`report --patient` (issue 11, item 8): the completed attempt, not the superseded incomplete one it carried on."""

from __future__ import annotations

from comprehend.cli import main
from comprehend.record import continued_attempt
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK

DAY = "2026-11-02"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_for_a_patient_picks_the_completed_attempt_and_lists_the_others(results_dir, small_bank, capsys, tmp_path):
    """A patient who resumed the same day: the report is of the completed attempt, and says which it chose and what else there is."""
    earlier = taken_attempt(small_bank, "P-5", [False], f"{DAY}T09:00:00+00:00", stop_after=1, attempt_id="e" * 32)
    later = {**continued_attempt(earlier, "kiosk-1", f"{DAY}T09:20:00+00:00"),
             **taken_attempt(small_bank, "P-5", [False, True, True], f"{DAY}T09:00:00+00:00", attempt_id="c" * 32)}
    later["resumed_from"] = earlier["attempt_id"]
    later["updated_at"] = earlier["updated_at"]  # the two share history: the completed one is not the newest by any time
    ResultsStore(results_dir, "kiosk-1").finish_many([earlier, later])
    out_file = tmp_path / "report.md"
    code, out, err = run(capsys, "report", "--patient", "P-5", "--format", "md", "--out", str(out_file),
                         "--questions", str(SMALL_BANK.parent), "--results", str(results_dir))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "Continued in a later attempt" not in text and "Incomplete" not in text
    assert "c" * 8 in out and "e" * 8 in out and "completed" in out
