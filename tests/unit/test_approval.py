"""Who approved a bank version: `approved: {by, role, on}` is checked strictly, kept in the snapshot and its hash."""

from __future__ import annotations

import datetime
import io
import json

import jsonschema
import pytest

from comprehend.bank.json_schema import bank_schema
from comprehend.bank.loader import parse_bank
from comprehend.bank.model import Approval
from comprehend.bank.problems import BankError
from comprehend.bank.snapshot import SnapshotShapeError, bank_content, bank_from_content
from comprehend.check import check_banks, run_check
from comprehend.store.snapshots import BankSnapshots
from tests.conftest import ROOT

QUESTIONS = ROOT / "questions"

DRAFT = """\
id: demo
title: A demo bank
version: 3
facts:
  - id: one
    text: The first point.
questions:
  - id: q-one
    fact: one
    ask: What is the first point?
    answer: The first one
    wrong:
      - The last one
      - The middle one
"""
APPROVAL = """\
approved:
  by: Dr Ann Lee
  role: spine surgeon
  on: 2026-11-30
"""
APPROVED = DRAFT.replace("facts:\n", APPROVAL + "facts:\n")  # 'approved' on line 4, 'by' 5, 'role' 6, 'on' 7


def problems_of(text: str) -> list[str]:
    """Every problem the loader reports, as 'line:col: severity: message'."""
    with pytest.raises(BankError) as caught:
        parse_bank(text.encode("utf-8"), "bank.yaml")
    return [f"{p.line}:{p.col}: {p.severity}: {p.message}" for p in caught.value.problems]


def test_an_approval_is_read():
    bank = parse_bank(APPROVED.encode(), "bank.yaml")
    assert bank.approved == Approval(by="Dr Ann Lee", role="spine surgeon", on="2026-11-30")
    assert bank.approval_sentence == "Bank approved by Dr Ann Lee (spine surgeon) on 2026-11-30"
    assert bank.place("approved") == (5, 3)


def test_a_bank_without_one_is_a_draft():
    bank = parse_bank(DRAFT.encode(), "bank.yaml")
    assert bank.approved is None
    assert bank.approval_sentence == "Bank version 3 is a draft: not approved by a clinician"


@pytest.mark.parametrize("written", ['on: "2026-11-30"', "'on': 2026-11-30", "on: '2026-11-30'"])
def test_the_date_and_the_key_may_be_quoted(written):
    bank = parse_bank(APPROVED.replace("on: 2026-11-30", written).encode(), "bank.yaml")
    assert bank.approved is not None and bank.approved.on == "2026-11-30"


def test_other_yes_no_words_as_keys_are_unknown_keys_not_yes_no():
    """YAML 1.1 reads a plain 'on', 'yes' or 'off' as yes/no; as a key it is the word (so 'on' works, 'yes' is unknown)."""
    found = problems_of(APPROVED.replace("  on: 2026-11-30\n", "  on: 2026-11-30\n  yes: 1\n"))
    assert found == ["8:3: error: unknown key 'yes' in the bank approval ('approved'); a bank approval takes: by, role, on"]


