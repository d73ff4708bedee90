"""'Asked for the nurse' (issue 14) as every reader shows it: review's list and detail, reports, export, FHIR."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fhir.resources.bundle import Bundle

from comprehend.export import export_csv, export_jsonl
from comprehend.reports import fhir
from comprehend.reports.content import report_text
from comprehend.review.screens.attempts import row_cells
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from comprehend.store.shapes import attempt_problem
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK


@pytest.fixture
def records(small_bank):
    return [
        taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00", stop_after=1, ask_nurse="question", attempt_id="asked"),
        taken_attempt(small_bank, "P-2", [False, False, False], "2026-11-02T10:00:00+00:00", stop_after=3, ask_nurse="offer",
                      attempt_id="offer"),
        taken_attempt(small_bank, "P-3", [True, True, True], "2026-11-02T11:00:00+00:00", attempt_id="plain"),
    ]


@pytest.fixture
def data(results_dir, small_bank, records):
    old = {key: value for key, value in taken_attempt(small_bank, "P-4", [True], "2026-11-01T09:00:00+00:00",
                                                      attempt_id="before").items() if key != "asked_for_nurse"}
    ResultsStore(results_dir, "kiosk-1").finish_many([*records, old])  # `before`: stored before the nurse button
    review = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank])
    review.load()
    return review


def test_the_store_keeps_the_fields_and_refuses_a_wrong_type(records):
    assert attempt_problem(records[0]) is None
    assert records[0]["asked_for_nurse"] is True and records[0]["facts_in_bank"] == 3
    assert attempt_problem({**records[0], "asked_for_nurse": "yes"}) == "a stored attempt's asked_for_nurse is str"
    assert attempt_problem({**records[0], "facts_in_bank": 2**70}) is not None


def test_review_list_marks_it(data):
    rows = {row.attempt_id: row for row in data.rows}
    assert rows["asked"].asked_for_nurse and rows["offer"].asked_for_nurse
    assert not rows["plain"].asked_for_nurse and not rows["before"].asked_for_nurse
    assert rows["asked"].outcome == "needs-discussion" and rows["asked"].score_text == "1 of 1"
    assert row_cells(rows["asked"])[4] == "Asked for nurse"
    assert row_cells(rows["plain"])[4] == "Ready"


def test_review_detail_says_where_and_what_the_score_counts(data):
    assert data.detail("asked").nurse_note == (
        "The patient asked for the nurse from a question, after 1 of 3 first-round questions: "
        "the first-try score counts only the 1 asked.")
    assert data.detail("offer").nurse_note == (
        "The patient asked for the nurse when offered after the first round (more than half missed), "
        "after the first round: the first-try score counts every question.")
    assert data.detail("plain").nurse_note == "" and data.detail("before").nurse_note == ""


def test_reports_say_it(data):
    facts = dict(report_text(data.detail("asked"), "Clinic").facts)
    assert facts["Outcome"] == "Needs discussion (asked for the nurse)"
    assert facts["Asked for the nurse"].startswith("The patient asked for the nurse from a question")
    assert "Asked for the nurse" not in dict(report_text(data.detail("plain"), "Clinic").facts)


def test_export_has_it_in_both_formats(records):
    out = io.StringIO()
    export_jsonl(records, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["asked_for_nurse"] for line in lines] == [True, True, False]
    assert [line["asked_for_nurse_from"] for line in lines] == ["question", "offer", None]
    assert lines[0]["facts_in_bank"] == 3 and lines[0]["total"] == 1
    out = io.StringIO()
    export_csv([*records, {k: v for k, v in records[2].items() if k != "asked_for_nurse"}], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["asked_for_nurse"] for row in rows] == ["yes", "yes", "no", "no"]


def test_fhir_responses_carry_it_and_validate(small_bank, records):
    bundle = fhir.responses_bundle(records, lambda record: small_bank)
    Bundle.model_validate(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    def asked(resource):
        return [e["valueCode"] for e in resource["extension"] if e["url"] == fhir.ASKED_FOR_NURSE]
    assert asked(by_id["asked"]) == ["question"] and asked(by_id["offer"]) == ["offer"] and asked(by_id["plain"]) == []


def test_stats_never_count_a_stopped_attempt_as_all_right(small_bank):
    """The bug: a patient who got the one question asked right, then asked for the nurse, counted as all right after round 1."""
    from comprehend.reports.item_stats import bank_stats

    stopped = taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00", stop_after=1, ask_nurse="question")
    stats = bank_stats(small_bank, [stopped])
    assert stats.all_right_after_round[1] == 0.0 and stats.share_ready == 0.0


def test_csv_report_has_it_on_each_row(data):
    from comprehend.reports.csv_report import render_csv

    rows = list(csv.DictReader(io.StringIO(render_csv([data.detail("asked"), data.detail("plain")]))))
    assert {(row["attempt_id"], row["asked_for_nurse"]) for row in rows} == {("asked", "yes"), ("plain", "no")}
