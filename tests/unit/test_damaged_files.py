"""Damaged results files (issue 11, item 3): every reader names the file, leaves it untouched and reads the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comprehend.cli import main
from comprehend.store import ResultsStore
from comprehend.store.audit import AuditLog
from comprehend.store.reviews import ReviewLog
from comprehend.store.summaries import CACHE_VERSION
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK

DAY = "2026-11-02"
GOOD = {"attempt_id": "a" * 32, "patient_id": "P-1", "bank_id": "small", "status": "completed", "started_at": f"{DAY}T09:00:00"}

SHAPES = {
    "deep nesting": b"[" * 100_000,
    "record a string": b'{"attempts":{"1":"x"}}',
    "5,000-digit integer": b'{"attempts":{"1":{"total":' + b"9" * 5000 + b"}}}",
    "answers a string": json.dumps({"attempts": {"1": {**GOOD, "answers": "abc"}}}).encode(),
    "score a dict": json.dumps({"attempts": {"1": {**GOOD, "score": {"a": 1}, "first_try_correct": {}}}}).encode(),
    "timestamps ints": json.dumps({"attempts": {"1": {**GOOD, "started_at": 20261102, "updated_at": 5}}}).encode(),
    "ids lists": json.dumps({"attempts": {"1": {**GOOD, "attempt_id": ["x"], "patient_id": ["P-1"]}}}).encode(),
    "answer with wrong fields": json.dumps({"attempts": {"1": {**GOOD, "answers": [{"question_id": 1, "round": "x"}]}}}).encode(),
    "pid a word": json.dumps({"attempts": {"1": {**GOOD, "status": "incomplete", "pid": "x", "host": "h",
                                                  "answers": [{"x": 1}]}}}).encode(),
    "NUL bytes": b"\x00" * 40,
    "invalid UTF-8": b'{"attempts":{"1":{"patient_id":"\xff\xfe"}}}',
    "empty": b"",
}


@pytest.fixture
def clinic(results_dir, small_bank):
    """Three good attempts of the small bank on one kiosk, on DAY."""
    records = [taken_attempt(small_bank, f"P-{n}", [n != 2, True, True], f"{DAY}T0{n}:00:00+00:00", attempt_id=f"{n}" * 32)
               for n in (1, 2, 3)]
    ResultsStore(results_dir, "kiosk-1").finish_many(records)
    return records


def damage(results_dir: Path, content: bytes, relative: str = f"attempts/kiosk-9/{DAY[:7]}/{DAY}.json") -> Path:
    """Another kiosk's day shard (or another results file) holding `content`."""
    path = results_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (except derived summary caches) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "summary.cache" and not p.name.endswith(".lock")}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("content", SHAPES.values(), ids=SHAPES.keys())
def test_unfinished_today_skips_a_damaged_shard_of_another_kiosk(clinic, results_dir, content, small_bank):
    """'Yes, that is me' reads the day's shards: a damaged one is named in problems, untouched, and the rest is read."""
    path = damage(results_dir, content)
    store = ResultsStore(results_dir, "kiosk-1")
    assert store.unfinished_today("P-1", "small", small_bank.content_hash, DAY) is None
    assert [problem.path for problem in store.problems] == [path]
    assert path.read_bytes() == content


@pytest.mark.parametrize("content", SHAPES.values(), ids=SHAPES.keys())
def test_export_names_the_damaged_shard_and_exports_every_other_attempt(clinic, results_dir, content, capsys):
    """export writes the three good attempts, names the damaged file and exits 1 (jsonl and csv)."""
    path = damage(results_dir, content)
    for fmt, header in (("jsonl", 0), ("csv", 1)):
        code, out, err = run(capsys, "export", "--format", fmt, "--results", str(results_dir))
        assert code == 1 and len(out.splitlines()) == 3 + header
        assert str(path) in err and "something went wrong" not in err
    assert path.read_bytes() == content


@pytest.mark.parametrize("content", SHAPES.values(), ids=SHAPES.keys())
@pytest.mark.parametrize("command", [
    ["stats", "--questions", str(SMALL_BANK.parent), str(SMALL_BANK)],
    ["report", "--patient", "P-1", "--format", "md", "--questions", str(SMALL_BANK.parent)],
    ["fhir", "responses", "--questions", str(SMALL_BANK.parent)],
], ids=["stats", "report", "fhir"])
def test_commands_name_the_damaged_shard_and_read_the_rest(clinic, results_dir, content, command, capsys):
    """stats, report and fhir responses do not stop on a damaged shard: exit 0 or 1, the file named, nothing else changed."""
    path = damage(results_dir, content)
    before = tree(results_dir)
    code, out, err = run(capsys, *command, "--results", str(results_dir))
    assert code in (0, 1) and "something went wrong" not in err, err
    assert str(path) in err
    if command[0] == "fhir":
        assert len(json.loads(out)["entry"]) == 3
    after = tree(results_dir)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert all(name.startswith(("reports/", "audit/")) for name in changed), changed  # the report and its audit entry