INVALID = [
    # (name, replaced by, expected "line:col" and a piece of the message)
    ("unknown key", ("  role: spine surgeon\n", "  role: spine surgeon\n  signed: yes\n"),
     ["7:3", "unknown key 'signed' in the bank approval ('approved'); a bank approval takes: by, role, on"]),
    ("misspelt key", ("  role:", "  rol:"), ["6:3", "unknown key 'rol' in the bank approval ('approved'); did you mean 'role'?"]),
    ("missing by", ("  by: Dr Ann Lee\n", ""), ["5:3", "the bank approval ('approved') is missing the key 'by'"]),
    ("missing role", ("  role: spine surgeon\n", ""), ["5:3", "is missing the key 'role'"]),
    ("missing on", ("  on: 2026-11-30\n", ""), ["5:3", "is missing the key 'on'"]),
    ("empty name", ("by: Dr Ann Lee", "by: ''"), ["5:7", "'by' in the bank approval ('approved') is empty; write the text"]),
    ("blank name", ("by: Dr Ann Lee", "by: '   '"), ["5:7", "'by' in the bank approval ('approved') is empty"]),
    ("no name", ("by: Dr Ann Lee", "by:"), ["5:6", "'by' in the bank approval ('approved') must be text, not empty"]),
    ("empty role", ("role: spine surgeon", "role: ''"), ["6:9", "'role' in the bank approval ('approved') is empty"]),
    ("name a number", ("by: Dr Ann Lee", "by: 12"), ["5:7", "must be text, but 12 is read as a number"]),
    ("name a list", ("by: Dr Ann Lee", "by: [Ann, Bob]"), ["5:7", "'by' in the bank approval ('approved') must be text, not a list"]),
    ("name yes/no", ("by: Dr Ann Lee", "by: yes"), ["5:7", "must be text, but yes is read as a yes/no value"]),
    ("escape code in name", ("by: Dr Ann Lee", 'by: "Dr \\x1b[2J Lee"'), ["5:7", "contains a control character"]),
    ("not a day", ("on: 2026-11-30", "on: 2026-02-30"), ["7:7", "is 2026-02-30, but there is no such day"]),
    ("month 13", ("on: 2026-11-30", "on: 2026-13-01"), ["7:7", "there is no such day"]),
    ("not a date", ("on: 2026-11-30", "on: last Tuesday"), ["7:7", "'on' in the bank approval ('approved') is 'last Tuesday', which is not a date"]),
    ("day first", ("on: 2026-11-30", "on: 30/11/2026"), ["7:7", "which is not a date; write it as year-month-day"]),
    ("one-digit month", ("on: 2026-11-30", "on: 2026-1-5"), ["7:7", "'2026-1-5', which is not a date"]),
    ("a date and time", ("on: 2026-11-30", "on: 2026-11-30 10:15:00"), ["7:7", "which has a time in it; write the day only"]),
    ("ISO date-time", ("on: 2026-11-30", "on: 2026-11-30T10:15:00Z"), ["7:7", "which has a time in it"]),
    ("a number", ("on: 2026-11-30", "on: 20261130"), ["7:7", "must be a date; write it as year-month-day, such as 2026-11-30, not a number (20261130)"]),
    ("yes/no", ("on: 2026-11-30", "on: yes"), ["7:7", "must be a date; write it as year-month-day, such as 2026-11-30, not a yes/no value"]),
    ("empty date", ("on: 2026-11-30", "on:"), ["7:6", "must be a date; write it as year-month-day, such as 2026-11-30, not empty"]),
    ("a list date", ("on: 2026-11-30", "on: [2026-11-30]"), ["7:7", "must be a date", ]),
    ("not a mapping", (APPROVAL, "approved: yes\n"), ["4:11", "the bank approval ('approved') must be a group of 'key: value' lines, not a yes/no value"]),
    ("empty", (APPROVAL, "approved:\n"), ["4:10", "the bank approval ('approved') must be a group of 'key: value' lines, not empty"]),
    ("a name only", (APPROVAL, "approved: Dr Ann Lee\n"), ["4:11", "must be a group of 'key: value' lines, not text"]),
    ("a list", (APPROVAL, "approved:\n  - Dr Ann Lee\n"), ["5:3", "must be a group of 'key: value' lines, not a list"]),
    ("misspelt top key", ("approved:", "aproved:"), ["4:1", "unknown key 'aproved' in bank 'demo'; did you mean 'approved'?"]),
    ("twice", ("  on: 2026-11-30\n", "  on: 2026-11-30\n  on: 2026-12-01\n"), ["8:3", "the key 'on' appears twice"]),
]


@pytest.mark.parametrize("name,change,expected", INVALID, ids=[case[0] for case in INVALID])
def test_every_wrong_shape_is_an_error_at_its_line(name, change, expected):
    old, new = change
    assert old in APPROVED
    place, words = expected
    found = problems_of(APPROVED.replace(old, new))
    assert any(p.startswith(place + ": error: ") and words in p for p in found), found


def test_the_schema_takes_an_approval_and_refuses_a_wrong_one():
    """The editor's schema (YAML 1.2 reads 'on' and the date as text, as this data does)."""
    data = {"id": "demo", "title": "A demo bank", "version": 3,
            "facts": [{"id": "one", "text": "The first point."}],
            "questions": [{"id": "q-one", "fact": "one", "ask": "What?", "answer": "A", "wrong": ["B"]}]}
    good = {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-11-30"}
    jsonschema.validate({**data, "approved": good}, bank_schema())
    for wrong in ({**good, "extra": "x"}, {"by": "Dr Ann Lee", "on": "2026-11-30"}, {**good, "on": "30/11/2026"},
                  {**good, "by": " "}, "Dr Ann Lee"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, "approved": wrong}, bank_schema())


# --- the content hash and the snapshot -------------------------------------------------------------------

def test_a_draft_keeps_the_hash_it_had_before_approvals_existed():
    """No 'approved' key in a draft's content, so the snapshots kept before this change still match their hash."""
    bank = parse_bank(DRAFT.encode(), "bank.yaml")
    assert "approved" not in bank_content(bank)
    # the hash this very bank had before approvals existed (computed on main)
    assert bank.content_hash == "d2a9ea6c81c2646bff0ee6777ccc950b086d89e3274142d977f07cb3e8765bc8"


