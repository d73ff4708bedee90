"""FHIR export: a bank as a Questionnaire, attempts as QuestionnaireResponses in a Bundle (R4B or R5).

Plain dicts in FHIR JSON shape; the tests validate them with fhir.resources. The right answer is
marked by this project's own extension, never by `initialSelected` (a form renderer would pre-select
it). Each answer option is weighted: 1 right, 0 wrong (`ordinalValue` in R4B, `itemWeight` in R5).
A bank without an approval is a `draft` Questionnaire; an approved one is `active`, with its `approvalDate`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from comprehend.bank.model import Bank, Question
from comprehend.quiz import shuffled_choices

R4B, R5 = "R4B", "R5"
VERSIONS = (R4B, R5)
BASE = "http://comprehend.local/fhir"
CORRECT = f"{BASE}/StructureDefinition/correct-answer"
CRITICAL = f"{BASE}/StructureDefinition/critical"
OUTCOME = f"{BASE}/StructureDefinition/outcome"
FIRST_TRY = f"{BASE}/StructureDefinition/first-try-score"
ROUNDS = f"{BASE}/StructureDefinition/rounds-by-fact"
RESUMED_FROM = f"{BASE}/StructureDefinition/resumed-from"
ASKED_FOR_NURSE = f"{BASE}/StructureDefinition/asked-for-nurse"  # the patient stopped and asked for the nurse (from where)
PATIENT_ID_SYSTEM = f"{BASE}/patient-id"
WEIGHT = {R4B: "http://hl7.org/fhir/StructureDefinition/ordinalValue", R5: "http://hl7.org/fhir/StructureDefinition/itemWeight"}
RESPONSE_STATUS = {"completed": "completed", "in-progress": "in-progress", "incomplete": "stopped"}


def questionnaire_url(bank: Bank) -> str:
    """The canonical URL of a bank's Questionnaire (a translation's has its language after the id)."""
    return _url(bank.id, bank.language)


def questionnaire_id(bank: Bank) -> str:
    """The Questionnaire's id: the bank id, with the language after it for a bank not in English ("kyphoplasty-es")."""
    return _id(bank.id, bank.language)


def _id(bank_id: str, language: str) -> str:
    return bank_id + ("" if language == "en" else f"-{language}")


def _url(bank_id: str, language: str) -> str:
    return f"{BASE}/Questionnaire/{_id(bank_id, language)}"


def questionnaire_version(bank: Bank) -> str:
    """The bank version and its content hash, so a changed wording is a new version."""
    return _version(bank.version, bank.content_hash)


def _version(bank_version: object, bank_hash: object) -> str:
    return f"{bank_version}+{bank_hash}"


def choice_system(bank: Bank) -> str:
    """The code system of a bank's answer choices."""
    return _choice_system(bank.id)


def _choice_system(bank_id: str) -> str:
    return f"{BASE}/CodeSystem/{bank_id}-choices"


def choice_codes(question: Question) -> dict[str, str]:
    """Choice text -> code: 'answer' for the right one, 'wrong-1', 'wrong-2' … in bank order."""
    codes = {question.answer: "answer"}
    codes.update({wrong.text: f"wrong-{number}" for number, wrong in enumerate(question.wrong, 1)})
    return codes


def _option(bank: Bank, text: str, code: str, version: str) -> dict:
    right = code == "answer"
    return {
        "extension": [{"url": WEIGHT[version], "valueDecimal": 1 if right else 0},
                      {"url": CORRECT, "valueBoolean": right}],
        "valueCoding": {"system": choice_system(bank), "code": code, "display": text},
    }


def shuffled_texts(question: Question) -> list[str]:
    """The choices in the order a patient would see them first (the kiosk's round-1 shuffle, seed 0)."""
    return [choice.text for choice in shuffled_choices(question, 0, 1)]


def _question_item(bank: Bank, question: Question, version: str) -> dict:
    codes = choice_codes(question)
    item: dict = {
        "linkId": question.id,
        "text": question.ask,
        "required": True,
        # in a fixed shuffled order: a form that lists options as given must not show the right one first
        "answerOption": [_option(bank, text, codes[text], version) for text in shuffled_texts(question)],
    }
    if question.critical:
        item["extension"] = [{"url": CRITICAL, "valueBoolean": True}]
    if version == R5:
        item.update(type="coding", answerConstraint="optionsOnly")
    else:
        item["type"] = "choice"
    return item