@pytest.mark.parametrize("content", SHAPES.values(), ids=SHAPES.keys())
def test_audit_names_a_damaged_month_and_lists_the_rest(results_dir, content, capsys):
    """audit prints the good month's entries, names the damaged month file and exits 1."""
    AuditLog(results_dir).record("Ann", "signed-in", "2026-10-01T09:00:00")
    path = damage(results_dir, content, "audit/2026-11.json")
    code, out, err = run(capsys, "audit", "--results", str(results_dir))
    assert code == 1 and out.count("signed-in") == 1 and str(path) in err and "something went wrong" not in err
    assert path.read_bytes() == content


@pytest.mark.parametrize("content", [
    b'{"audit":{"1":{"at":5,"who":["x"],"action":{}}}}', b'{"audit":{"1":"x"}}', b'{"audit":{"1":{"who":"A"}}}',
], ids=["wrong types", "entry a string", "no time"])
def test_audit_skips_wrongly_shaped_entries_and_names_the_file(results_dir, content, capsys):
    """An entry that is not an audit entry is skipped and its file named, never a crash."""
    AuditLog(results_dir).record("Ann", "signed-in", "2026-10-01T09:00:00")
    path = damage(results_dir, content, "audit/2026-11.json")
    code, out, err = run(capsys, "audit", "--results", str(results_dir))
    assert code == 1 and out.count("signed-in") == 1 and str(path) in err and "something went wrong" not in err


@pytest.mark.parametrize("content", [b"[" * 100_000, b'{"reviews":{"1":"x"}}',
                                     b'{"reviews":{"1":{"attempt_id":"' + b"1" * 32 + b'","at":5,"reviewer":{}}}}'],
                         ids=["deep nesting", "record a string", "wrong types"])
def test_a_damaged_reviews_file_is_not_reported_as_not_yet_reviewed(clinic, results_dir, content, capsys, tmp_path):
    """The report of an attempt warns that sign-offs could not be read, names the file, and never says 'Not yet reviewed.'."""
    path = damage(results_dir, content, "reviews/2026-11.json")
    out_file = tmp_path / "report.md"
    code, out, err = run(capsys, "report", "--attempt", "1" * 8, "--format", "md", "--out", str(out_file),
                         "--questions", str(SMALL_BANK.parent), "--results", str(results_dir))
    assert code == 1 and str(path) in err and "something went wrong" not in err
    text = out_file.read_text(encoding="utf-8")
    assert "Not yet reviewed." not in text and "could not be read" in text and path.name in text
    assert path.read_bytes() == content


def test_a_damaged_reviews_file_keeps_the_good_sign_offs(clinic, results_dir, capsys, tmp_path):
    """A good sign-off in another month is still on the report, next to the warning about the damaged month."""
    ReviewLog(results_dir).add("1" * 32, "Ann Lee", "talked it over", "2026-12-01T10:00:00")
    damage(results_dir, b"\x00\xff", "reviews/2026-11.json")
    out_file = tmp_path / "report.md"
    run(capsys, "report", "--attempt", "1" * 8, "--format", "md", "--out", str(out_file),
        "--questions", str(SMALL_BANK.parent), "--results", str(results_dir))
    text = out_file.read_text(encoding="utf-8")
    assert "Reviewed by Ann Lee" in text and "could not be read" in text


def test_a_wrongly_shaped_summary_cache_is_rebuilt(clinic, results_dir):
    """The summary cache is derived data: deep nesting or rows of the wrong shape are ignored and rebuilt from the shards."""
    store = ResultsStore(results_dir, "kiosk-1")
    assert len(store.summary_values()) == 3
    cache = results_dir / f"attempts/kiosk-1/{DAY[:7]}/summary.cache"
    stamp = json.loads(cache.read_text())["shards"][f"{DAY}.json"]["stamp"]
    for content in ("[" * 100_000, json.dumps({"version": CACHE_VERSION, "shards": {f"{DAY}.json": {"stamp": stamp, "rows": [["x"], 5]}}}),
                    json.dumps({"version": CACHE_VERSION, "shards": {f"{DAY}.json": {"stamp": stamp, "rows": "abc"}}})):
        cache.write_text(content)
        rows = ResultsStore(results_dir, "kiosk-1").summary_values()
        assert sorted(row[0] for row in rows) == ["1" * 32, "2" * 32, "3" * 32]


def test_a_bad_record_is_named_again_when_its_month_is_read_from_the_cache(clinic, results_dir, small_bank):
    """A shard with one wrongly shaped record: its good records are listed and the file is named every time, cache or not."""
    bad = taken_attempt(small_bank, "P-8", [True], f"{DAY}T08:00:00+00:00", attempt_id="8" * 32)
    path = damage(results_dir, json.dumps({"attempts": {"1": bad, "2": {**GOOD, "answers": "abc"}}}).encode())
    for _ in range(2):
        store = ResultsStore(results_dir, "kiosk-1")
        assert sorted(row[0][0] for row in store.summary_values()) == ["1", "2", "3", "8"]
        assert path in {problem.path for problem in store.problems}
