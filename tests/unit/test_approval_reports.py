"""Every report says who approved the bank version the patient took, or that it was a draft, as it stood that day."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from fhir.resources.questionnaire import Questionnaire as QuestionnaireR5
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B

from comprehend.bank.loader import load_bank
from comprehend.reports import fhir
from comprehend.reports.csv_report import render_csv
from comprehend.reports.html import render_html
from comprehend.reports.markdown import render_markdown
from comprehend.reports.pdf import render_report_pdf
from comprehend.review_data import ReviewData
from tests.approval_builders import APPROVED_DAY, APPROVED_SENTENCE, DRAFT_SENTENCE, approved_small_bank, draft_then_approved, take
from tests.unit.test_chart_page import flat, page_texts

FHIR_MODELS = {"R4B": QuestionnaireR4B, "R5": QuestionnaireR5}
NOT_KNOWN = "Whether version 2 of this bank was approved is not known: its wording was not kept"


def details(tmp_path, keep_snapshots=True):
    """The detail of PT-DRAFT's and PT-APPROVED's attempts, read with today's (approved) bank file."""
    results, approved = draft_then_approved(tmp_path)
    if not keep_snapshots:
        shutil.rmtree(results / "banks")
    data = ReviewData(results, tmp_path / "questions", banks=[approved])
    rows = {row.patient_id: row for row in data.load()}
    return {patient: data.detail(row.attempt_id) for patient, row in rows.items()}


@pytest.fixture
def both(tmp_path):
    return details(tmp_path)


def test_markdown_and_html(both):
    assert f"- **Approval:** {APPROVED_SENTENCE}\n" in render_markdown(both["PT-APPROVED"], "Clinic")
    assert f"- **Approval:** {DRAFT_SENTENCE}\n" in render_markdown(both["PT-DRAFT"], "Clinic")
    assert f"<dt>Approval</dt><dd>{APPROVED_SENTENCE}</dd>" in render_html(both["PT-APPROVED"], "Clinic")
    assert f"<dt>Approval</dt><dd>{DRAFT_SENTENCE}</dd>" in render_html(both["PT-DRAFT"], "Clinic")


def test_the_chart_pdf_says_it_on_page_one_under_the_bank(both):
    for patient, sentence in (("PT-APPROVED", APPROVED_SENTENCE), ("PT-DRAFT", DRAFT_SENTENCE)):
        first = flat(page_texts(render_report_pdf(both[patient], "Clinic"))[0])
        assert f"Approval: {sentence}" in first, first
        assert first.find("Bank:") < first.find("Approval:") < first.find("Talking points")


def test_csv_columns(both):
    rows = list(csv.DictReader(io.StringIO(render_csv([both["PT-APPROVED"], both["PT-DRAFT"]]))))
    by_patient = {row["patient_id"]: row for row in rows}
    assert {k: by_patient["PT-APPROVED"][k] for k in ("bank_status", "bank_approved_by", "bank_approved_role", "bank_approved_on")} == {
        "bank_status": "approved", "bank_approved_by": "Dr Ann Lee", "bank_approved_role": "spine surgeon",
        "bank_approved_on": "2026-11-02"}
    assert {k: by_patient["PT-DRAFT"][k] for k in ("bank_status", "bank_approved_by", "bank_approved_on")} == {
        "bank_status": "draft", "bank_approved_by": "", "bank_approved_on": ""}


def test_a_formula_in_the_name_cannot_run_in_a_spreadsheet(tmp_path):
    results, _ = draft_then_approved(tmp_path)
    text = (tmp_path / "questions" / "small.yaml").read_text().replace("by: Dr Ann Lee", "by: '=HYPERLINK(\"x\")'")
    (tmp_path / "questions" / "small.yaml").write_text(text)
    hostile = load_bank(tmp_path / "questions" / "small.yaml")
    take(results, hostile, "PT-FORMULA", APPROVED_DAY)
    data = ReviewData(results, tmp_path / "questions", banks=[hostile])
    row = next(row for row in data.load() if row.patient_id == "PT-FORMULA")
    [first, *_] = csv.DictReader(io.StringIO(render_csv([data.detail(row.attempt_id)])))
    assert not first["bank_approved_by"].startswith("=")


def test_without_the_snapshot_the_approval_is_not_known_and_never_taken_from_the_file(tmp_path):
    """PT-DRAFT's snapshot is gone and today's file is approved: the report must not say the patient took an approved bank."""
    draft = details(tmp_path, keep_snapshots=False)["PT-DRAFT"]
    assert draft.bank is None
    markdown = render_markdown(draft, "Clinic")
    assert f"- **Approval:** {NOT_KNOWN}\n" in markdown and "Dr Ann Lee" not in markdown
    assert {row["bank_status"] for row in csv.DictReader(io.StringIO(render_csv([draft])))} == {"unknown"}


@pytest.mark.parametrize("version", ["R4B", "R5"])
def test_fhir_questionnaire_is_a_draft_until_approved(tmp_path, small_bank, version):
    draft = fhir.questionnaire(small_bank, version)
    assert draft["status"] == "draft" and "approvalDate" not in draft
    approved = fhir.questionnaire(approved_small_bank(tmp_path), version)
    assert approved["status"] == "active" and approved["approvalDate"] == "2026-11-02"
    for document in (draft, approved):
        FHIR_MODELS[version].model_validate(document)


def test_an_attempt_on_the_draft_says_only_the_approval_changed_since(both):
    """Approving gives a new hash, so the draft's attempt is not today's version; its wording is, and the report says so."""
    assert both["PT-DRAFT"].only_approval_changed and not both["PT-APPROVED"].only_approval_changed
    markdown = render_markdown(both["PT-DRAFT"], "Clinic")
    assert "(the same wording as today's bank file; only its approval has changed since)" in markdown
    assert "older version" not in markdown
    assert "(" not in render_markdown(both["PT-APPROVED"], "Clinic").split("**Bank:**")[1].splitlines()[0]


def test_a_reworded_approved_bank_is_still_an_older_version(tmp_path):
    results, approved = draft_then_approved(tmp_path)
    path = tmp_path / "questions" / "small.yaml"
    path.write_text(path.read_text().replace("What colour is a clear sky?", "Which colour is the sky with no clouds?"))
    reworded = load_bank(path)
    data = ReviewData(results, tmp_path / "questions", banks=[reworded])
    for row in data.load():
        detail = data.detail(row.attempt_id)
        assert not detail.only_approval_changed
        assert "(an older version of this bank)" in render_markdown(detail, "Clinic")
