"""A record a clinic can trust: after the bank is reworded, re-versioned or deleted, every reader shows what the patient saw.

The attempt is taken through AttemptSession (as the kiosk does), then the bank file changes under it,
then the real commands run in-process.
"""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from pypdf import PdfReader

from comprehend.bank.loader import load_bank
from comprehend.cli import main
from comprehend.quiz import Ask
from comprehend.session import AttemptSession
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK, FixedClock

OLD_ASK = "What colour is a clear sky?"
NEW_ASK = "Which colour does the sky have when there are no clouds?"
OLD_FACT = "The sky is blue on a clear day."
NEW_FACT = "On a day with no clouds the sky looks blue."


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def clinic(tmp_path: Path):
    """A questions folder holding the small bank, and one finished attempt on it (the first question missed)."""
    questions = tmp_path / "questions"
    questions.mkdir()
    bank_file = questions / "small.yaml"
    shutil.copy(SMALL_BANK, bank_file)
    results = tmp_path / "results"
    session = AttemptSession(load_bank(bank_file), "PT-7", ResultsStore(results, "kiosk-1"), 11, FixedClock())
    first = True
    while not session.run.finished:
        step = session.run.current
        if isinstance(step, Ask):
            index = next(i for i, choice in enumerate(step.choices) if choice.correct != first)
            first = False
            session.answer(index)
        else:
            session.run.move_on()
    return questions, results, bank_file, session.record


def reword_and_bump(bank_file: Path) -> None:
    text = bank_file.read_text(encoding="utf-8")
    text = text.replace(OLD_ASK, NEW_ASK).replace(OLD_FACT, NEW_FACT).replace("version: 2", "version: 3")
    bank_file.write_text(text, encoding="utf-8")


def report(questions: Path, results: Path, attempt_id: str, fmt: str, out: Path) -> str:
    code, _, err = run("report", "--attempt", attempt_id, "--format", fmt, "--out", str(out),
                       "--questions", str(questions), "--results", str(results))
    assert code == 0, err
    if fmt in ("pdf", "handout"):
        return "\n".join(page.extract_text() for page in PdfReader(out).pages)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("change", ["reworded", "deleted"])
@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "handout"])
def test_every_report_shows_the_wording_the_patient_saw(clinic, tmp_path, change, fmt):
    """Reworded to version 3, or deleted: reports still print version 2's question and point, never version 3's."""
    questions, results, bank_file, record = clinic
    reword_and_bump(bank_file)
    if change == "deleted":
        bank_file.unlink()
    text = " ".join(report(questions, results, record["attempt_id"], fmt, tmp_path / f"r.{fmt}").split())
    assert OLD_FACT in text
    assert NEW_FACT not in text and NEW_ASK not in text
    if fmt != "handout":
        assert OLD_ASK in text


@pytest.mark.parametrize("change", ["reworded", "deleted"])
def test_fhir_and_export_keep_the_attempt_in_its_own_version(clinic, tmp_path, change):
    """fhir responses names the snapshot's url|version and its wording; export keeps the attempt; nothing is dropped."""
    questions, results, bank_file, record = clinic
    reword_and_bump(bank_file)
    if change == "deleted":
        bank_file.unlink()
    common = ("--questions", str(questions), "--results", str(results))
    code, out, err = run("fhir", "responses", *common)
    assert code == 0, err
    [entry] = json.loads(out)["entry"]
    response = entry["resource"]
    assert response["questionnaire"].endswith(f"|2+{record['bank_hash']}")
    asked = {item["linkId"]: item.get("text") for item in response["item"]}
    assert asked["sky-colour"] == OLD_ASK
    assert "1 of 1 stored attempts" in err
    code, out, err = run("export", *common)
    assert code == 0 and [json.loads(line)["attempt_id"] for line in out.splitlines()] == [record["attempt_id"]]
    code, out, err = run("fhir", "questionnaire", "small", "--version", "2", *common)
    assert code == 0, err
    questionnaire = json.loads(out)
    assert questionnaire["version"] == f"2+{record['bank_hash']}"
    assert OLD_ASK in json.dumps(questionnaire) and NEW_ASK not in json.dumps(questionnaire)
    code, out, err = run("fhir", "questionnaire", "small", "--hash", record["bank_hash"][:10], *common)
    assert code == 0 and json.loads(out)["version"] == f"2+{record['bank_hash']}"


def test_an_attempt_on_a_bank_outside_the_questions_folder_is_reported(clinic, tmp_path):
    """Taken with --bank some/file.yaml (so the questions folder never had it): report and FHIR still work."""
    questions, results, bank_file, record = clinic
    bank_file.unlink()  # the questions folder is now empty, as for a bank given by file
    text = report(questions, results, record["attempt_id"], "md", tmp_path / "r.md")
    assert OLD_ASK in text
    code, out, _ = run("fhir", "responses", "--questions", str(questions), "--results", str(results))
    assert code == 0 and len(json.loads(out)["entry"]) == 1


def test_an_old_results_folder_without_snapshots_never_shows_another_wording(clinic, tmp_path):
    """No snapshot (an attempt stored before this change) and a reworded bank: the record's own choices and a plain note."""
    questions, results, bank_file, record = clinic
    shutil.rmtree(results / "banks")
    reword_and_bump(bank_file)
    text = report(questions, results, record["attempt_id"], "md", tmp_path / "r.md")
    assert "The wording of version 2 of this bank was not kept" in text
    assert NEW_ASK not in text and NEW_FACT not in text
    given = [answer["choice"] for answer in record["answers"]]
    assert all(choice in text for choice in given)  # each choice as the patient gave it
    code, out, err = run("report", "--attempt", record["attempt_id"], "--format", "handout", "--out", str(tmp_path / "h.pdf"),
                         "--questions", str(questions), "--results", str(results))
    assert code == 1 and "not kept" in err and not (tmp_path / "h.pdf").exists()
    code, out, err = run("fhir", "responses", "--questions", str(questions), "--results", str(results))
    assert code == 0 and len(json.loads(out)["entry"]) == 1  # still exported, from the record alone


def test_an_old_results_folder_uses_the_current_bank_when_it_is_the_same_version(clinic, tmp_path):
    """No snapshot but the file unchanged (same hash): the attempt is shown in full, with no 'not kept' note."""
    questions, results, bank_file, record = clinic
    shutil.rmtree(results / "banks")
    text = report(questions, results, record["attempt_id"], "md", tmp_path / "r.md")
    assert OLD_ASK in text and "not kept" not in text


def test_starting_an_attempt_keeps_the_bank_once(clinic):
    """The snapshot is written at the attempt's start, under its hash, and a second attempt on the same version adds none."""
    questions, results, bank_file, record = clinic
    kept = list((results / "banks").rglob("*.json"))
    assert [path.name for path in kept] == [f"{record['bank_hash']}.json"]
    AttemptSession(load_bank(bank_file), "PT-8", ResultsStore(results, "kiosk-2"), 12, FixedClock())
    assert list((results / "banks").rglob("*.json")) == kept
