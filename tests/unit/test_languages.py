"""A bank and its translation share an id: review, detail, filters and FHIR keep them apart by language."""

from __future__ import annotations

import pytest

from comprehend.bank.loader import parse_bank
from comprehend.overview import AttemptFilter
from comprehend.reports import fhir
from comprehend.reports.content import report_text
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK


@pytest.fixture
def spanish(small_bank):
    text = SMALL_BANK.read_text().replace("title: A small test bank", "title: Un banco pequeño").replace(
        "version: 2", "version: 2\nlanguage: es").replace("text: Snow is cold.", "text: La nieve es fría.")
    return parse_bank(text, "small.es.yaml")


def test_each_attempt_is_read_with_the_bank_of_its_language(results_dir, small_bank, spanish):
    ResultsStore(results_dir, "k").finish_many([
        taken_attempt(small_bank, "P-1", [True, True, False], "2026-11-02T09:00:00+00:00", attempt_id="en1"),
        taken_attempt(spanish, "P-2", [True, True, False], "2026-11-02T10:00:00+00:00", attempt_id="es1"),
    ])
    data = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank, spanish])
    rows = {row.attempt_id: row for row in data.load()}
    assert (rows["en1"].language, rows["es1"].language) == ("en", "es")
    assert not rows["en1"].older_version and not rows["es1"].older_version  # each against its own language
    assert [p.text for p in data.detail("es1").points] == ["La nieve es fría."]
    assert [p.text for p in data.detail("en1").points] == ["Snow is cold."]
    assert [row.attempt_id for row in AttemptFilter(language="es").apply(data.rows)] == ["es1"]


def test_fhir_keeps_languages_apart(small_bank, spanish):
    assert fhir.questionnaire_url(small_bank).endswith("/Questionnaire/small")
    assert fhir.questionnaire_url(spanish).endswith("/Questionnaire/small-es")
    assert (fhir.questionnaire(small_bank, "R4B")["id"], fhir.questionnaire(spanish, "R5")["id"]) == ("small", "small-es")
    record = taken_attempt(spanish, "P-2", [True], "2026-11-02T10:00:00+00:00")
    [entry] = fhir.responses_bundle([record], lambda r: spanish)["entry"]
    assert entry["resource"]["questionnaire"].startswith(fhir.questionnaire_url(spanish) + "|")


def test_a_nurse_sees_each_talking_point_in_the_original_words_too(results_dir, small_bank, spanish):
    """A Spanish attempt's talking points carry the English original (detail and report); an English one does not."""
    ResultsStore(results_dir, "k").finish_many([
        taken_attempt(small_bank, "P-1", [True, True, False], "2026-11-02T09:00:00+00:00", attempt_id="en1"),
        taken_attempt(spanish, "P-2", [True, True, False], "2026-11-02T10:00:00+00:00", attempt_id="es1"),
    ])
    data = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank, spanish])
    data.load()
    [point] = data.detail("es1").points
    assert (point.text, point.original) == ("La nieve es fría.", "Snow is cold.")
    assert data.detail("en1").points[0].original == ""
    assert "La nieve es fría. — in the original: Snow is cold." in report_text(data.detail("es1"), "Clinic").points
    without_original = ReviewData(results_dir, SMALL_BANK.parent, banks=[spanish])  # the English bank is gone
    without_original.load()
    assert without_original.detail("es1").points[0].original == ""
