"""The command line: check's lines and exit codes, export in jsonl and csv, help in plain words."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from comprehend.bank.loader import load_bank
from comprehend.cli import main
from comprehend.session import AttemptSession
from comprehend.store import ResultsStore
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES, ROOT, FixedClock


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_help_lists_the_commands_in_plain_words():
    """--help names kiosk, check and export."""
    result = run("--help")
    assert result.returncode == 0
    for line in ("kiosk     start the patient kiosk", "check     check question banks", "export    write every stored attempt"):
        assert line in result.stdout


def test_check_passes_on_the_bundled_bank():
    """`check questions/` passes with a summary line and exit 0."""
    result = run("check", "questions/")
    assert result.returncode == 0, result.stdout
    *approvals, summary = result.stdout.splitlines()
    assert summary.startswith("checked 2 banks: 2 valid, 0 with errors (0 errors, 0 warnings)")  # English and Spanish
    assert approvals == [f"questions/{path.name}: draft: version {load_bank(path).version} is not approved by a clinician"
                         for path in (KYPHOPLASTY_ES, KYPHOPLASTY)]


def test_check_reports_errors_with_file_line_col_and_exit_1(write_bank):
    """A broken bank prints path:line:col lines, a summary, and exits 1, with no traceback."""
    path = write_bank("id: x\ntitle: T\nversion: 1\nfacts: []\nquestions: oops\n")
    result = run("check", str(path))
    assert result.returncode == 1
    assert f"{path}:4:8: error: 'facts' in bank 'x' needs at least 1; it has 0" in result.stdout
    assert f"{path}:5:12: error: 'questions' in bank 'x' must be a list" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("content", [b"\x00\x01\x02", b"\xff\xfe", b"{{{{", b"- - - -", b"a: *nope"])
def test_check_never_shows_a_traceback(write_bank, content):
    """Whatever the file holds, check answers with a message and exit 1."""
    result = run("check", str(write_bank(content)))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "error:" in result.stdout


def test_check_bad_usage_exits_2():
    """An unknown option is bad usage: exit 2."""
    assert run("check", "--no-such-option").returncode == 2


def test_check_a_folder_with_no_banks(tmp_path):
    """An empty folder says no banks were found and exits 1."""
    result = run("check", str(tmp_path))
    assert result.returncode == 1 and "no bank files" in result.stdout


def finished_attempt(results, kyphoplasty_bank, patient="P-7", miss=("what-it-is",)):
    """Store one completed attempt, missing the given facts on the first try."""
    session = AttemptSession(kyphoplasty_bank, patient, ResultsStore(results, "k1"), seed=3, clock=FixedClock())
    while not session.run.finished:
        step = session.run.current
        if not hasattr(step, "choices"):
            session.run.move_on()
            continue
        wrong_now = step.fact.id in miss and step.round == 1
        session.answer(next(i for i, c in enumerate(step.choices) if c.correct != wrong_now))
    return session.record


def test_export_jsonl_has_the_fields_and_right_figures(results_dir, kyphoplasty_bank, capsys):
    """export writes one JSON line per attempt with the documented fields and figures."""
    finished_attempt(results_dir, kyphoplasty_bank)
    assert main(["export", "--results", str(results_dir)]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    row = json.loads(line)
    assert list(row) == ["attempt_id", "patient_id", "bank_id", "bank_version", "bank_hash", "language", "kiosk_id", "started_at",
                         "finished_at", "status", "first_try_correct", "total", "score", "outcome", "asked_for_nurse",
                         "asked_for_nurse_from", "facts_in_bank", "answers"]
    assert row["patient_id"] == "P-7" and row["bank_id"] == "kyphoplasty" and row["status"] == "completed"
    assert (row["first_try_correct"], row["total"]) == (34, 35) and row["score"] == round(34 / 35, 4)
    assert row["outcome"] == "ready"  # 0.97 ≥ 0.8 and the missed critical fact was mastered in round 2
    assert row["bank_hash"] == kyphoplasty_bank.content_hash
    assert (row["asked_for_nurse"], row["asked_for_nurse_from"], row["facts_in_bank"]) == (False, None, None)
    assert set(row["answers"][0]) == {"question_id", "fact_id", "round", "choice", "correct", "at"}
    assert row["answers"][0]["correct"] is False and row["answers"][-1]["round"] == 2
    assert "exported 1 attempt" in err


def test_export_says_which_language_the_patient_took(results_dir, spanish_kyphoplasty_bank, capsys):
    """A Spanish attempt is exported with its language, so it is not taken for the English bank (JSON and CSV)."""
    finished_attempt(results_dir, spanish_kyphoplasty_bank, "ES-1")
    assert main(["export", "--results", str(results_dir)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["language"] == "es" and row["answers"][0]["choice"] in {c.text for q in spanish_kyphoplasty_bank.questions
                                                                      for c in q.wrong}
    assert main(["export", "--results", str(results_dir), "--format", "csv"]) == 0
    header, line = capsys.readouterr().out.splitlines()
    assert dict(zip(header.split(","), line.split(",")))["language"] == "es"


def test_export_outcome_follows_pass_mark(results_dir, kyphoplasty_bank, capsys):
    """34 of 35 (0.97) is ready; 27 of 35 (0.77) is below the 0.8 pass mark: needs-discussion."""
    finished_attempt(results_dir, kyphoplasty_bank, "READY-1", miss=("pain-relief",))
    eight = tuple(f.id for f in kyphoplasty_bank.facts[:8])
    finished_attempt(results_dir, kyphoplasty_bank, "LOW-1", miss=eight)
    main(["export", "--results", str(results_dir)])
    rows = {r["patient_id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["READY-1"]["outcome"] == "ready"
    assert (rows["LOW-1"]["first_try_correct"], rows["LOW-1"]["outcome"]) == (27, "needs-discussion")


def test_export_csv_one_row_per_attempt(results_dir, kyphoplasty_bank, capsys):
    """export --format csv writes a header and one row per attempt."""
    finished_attempt(results_dir, kyphoplasty_bank, "P-1")
    finished_attempt(results_dir, kyphoplasty_bank, "P-2")
    assert main(["export", "--format", "csv", "--results", str(results_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["patient_id"] for r in rows) == ["P-1", "P-2"]
    assert rows[0]["first_try_correct"] == "34" and rows[0]["missed_first"] == "what-it-is"


def test_export_names_a_damaged_file_and_exports_the_rest(results_dir, kyphoplasty_bank, capsys):
    """A damaged shard is named on stderr (exit 1); the good attempts are still exported; nothing is changed."""
    finished_attempt(results_dir, kyphoplasty_bank)
    damaged = results_dir / "attempts" / "other-kiosk" / "2026-10" / "2026-10-05.json"
    damaged.parent.mkdir(parents=True)
    damaged.write_text('{"attempts": {"1": ')
    assert main(["export", "--results", str(results_dir)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert f"skipped {damaged}: it is not valid JSON" in err
    assert damaged.read_text() == '{"attempts": {"1": '


def test_export_without_results_folder(tmp_path, capsys):
    """A results folder that does not exist is a message, not a traceback."""
    assert main(["export", "--results", str(tmp_path / "none")]) == 1
    assert "there is no results folder" in capsys.readouterr().err


def test_kiosk_with_a_broken_bank_says_what_to_fix(write_bank, tmp_path):
    """The kiosk refuses a broken bank with its problems listed, and exits 1 (no traceback, no app)."""
    path = write_bank("id: x\n")
    result = run("kiosk", "--bank", str(path), "--results", str(tmp_path / "r"))
    assert result.returncode == 1
    assert "the kiosk cannot start" in result.stderr and f"{path}:1:1: error:" in result.stderr


def test_kiosk_with_unknown_bank_id_lists_the_banks(tmp_path):
    """--bank with an id that is not there names the banks that are."""
    result = run("--bank", "nope", "--results", str(tmp_path / "r"))
    assert result.returncode == 1 and "banks found: kyphoplasty" in result.stderr


def test_options_come_from_environment(monkeypatch, tmp_path):
    """COMPREHEND_RESULTS sets the results folder when --results is not given."""
    from comprehend.cli import build_parser

    monkeypatch.setenv("COMPREHEND_RESULTS", str(tmp_path))
    monkeypatch.setenv("COMPREHEND_KIOSK_ID", "front-desk")
    args = build_parser().parse_args(["export"])
    assert args.results == tmp_path and args.kiosk_id == "front-desk"


def test_bank_file_path_is_accepted():
    """--bank takes a YAML file as well as an id."""
    from comprehend.bank.discovery import kiosk_banks

    assert kiosk_banks(ROOT / "questions", str(KYPHOPLASTY))[0].id == "kyphoplasty"