def questionnaire(bank: Bank, version: str = R5) -> dict:
    """The bank as a Questionnaire: each fact as a display item followed by its questions."""
    items: list[dict] = []
    for fact in bank.facts:
        items.append({"linkId": f"fact-{fact.id}", "type": "display", "text": fact.text})
        items.extend(_question_item(bank, question, version) for question in bank.questions_for(fact.id))
    document = {
        "resourceType": "Questionnaire",
        "id": questionnaire_id(bank),  # one id per language, or a server would keep only one of them
        "url": questionnaire_url(bank),
        "version": questionnaire_version(bank),
        "name": "".join(part.capitalize() for part in bank.id.split("-")),
        "title": bank.title,
        "status": "draft" if bank.approved is None else "active",  # a bank no clinician approved is a draft
        "language": bank.language,
        "subjectType": ["Patient"],
        "item": items,
    }
    if bank.approved is not None:
        document["approvalDate"] = bank.approved.on
    return document


def questionnaire_response(record: dict, bank: Bank | None) -> dict:
    """One attempt: its first-try answers, the rounds per fact and the outcome (in extensions).

    `bank` is the bank version the attempt was taken on (its snapshot). When its wording was not kept,
    the response still carries every first-try choice as the patient gave it (the right one coded
    'answer', a wrong one by its text alone), so no attempt is left out of an export.
    """
    extensions: list[dict] = [
        {"url": OUTCOME, "valueCode": record.get("outcome") or "incomplete"},
        {"url": FIRST_TRY, "valueQuantity": {"value": int(record.get("first_try_correct") or 0),
                                             "unit": f"of {int(record.get('total') or 0)}"}},
    ]
    for fact_id, rounds in (record.get("rounds_by_fact") or {}).items():
        parts = [{"url": "fact", "valueString": fact_id}]
        if rounds is not None:
            parts.append({"url": "round", "valueInteger": int(rounds)})  # no round: never answered right
        extensions.append({"url": ROUNDS, "extension": parts})
    if record.get("resumed_from"):
        extensions.append({"url": RESUMED_FROM, "valueString": record["resumed_from"]})
    if record.get("asked_for_nurse") is True:
        extensions.append({"url": ASKED_FOR_NURSE, "valueCode": str(record.get("asked_for_nurse_from") or "question")})
    bank_id, language = str(record.get("bank_id")), str(record.get("language") or "en")
    known = {question.id: question for question in bank.questions} if bank is not None else {}
    items = []
    for answer in record.get("answers", []):
        if answer.get("round") != 1:
            continue
        question = known.get(answer.get("question_id"))
        coding = {"system": _choice_system(bank_id), "display": answer.get("choice")}
        if question is not None:
            coding["code"] = choice_codes(question).get(answer.get("choice"), "unknown")
        elif answer.get("correct"):
            coding["code"] = "answer"
        item = {"linkId": str(answer.get("question_id")), "answer": [{"valueCoding": coding}]}
        if question is not None:
            item["text"] = question.ask
        items.append(item)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": record["attempt_id"],
        "extension": extensions,
        # the version the patient saw, which may be older than the bank now
        "questionnaire": f"{_url(bank_id, language)}|{_version(record.get('bank_version'), record.get('bank_hash'))}",
        "status": RESPONSE_STATUS.get(record.get("status") or "", "stopped"),
        "subject": {"identifier": {"system": PATIENT_ID_SYSTEM, "value": record.get("patient_id")}},
        "authored": record.get("finished_at") or record.get("updated_at") or record.get("started_at"),
        "item": items,
    }


def responses_bundle(records: Iterable[dict], bank_of: Callable[[dict], Bank | None]) -> dict:
    """Every attempt as a collection Bundle; `bank_of` gives the bank version a record was taken on (BankShelf.for_record)."""
    entries = [{"fullUrl": f"urn:uuid:{_uuid(record['attempt_id'])}", "resource": questionnaire_response(record, bank_of(record))}
               for record in records]
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def _uuid(hex_id: str) -> str:
    text = (hex_id + "0" * 32)[:32]
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
