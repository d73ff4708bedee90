"""A bank as plain JSON data and back: the exact content patients saw, kept with their attempts.

`bank_content` is what the content hash is computed over (see loader.content_hash), so a snapshot
read back can be checked against the hash it is filed under. `bank_from_content` refuses any data
that is not exactly that shape: a snapshot is evidence, and a damaged one must never pass for a bank.

The approval (`approved: {by, role, on}`) is part of the content, so adding, changing or removing it
changes the content hash, although patients never see it. The hash names the snapshot an attempt is
filed under, and a snapshot is written once and never changed: if the approval were outside the hash,
a bank approved after its first patients would keep its draft snapshot for every later attempt, or a
snapshot could be given an approval after the fact and still match its hash. With the approval inside
it, each record shows the approval as it stood when the patient took the quiz, and nothing can be
approved afterwards. A draft writes no `approved` key at all, so the hash of a bank without one is
the same as before approvals existed (the snapshots already kept still match). What the patient saw
is the same under both hashes when only the approval changed: same version, same wording.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import asdict
from typing import Any

from comprehend.bank.model import Approval, Bank, Fact, Question, WrongChoice

NOT_CONTENT = ("content_hash", "path", "places", "source_file")


class SnapshotShapeError(ValueError):
    """Data that does not hold a bank as bank_content writes it."""


def bank_content(bank: Bank) -> dict[str, Any]:
    """What patients see and how they are scored, as JSON-ready data (no file path, no line numbers)."""
    content = asdict(bank)
    for key in NOT_CONTENT:
        content.pop(key)
    if content["approved"] is None:  # a draft: no key, so its hash is the one it had before approvals existed
        del content["approved"]
    return json.loads(json.dumps(content, ensure_ascii=False))  # lists, as the file will hold them


def same_wording(one: Bank, other: Bank) -> bool:
    """True when two banks differ at most in their approval: patients saw exactly the same."""
    first, second = bank_content(one), bank_content(other)
    first.pop("approved", None)
    second.pop("approved", None)
    return first == second


def hash_of_content(content: dict[str, Any]) -> str:
    """The SHA-256 of bank content in canonical JSON (the bank's content hash)."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise SnapshotShapeError(f"'{key}' is not text")
    return value


def _items(data: dict, key: str) -> list[dict]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise SnapshotShapeError(f"'{key}' is not a list of entries")
    return value


def _whole(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise SnapshotShapeError(f"'{key}' is not a whole number")
    return value


def _fact(data: dict) -> Fact:
    return Fact(id=_text(data, "id"), text=_text(data, "text"), topic=_text(data, "topic"), source=_text(data, "source"))


def _question(data: dict) -> Question:
    critical = data.get("critical")
    if not isinstance(critical, bool):
        raise SnapshotShapeError("'critical' is not true or false")
    return Question(
        id=_text(data, "id"),
        fact=_text(data, "fact"),
        ask=_text(data, "ask"),
        answer=_text(data, "answer"),
        wrong=tuple(WrongChoice(text=_text(w, "text"), why=_text(w, "why")) for w in _items(data, "wrong")),
        explain=_text(data, "explain"),
        critical=critical,
    )


def _approval(content: dict) -> Approval | None:
    if "approved" not in content:
        return None
    data = content["approved"]
    if not isinstance(data, dict) or set(data) != {"by", "role", "on"}:
        raise SnapshotShapeError("'approved' is not an approval (by, role, on)")
    approval = Approval(by=_text(data, "by"), role=_text(data, "role"), on=_text(data, "on"))
    try:
        datetime.date.fromisoformat(approval.on)
    except ValueError:
        raise SnapshotShapeError("the approval's 'on' is not a date") from None
    if not approval.by.strip() or not approval.role.strip() or len(approval.on) != 10:
        raise SnapshotShapeError("the approval is incomplete")
    return approval


def bank_from_content(content: Any, content_hash: str) -> Bank:
    """The bank held by snapshot data; SnapshotShapeError unless it has the shape and the hash it should."""
    if not isinstance(content, dict):
        raise SnapshotShapeError("it does not hold a bank")
    pass_mark = content.get("pass_mark")
    if not isinstance(pass_mark, (int, float)) or isinstance(pass_mark, bool):
        raise SnapshotShapeError("'pass_mark' is not a number")
    bank = Bank(
        id=_text(content, "id"),
        title=_text(content, "title"),
        version=_whole(content, "version"),
        facts=tuple(_fact(item) for item in _items(content, "facts")),
        questions=tuple(_question(item) for item in _items(content, "questions")),
        language=_text(content, "language"),
        pass_mark=pass_mark,
        max_rounds=_whole(content, "max_rounds"),
        source=_text(content, "source"),
        approved=_approval(content),
    )
    if hash_of_content(bank_content(bank)) != content_hash:
        raise SnapshotShapeError("its content does not match its hash")
    return Bank(**{**bank.__dict__, "content_hash": content_hash})
