"""Issue 14, setting up: a Python without the set-up, --help per command, `report --out -`, audit's patient ids, staff hints."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from comprehend.cli import OWN_OPTIONS, SUBCOMMANDS, main
from comprehend.setup_check import DEPENDENCIES, setup_problem
from comprehend.staff.accounts import StaffAccounts
from comprehend.store.audit import AuditLog
from tests.conftest import ROOT, SMALL_BANK
from tests.tui.review_helpers import stored_attempts

SHARED = ("--questions", "--results", "--bank", "--kiosk-id")
PIN = "583920"


def run(*args: str, python: str = sys.executable, cwd: Path = ROOT, flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([python, *flags, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, timeout=120)


# --- a Python without what comprehend needs ----------------------------------------------------------------------

def test_main_py_run_by_a_python_without_the_packages_names_the_venv_command():
    """Issue 14: `python main.py staff add "Ann Lee"` showed "something went wrong (ModuleNotFoundError ...)"."""
    result = run("staff", "add", "Ann Lee", flags=("-S",))  # -S: no site-packages, as the system python has none of ours
    err = result.stderr.decode()
    assert result.returncode == 1 and result.stdout == b""
    assert "Traceback" not in err and "something went wrong" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert ".venv/bin/" in err and "main.py staff add 'Ann Lee'" in err, err


def test_main_py_from_another_folder_names_the_checkout():
    result = run("staff", "list", flags=("-S",), cwd=Path("/"))
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert f"{ROOT}/main.py staff list" in err, err


def test_a_fresh_clone_without_a_venv_is_told_the_set_up(tmp_path):
    """No .venv yet: the sentence gives the README's set-up command, then the command to type."""
    shutil.copy2(ROOT / "main.py", tmp_path / "main.py")
    shutil.copytree(ROOT / "comprehend", tmp_path / "comprehend", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([sys.executable, "-S", "main.py", "staff", "list"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("Set it up once with: python3 -m venv .venv && .venv/bin/pip install -e . — then run: "
            ".venv/bin/python main.py staff list") in result.stderr


def test_a_python_too_old_is_told_so(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 9, 18))
    assert "comprehend needs Python 3.11 or newer" in setup_problem(["check"])


def test_a_missing_package_met_inside_a_command_is_a_sentence_too(monkeypatch, capsys, tmp_path):
    """Installed as `comprehend` (no main.py check first), a missing package is still one sentence, not 'something went wrong'."""
    def no_filelock(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'filelock'", name="filelock")

    monkeypatch.setattr("comprehend.staff.commands.run_staff", no_filelock)
    assert main(["staff", "list", "--results", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "does not have filelock" in err and f"main.py staff list --results {tmp_path / 'r'}" in err
    assert "something went wrong" not in err


def test_the_checked_packages_are_those_pyproject_installs():
    import_names = {"pyyaml": "yaml", "fpdf2": "fpdf", "textual-serve": "textual_serve"}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {re.split(r"[=<>!~ \[]", spec, maxsplit=1)[0].lower() for spec in project["dependencies"]}
    assert sorted(DEPENDENCIES) == sorted(import_names.get(name, name) for name in wanted)


# --- --help: each command its own options ------------------------------------------------------------------------

@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_of_each_command_lists_only_its_own_shared_options(command, capsys):
    """Issue 14: `staff --help` and `audit --help` listed --bank and --kiosk-id ("the patient picks one by title")."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    shown = {option for option in SHARED if option in out}
    assert shown == {f"--{name}" for name in OWN_OPTIONS[command]}


def test_staff_and_audit_help_show_the_results_folder_only(capsys):
    for command in ("staff", "audit"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "--results" in out and "--bank" not in out and "--kiosk-id" not in out and "picks one by title" not in out


def test_options_left_out_of_help_are_still_accepted(tmp_path, capsys):
    """Scripts that pass the shared options to every command keep working."""
    assert main(["staff", "list", "--results", str(tmp_path / "r"), "--questions", "q", "--bank", "x", "--kiosk-id", "k"]) == 0
    assert "There are no staff accounts yet" in capsys.readouterr().out


# --- report --out - ------------------------------------------------------------------------------------------------

@pytest.fixture
def stored(results_dir):
    return stored_attempts(results_dir)


def test_report_out_dash_writes_markdown_to_standard_output(stored, results_dir, tmp_path, monkeypatch, capsys):
    """Issue 14: `report --out -` created a file named '-'."""
    monkeypatch.chdir(tmp_path)
    code = main(["report", "--patient", "P-2", "--format", "md", "--out", "-",
                 "--results", str(results_dir), "--questions", str(SMALL_BANK.parent)])
    out, err = capsys.readouterr()
    assert code == 0 and not (tmp_path / "-").exists()
    assert out.startswith("#") and "P-2" in out and "Wrote the" not in out
    assert "Wrote the md report to standard output" in err
    [entry] = AuditLog(results_dir).entries()
    assert entry["detail"] == "md to standard output"


def test_report_out_dash_writes_the_pdf_bytes_to_standard_output(stored, results_dir, tmp_path):
    result = run("report", "--patient", "P-1", "--out", "-", "--results", str(results_dir),
                 "--questions", str(SMALL_BANK.parent), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
    assert not (tmp_path / "-").exists() and b"Reported the completed attempt" in result.stderr


def test_fhir_out_dash_writes_to_standard_output_too(stored, results_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["fhir", "responses", "--out", "-", "--results", str(results_dir), "--questions", str(SMALL_BANK.parent)]) == 0
    assert '"resourceType": "Bundle"' in capsys.readouterr().out and not (tmp_path / "-").exists()


# --- audit: the patient of each attempt ----------------------------------------------------------------------------

def test_audit_shows_the_patient_id_of_each_attempt(stored, results_dir, capsys):
    """Issue 14: audit listed attempt ids only; staff need to know whose record was opened."""
    log = AuditLog(results_dir)
    log.record("Ann Lee", "opened-attempt", "2026-11-05T09:00:00+00:00", "a2" * 16)
    log.record("Ann Lee", "exited-kiosk", "2026-11-05T09:01:00+00:00")
    log.record("Ann Lee", "opened-attempt", "2026-11-05T09:02:00+00:00", "gone")
    assert main(["audit", "--results", str(results_dir)]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        ["2026-11-05T09:00:00+00:00", "Ann Lee", "opened-attempt", "a2" * 16, "P-2", ""],
        ["2026-11-05T09:01:00+00:00", "Ann Lee", "exited-kiosk", "", "", ""],
        ["2026-11-05T09:02:00+00:00", "Ann Lee", "opened-attempt", "gone", "", ""],
    ]


# --- staff hints name the results folder in use ---------------------------------------------------------------------

def test_staff_list_with_no_account_names_the_results_folder(tmp_path, capsys):
    """Issue 14: the hint named `staff add NAME` alone; followed for --results demo-results, it made the account elsewhere."""
    demo = tmp_path / "demo-results"
    assert main(["staff", "list", "--results", str(demo)]) == 0
    assert f".venv/bin/python main.py staff add NAME --results {demo}" in capsys.readouterr().out


def test_staff_list_in_the_default_folder_names_none(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["staff", "list"]) == 0
    assert capsys.readouterr().out.strip().endswith("Create one with: .venv/bin/python main.py staff add NAME")


def test_removing_the_last_account_names_the_results_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    StaffAccounts(tmp_path / "demo-results").add("Ann Lee", PIN)
    monkeypatch.setattr("builtins.input", lambda prompt: "Ann Lee")
    assert main(["staff", "remove", "Ann Lee", "--results", "demo-results"]) == 0
    assert "until you add one with: .venv/bin/python main.py staff add NAME --results demo-results" in capsys.readouterr().out


def test_staff_without_a_name_gives_an_example_for_the_folder_in_use(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["staff", "add", "--results", "my results"]) == 2
    assert """e.g. .venv/bin/python main.py staff add "Ann Lee" --results 'my results'""" in capsys.readouterr().err


def test_a_folder_named_like_the_default_elsewhere_is_named(tmp_path, monkeypatch, capsys):
    """results/ of another folder is not the default: the command would not find it from here."""
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "other" / "results"
    assert main(["staff", "list", "--results", str(other)]) == 0
    assert f"--results {other}" in capsys.readouterr().out
