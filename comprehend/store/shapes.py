"""The shapes of stored records: one check per kind (attempt, sign-off, audit entry), used by every reader.

Each check returns None for a record every reader can use, or a short reason (no patient data in
it) why it cannot be used. Readers skip such a record and name its file; they never guess.
"""

from __future__ import annotations

import math
from operator import itemgetter, methodcaller
from typing import Callable

from comprehend.record import COMPLETED, IN_PROGRESS, INCOMPLETE

Check = Callable[[object], "str | None"]

STATUSES = (IN_PROGRESS, COMPLETED, INCOMPLETE)
MAX_INT = 2**63  # bigger numbers are no count, round, version, pid or seed of ours
MAX_DEPTH = 32  # fields this version does not know may hold anything, but not nesting deep enough to stop a writer
_NONE = type(None)
_TEXT = (str,)
_TEXT_OR_NONE = (str, _NONE)
_INT = (int,)
_INT_OR_NONE = (int, _NONE)

# field -> (types allowed, required)
ATTEMPT_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "attempt_id": (_TEXT, True), "patient_id": (_TEXT, True), "bank_id": (_TEXT, True), "status": (_TEXT, True),
    "started_at": (_TEXT, True), "updated_at": (_TEXT_OR_NONE, False), "finished_at": (_TEXT_OR_NONE, False),
    "bank_title": (_TEXT_OR_NONE, False), "bank_version": (_INT_OR_NONE, False), "bank_hash": (_TEXT_OR_NONE, False),
    "language": (_TEXT_OR_NONE, False), "kiosk_id": (_TEXT_OR_NONE, False), "host": (_TEXT_OR_NONE, False),
    "pid": (_INT_OR_NONE, False), "seed": (_INT, False), "resumed_from": (_TEXT_OR_NONE, False),
    "first_try_correct": (_INT_OR_NONE, False), "total": (_INT_OR_NONE, False), "score": ((int, float, _NONE), False),
    "outcome": (_TEXT_OR_NONE, False), "answers": ((list,), False), "rounds_by_fact": ((dict, _NONE), False),
    "missed_first": ((list, _NONE), False), "never_mastered": ((list, _NONE), False),
    # issue 14: the patient asked for the nurse (from where; the facts there were to ask)
    "asked_for_nurse": ((bool, _NONE), False), "asked_for_nurse_from": (_TEXT_OR_NONE, False),
    "facts_in_bank": (_INT_OR_NONE, False),
}
ANSWER_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "question_id": (_TEXT, True), "fact_id": (_TEXT, True), "round": (_INT, True), "choice": (_TEXT, True),
    "correct": ((bool,), True), "at": (_TEXT, False),
}
REVIEW_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "attempt_id": (_TEXT, True), "reviewer": (_TEXT, True), "at": (_TEXT, True), "note": (_TEXT, False),
    "review_id": (_TEXT, False),
}
AUDIT_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "at": (_TEXT, True), "who": (_TEXT, True), "action": (_TEXT, True), "attempt_id": (_TEXT, False), "detail": (_TEXT, False),
}


def _depth_ok(value: object, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return all(_depth_ok(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return all(_depth_ok(item, depth + 1) for item in value)
    return True


def _number_ok(value: object) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -MAX_INT < value < MAX_INT
    if isinstance(value, float):
        return math.isfinite(value)
    return True


def fields_problem(record: object, fields: dict[str, tuple[tuple[type, ...], bool]], what: str,
                   strict: bool = False) -> str | None:
    """Why `record` is not a `what` with these fields (None when it is); `strict` refuses fields not listed.

    Types are compared exactly (JSON gives exact types; True is not a count).
    """
    if type(record) is not dict:
        return f"a {what} is {type(record).__name__}, not a record"
    for name, (types, required) in fields.items():
        if name not in record:
            if required:
                return f"a {what} has no {name}"
            continue
        value = record[name]
        kind = type(value)
        if kind not in types or ((kind is int or kind is float) and not _number_ok(value)):
            return f"a {what}'s {name} is {kind.__name__}"
    if len(record) > len(fields) or not fields.keys() >= record.keys():
        for name, value in record.items():
            if name not in fields and (strict or not _depth_ok(value)):
                return f"a {what} has a field {'it cannot have' if strict else 'nested too deep'}"
    return None


_STR, _INT_TYPE, _BOOL, _DICT = {str}, {int}, {bool}, {dict}
_FIELD = {name: itemgetter(name) for name in ("question_id", "fact_id", "choice", "correct", "round")}
_AT = methodcaller("get", "at", "")
_HAS_AT = methodcaller("__contains__", "at")


def _answers_ok(answers: list) -> bool:
    """The fast check of a stored attempt's answers (each pass over them runs in C: 100k attempts of 40 answers are read)."""
    if not answers:
        return True
    try:
        if not set(map(type, answers)) <= _DICT:
            return False
        if not (set(map(type, map(_FIELD["question_id"], answers))) <= _STR and set(map(type, map(_FIELD["fact_id"], answers))) <= _STR
                and set(map(type, map(_FIELD["choice"], answers))) <= _STR
                and set(map(type, map(_FIELD["correct"], answers))) <= _BOOL):
            return False
        rounds = list(map(_FIELD["round"], answers))
    except KeyError:
        return False
    if not set(map(type, rounds)) <= _INT_TYPE or min(rounds) < 0 or max(rounds) >= MAX_INT:
        return False
    return set(map(type, map(_AT, answers))) <= _STR and sum(map(len, answers)) == 5 * len(answers) + sum(map(_HAS_AT, answers))


def attempt_problem(record: object) -> str | None:
    """Why a stored attempt record cannot be read (None when every reader can use it)."""
    problem = fields_problem(record, ATTEMPT_FIELDS, "stored attempt")
    if problem:
        return problem
    assert isinstance(record, dict)
    if not record["attempt_id"]:
        return "a stored attempt has an empty attempt_id"
    if record["status"] not in STATUSES:
        return "a stored attempt has an unknown status"
    if not _answers_ok(record.get("answers", [])):
        for answer in record["answers"]:
            problem = fields_problem(answer, ANSWER_FIELDS, "stored answer", strict=True)
            if problem:
                return problem
        return "a stored answer's round is out of range"
    for name in ("missed_first", "never_mastered"):
        if not all(isinstance(item, str) for item in record.get(name) or []):
            return f"a stored attempt's {name} holds something other than fact ids"
    rounds = record.get("rounds_by_fact") or {}
    if not all(value is None or (type(value) is int and 0 <= value < MAX_INT) for value in rounds.values()):
        return "a stored attempt's rounds_by_fact holds something other than rounds"
    return None


def review_problem(record: object) -> str | None:
    """Why a stored sign-off cannot be read (None when it can)."""
    return fields_problem(record, REVIEW_FIELDS, "sign-off")


def audit_problem(record: object) -> str | None:
    """Why a stored audit entry cannot be read (None when it can)."""
    return fields_problem(record, AUDIT_FIELDS, "audit entry")