def test_approving_changes_the_hash_and_changing_the_approval_does_too():
    """The approval is content: each record names the approval as it stood when the patient took the quiz."""
    draft = parse_bank(DRAFT.encode(), "bank.yaml")
    approved = parse_bank(APPROVED.encode(), "bank.yaml")
    other_day = parse_bank(APPROVED.replace("2026-11-30", "2026-12-01").encode(), "bank.yaml")
    assert len({draft.content_hash, approved.content_hash, other_day.content_hash}) == 3
    assert bank_content(approved)["approved"] == {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-11-30"}


def test_the_snapshot_keeps_the_approval(results_dir):
    snapshots = BankSnapshots(results_dir)
    draft = parse_bank(DRAFT.encode(), "bank.yaml")
    approved = parse_bank(APPROVED.encode(), "bank.yaml")
    snapshots.save(draft)
    path = snapshots.save(approved)
    assert json.loads(path.read_text())["bank"]["approved"]["by"] == "Dr Ann Lee"
    fresh = BankSnapshots(results_dir)
    assert fresh.load("demo", approved.content_hash).approved == approved.approved
    assert fresh.load("demo", draft.content_hash).approved is None


@pytest.mark.parametrize("damage", [
    None, "Dr Ann Lee", [], {"by": "Dr Ann Lee", "role": "spine surgeon"},
    {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-11-30", "extra": 1},
    {"by": 1, "role": "spine surgeon", "on": "2026-11-30"}, {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-02-30"},
    {"by": "Dr Ann Lee", "role": "spine surgeon", "on": 20261130}, {"by": "", "role": "spine surgeon", "on": "2026-11-30"},
], ids=repr)
def test_a_snapshot_with_a_damaged_approval_is_refused(damage):
    approved = parse_bank(APPROVED.encode(), "bank.yaml")
    content = bank_content(approved)
    content["approved"] = damage
    with pytest.raises(SnapshotShapeError):
        bank_from_content(content, approved.content_hash)


def test_an_approval_added_to_a_draft_snapshot_does_not_match_its_hash():
    """Nobody can approve, after the fact, the version patients already took: the hash no longer matches."""
    draft = parse_bank(DRAFT.encode(), "bank.yaml")
    content = bank_content(draft)
    content["approved"] = {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-11-30"}
    with pytest.raises(SnapshotShapeError, match="does not match its hash"):
        bank_from_content(content, draft.content_hash)


# --- check -------------------------------------------------------------------------------------------------

def test_check_reports_each_bank_as_approved_or_draft(tmp_path):
    (tmp_path / "a-draft.yaml").write_text(DRAFT.replace("id: demo", "id: other"))
    (tmp_path / "b-approved.yaml").write_text(APPROVED)
    (tmp_path / "c-broken.yaml").write_text("id: x\n")
    out = io.StringIO()
    assert run_check([tmp_path], out) == 1  # the broken one
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("checked 3 banks: 2 valid, 1 with errors")  # the summary stays the last line
    assert lines[-3:-1] == [
        f"{tmp_path / 'a-draft.yaml'}: draft: version 3 is not approved by a clinician",
        f"{tmp_path / 'b-approved.yaml'}: approved: version 3, by Dr Ann Lee (spine surgeon) on 2026-11-30",
    ]
    assert all(": error: " in line or ": warning: " in line for line in lines[:-3])  # after every problem


def test_a_draft_is_no_warning_so_strict_passes(tmp_path):
    """The bundled banks ship as drafts and `check --strict` must still pass on them."""
    draft, approved = tmp_path / "draft.yaml", tmp_path / "approved.yaml"
    draft.write_text(DRAFT)
    approved.write_text(APPROVED)
    found = {path.name: [(p.severity, p.message) for p in check_banks([path]).problems] for path in (draft, approved)}
    assert found["draft.yaml"] == found["approved.yaml"]
    assert all(severity == "warning" for severity, _ in found["draft.yaml"])
    assert not any("draft" in message or "approv" in message for _, message in found["draft.yaml"])


def test_check_json_gives_each_approval(tmp_path):
    (tmp_path / "a-draft.yaml").write_text(DRAFT.replace("id: demo", "id: other"))
    (tmp_path / "b-approved.yaml").write_text(APPROVED)
    out = io.StringIO()
    run_check([tmp_path], out, fmt="json")
    assert json.loads(out.getvalue())["approvals"] == [
        {"path": str(tmp_path / "a-draft.yaml"), "id": "other", "language": "en", "version": 3, "status": "draft",
         "approved": None},
        {"path": str(tmp_path / "b-approved.yaml"), "id": "demo", "language": "en", "version": 3, "status": "approved",
         "approved": {"by": "Dr Ann Lee", "role": "spine surgeon", "on": "2026-11-30"}},
    ]


def test_the_bundled_banks_ship_as_drafts():
    """A clinician must approve them before use: nobody may add an approval on their behalf."""
    report = check_banks([QUESTIONS])
    assert report.banks and all(bank.approved is None for bank in report.banks)


def test_an_approval_dated_after_today_is_a_warning_at_its_date(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(APPROVED)
    found = [p for p in check_banks([path], today=datetime.date(2026, 11, 29)).problems if p.rule == "approval-date"]
    assert [(p.line, p.col, p.severity) for p in found] == [(7, 7, "warning")]
    assert "dated 2026-11-30, after today (2026-11-29)" in found[0].message and "check the year" in found[0].hint


@pytest.mark.parametrize("today", [datetime.date(2026, 11, 30), datetime.date(2027, 1, 1)])
def test_an_approval_dated_today_or_before_is_no_warning(tmp_path, today):
    path = tmp_path / "bank.yaml"
    path.write_text(APPROVED)
    assert not [p for p in check_banks([path], today=today).problems if p.rule == "approval-date"]
