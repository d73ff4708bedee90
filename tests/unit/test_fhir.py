"""FHIR export: validated with fhir.resources (R4B and R5), codes from the spec's lists, shared linkIds."""

from __future__ import annotations

import json

import pytest
from fhir.resources.bundle import Bundle as BundleR5
from fhir.resources.questionnaire import Questionnaire as QuestionnaireR5
from fhir.resources.R4B.bundle import Bundle as BundleR4B
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B

from comprehend.cli import main
from comprehend.reports import fhir
from comprehend.store import ResultsStore
from tests.builders import taken_attempt

# The spec's code lists (fhir.resources checks structure, not these values).
ITEM_TYPES = {
    "R4B": {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
            "choice", "open-choice", "attachment", "reference", "quantity"},
    "R5": {"group", "display", "question", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text",
           "url", "coding", "attachment", "reference", "quantity"},
}
RESPONSE_STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
PUBLICATION_STATUSES = {"draft", "active", "retired", "unknown"}
MODELS = {"R4B": (QuestionnaireR4B, BundleR4B), "R5": (QuestionnaireR5, BundleR5)}


@pytest.fixture
def records(small_bank):
    return [
        taken_attempt(small_bank, "P-1", [True, False, True], "2026-11-02T09:00:00+00:00", attempt_id="a" * 32),
        taken_attempt(small_bank, "P-2", [True], "2026-11-02T10:00:00+00:00", stop_after=1, attempt_id="b" * 32),
    ]


@pytest.mark.parametrize("version", ["R4B", "R5"])
def test_questionnaire_validates_and_uses_the_right_codes(small_bank, version):
    document = fhir.questionnaire(small_bank, version)
    model = MODELS[version][0].model_validate(document)
    assert model.url == fhir.questionnaire_url(small_bank)
    assert model.version == f"{small_bank.version}+{small_bank.content_hash}"
    assert document["status"] in PUBLICATION_STATUSES
    types = {item["type"] for item in document["item"]}
    assert types <= ITEM_TYPES[version]
    questions = [item for item in document["item"] if item["type"] != "display"]
    assert [item["linkId"] for item in questions] == [q.id for f in small_bank.facts for q in small_bank.questions_for(f.id)]
    if version == "R5":
        assert all(item["type"] == "coding" and item["answerConstraint"] == "optionsOnly" for item in questions)
    else:
        assert all(item["type"] == "choice" for item in questions)


@pytest.mark.parametrize("version", ["R4B", "R5"])
def test_options_are_weighted_and_the_right_one_marked_by_our_extension_only(small_bank, version):
    weight_url = fhir.WEIGHT[version]
    for item in fhir.questionnaire(small_bank, version)["item"]:
        if item["type"] == "display":
            continue
        question = small_bank.question(item["linkId"])
        for option in item["answerOption"]:
            assert "initialSelected" not in option
            marks = {ext["url"]: ext for ext in option["extension"]}
            right = option["valueCoding"]["display"] == question.answer
            assert marks[fhir.CORRECT]["valueBoolean"] is right
            assert marks[weight_url]["valueDecimal"] == (1 if right else 0)
        assert len(item["answerOption"]) == 1 + len(question.wrong)


def test_facts_are_display_items_before_their_questions(small_bank):
    items = fhir.questionnaire(small_bank)["item"]
    assert items[0] == {"linkId": "fact-sky", "type": "display", "text": "The sky is blue on a clear day."}
    assert [i["linkId"] for i in items[1:3]] == ["sky-colour", "sky-again"]


@pytest.mark.parametrize("version", ["R4B", "R5"])
def test_responses_validate_and_share_link_ids_with_the_questionnaire(small_bank, records, version):
    bundle = fhir.responses_bundle(records, lambda record: small_bank)
    MODELS[version][1].model_validate(bundle)
    link_ids = {item["linkId"] for item in fhir.questionnaire(small_bank, version)["item"]}
    responses = [entry["resource"] for entry in bundle["entry"]]
    assert {r["status"] for r in responses} == {"completed", "stopped"} and {r["status"] for r in responses} <= RESPONSE_STATUSES
    for response in responses:
        assert response["questionnaire"] == f"{fhir.questionnaire_url(small_bank)}|{small_bank.version}+{small_bank.content_hash}"
        assert response["subject"]["identifier"]["value"] in ("P-1", "P-2")
        assert {item["linkId"] for item in response["item"]} <= link_ids


def test_response_holds_first_try_answers_rounds_and_outcome(small_bank, records):
    response = fhir.questionnaire_response(records[0], small_bank)
    answers = {item["linkId"]: item["answer"][0]["valueCoding"]["code"] for item in response["item"]}
    assert answers["sky-colour"] == "answer" and answers["grass-colour"].startswith("wrong-") and answers["snow-feel"] == "answer"
    assert "sky-again" not in answers  # only first tries; re-asks show in the rounds
    by_url = {}
    for ext in response["extension"]:
        by_url.setdefault(ext["url"], []).append(ext)
    assert by_url[fhir.OUTCOME][0]["valueCode"] == records[0]["outcome"]
    assert by_url[fhir.FIRST_TRY][0]["valueQuantity"]["value"] == 2
    rounds = {next(p["valueString"] for p in e["extension"] if p["url"] == "fact"):
              next((p["valueInteger"] for p in e["extension"] if p["url"] == "round"), None) for e in by_url[fhir.ROUNDS]}
    assert rounds == {"sky": 1, "grass": 2, "snow": 1}


def test_fhir_commands(tmp_path, small_bank, records, capsys):
    from tests.conftest import SMALL_BANK

    results = tmp_path / "results"
    ResultsStore(results, "k").finish_many(records)
    assert main(["fhir", "questionnaire", str(SMALL_BANK), "--fhir-version", "R4B"]) == 0
    QuestionnaireR4B.model_validate(json.loads(capsys.readouterr().out))
    out = tmp_path / "responses.json"
    assert main(["fhir", "responses", "--patient", "p-1", "--results", str(results), "--questions", str(SMALL_BANK.parent),
                 "--out", str(out)]) == 0
    bundle = json.loads(out.read_text())
    assert [e["resource"]["subject"]["identifier"]["value"] for e in bundle["entry"]] == ["P-1"]
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert main(["fhir", "questionnaire"]) == 2
