"""Fuzz: damaged results files of every kind, then every command and the kiosk and review screens (issue 11, item 3).

A seeded generator writes random bytes, random JSON shapes and the named shapes (100,000-deep
nesting, {"attempts":{"1":"x"}}, a 5,000-digit integer, records with wrong field types, an empty
file, NUL bytes, invalid UTF-8) into one results file of a small clinic folder: a day shard of
another kiosk, a summary cache, a sign-off month, an audit month, the staff accounts or an attempt
in progress. Then: no traceback, exit 0 or 1, the damaged file named by every command that reads
it, every other attempt still read, and nothing but the damaged file (and derived caches and the
audit entries of reports) changed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
from datetime import date
from pathlib import Path

import pytest

from comprehend.cli import main
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.review.screens.attempts import AttemptsScreen
from comprehend.review.screens.detail import DetailScreen
from comprehend.store import ResultsStore
from comprehend.store.audit import AuditLog
from comprehend.store.reviews import ReviewLog
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK
from tests.tui.helpers import NURSE, NURSE_PIN, confirm_id, make_app, screen_text, staff_with_nurse, wait_until
from tests.tui.review_helpers import review_app

SEED = 20261102
DAY = "2026-11-02"
GOOD_IDS = [n * 32 for n in "123"]
LIVE_ID = "6" * 32  # an attempt in progress on a kiosk still running (this test process)
QUESTIONS = str(SMALL_BANK.parent)

# where each kind of results file is damaged (a file of its own, so the good ones stay readable)
TARGETS = {
    "shard": f"attempts/kiosk-9/{DAY[:7]}/{DAY}.json",
    "summary": f"attempts/kiosk-1/{DAY[:7]}/summary.cache",
    "reviews": "reviews/2026-10.json",
    "audit": "audit/2026-10.json",
    "accounts": "staff/accounts.json",
    "in-progress": f"in-progress/{'9' * 32}.json",
}
TABLES = {"shard": "attempts", "in-progress": "attempts", "reviews": "reviews", "audit": "audit", "accounts": "accounts"}

# wrong values per field, written here from what each reader needs (not from the code under test)
TEXT_WRONG = [5, ["x"], {"a": 1}, True, 1.5]
ATTEMPT_WRONG = {
    "attempt_id": [*TEXT_WRONG, None, ""], "patient_id": [*TEXT_WRONG, None], "bank_id": TEXT_WRONG, "status": [1, "done", None],
    "started_at": [20261102, None, []], "updated_at": [5, []], "finished_at": [5, {}],
    "answers": ["abc", 5, {"a": 1}, [1], [{"question_id": 1}], [{"question_id": "q", "fact_id": "f", "round": "1", "choice": "c",
                                                                  "correct": True}], [["x"]]],
    "first_try_correct": ["3", {}, 1.5, 10**30, [1]], "total": [[], "x", -(10**40)], "score": [{"a": 1}, "x", []],
    "rounds_by_fact": [[1], "x", {"f": "x"}, {"f": 1.5}], "missed_first": ["x", [1], {"a": 1}], "never_mastered": [[None], 3],
    "pid": ["x", 1.5, [1]], "seed": ["x", None, 1.5], "bank_version": ["2", [], 2.5], "resumed_from": [5, ["x"]],
    "kiosk_id": [5, {}], "language": [["en"]], "bank_hash": [5], "outcome": [{}],
}
REVIEW_WRONG = {"attempt_id": [5, None, []], "reviewer": [{}, 5, None], "at": [5, None, ["2026"]], "note": [5, []]}
AUDIT_WRONG = {"at": [5, None, {}], "who": [[], 3, None], "action": [{}, None], "detail": [5], "attempt_id": [[1]]}
ACCOUNT_WRONG = {"name": [5, None, []], "pin": ["x", {}, 5, {"scheme": "scrypt", "n": "x"}], "wrong": ["x", {}], "locked_until": [5, []]}
WRONG = {"shard": ATTEMPT_WRONG, "in-progress": ATTEMPT_WRONG, "reviews": REVIEW_WRONG, "audit": AUDIT_WRONG, "accounts": ACCOUNT_WRONG}


def _random_json(rng: random.Random, depth: int = 0) -> object:
    kind = rng.choice(["int", "float", "str", "bool", "none", "list", "dict"] if depth < 4 else ["int", "str", "none"])
    if kind == "int":
        return rng.choice([0, -1, rng.randrange(-10**20, 10**20)])
    if kind == "float":
        return rng.choice([1.5, -0.0, 1e308])
    if kind == "str":
        return rng.choice(["", "x", "\x00", "2026-11-02", "[b]markup[/b]", "\x1b[2J"])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "list":
        return [_random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["1", "attempts", "a", ""]): _random_json(rng, depth + 1) for _ in range(rng.randrange(4))}


def _not_json(data: bytes) -> bytes:
    try:
        json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return data
    return b"\xff" + data


def _named_shapes(table: str) -> list[tuple[str, bytes]]:
    return [
        ("deep [ nesting", b"[" * 100_000),
        ("deep { nesting", b'{"a":' * 100_000),
        ("record a string", json.dumps({table: {"1": "x"}}).encode()),
        ("5,000-digit integer", b'{"' + table.encode() + b'":{"1":{"total":' + b"9" * 5000 + b"}}}"),
        ("empty", b""),
        ("NUL bytes", b"\x00" * 64),
        ("invalid UTF-8", b'{"' + table.encode() + b'":{"1":{"name":"\xff\xfe"}}}'),
        ("table a list", json.dumps({table: [1, 2]}).encode()),
    ]


def damaged_contents(kind: str, good: dict, rng: random.Random) -> list[tuple[str, bytes]]:
    """What to write into a file of `kind`, each certainly damaged; `good` is a good record of that kind (or the cache)."""
    cases: list[tuple[str, bytes]] = []
    for number in range(3):
        cases.append((f"random bytes {number}", _not_json(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))))))
    for number in range(3):
        shape = _random_json(rng)
        cases.append((f"random JSON {number}", json.dumps([shape] if isinstance(shape, dict) else shape).encode()))
    if kind == "summary":
        stamps = {name: entry["stamp"] for name, entry in good["shards"].items()}
        for number, rows in enumerate([["x"], [[5] * 17], "abc", [None], [[*good_rows, 5] for good_rows in next(iter(
                good["shards"].values()))["rows"]], [[{} for _ in range(17)]]]):
            shards = {name: {"stamp": stamp, "rows": rows, "damaged": None} for name, stamp in stamps.items()}
            cases.append((f"cache rows of the wrong shape {number}", json.dumps({**good, "shards": shards}).encode()))
        cases += [(label, content) for label, content in _named_shapes("shards")]
        return cases
    table = TABLES[kind]
    cases += _named_shapes(table)
    for number in range(3):  # a record that is random JSON (its keys are never the ones a record must have)
        cases.append((f"random record {number}", json.dumps({table: {"1": good, "2": _random_json(rng, 1)}}).encode()))
    wrong = WRONG[kind]
    for field in sorted(wrong):  # every field, with one of its wrong values
        record = {**good, field: rng.choice(wrong[field])}
        cases.append((f"{field} of a wrong type", json.dumps({table: {"1": good, "2": record}}).encode()))
    return cases


# --- the clinic folder --------------------------------------------------------------------------
def _good_attempt() -> dict:
    from comprehend.bank.loader import load_bank

    return taken_attempt(load_bank(SMALL_BANK), "P-9", [True], f"{DAY}T08:00:00+00:00", attempt_id="8" * 32)


def _build_clinic(folder: Path) -> None:
    from comprehend.bank.loader import load_bank

    bank = load_bank(SMALL_BANK)
    records = [taken_attempt(bank, f"P-{n}", [n != "2", True, True], f"{DAY}T0{n}:00:00+00:00", attempt_id=n * 32) for n in "123"]
    store = ResultsStore(folder, "kiosk-1")
    store.finish_many(records)
    live = {**taken_attempt(bank, "P-6", [True], f"{DAY}T10:00:00+00:00", stop_after=1, attempt_id=LIVE_ID),
            "status": "in-progress", "host": socket.gethostname(), "pid": os.getpid()}
    store.save_progress(live)
    ReviewLog(folder).add(GOOD_IDS[0], "Ann Lee", "talked it over", "2026-11-03T10:00:00")
    AuditLog(folder).record("Ann Lee", "signed-in", "2026-11-03T09:59:00")
    staff_with_nurse(folder)
    assert len(store.summary_values()) == 4 and not store.problems  # writes the summary caches


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clinic") / "results"
    _build_clinic(folder)
    return folder


def good_record(kind: str, template: Path) -> dict:
    """A good record of `kind` as this clinic stores it (the summary cache: the whole cache)."""
    if kind == "summary":
        return json.loads((template / TARGETS["summary"]).read_text())
    if kind in ("shard", "in-progress"):
        return _good_attempt()
    path = {"reviews": "reviews/2026-11.json", "audit": "audit/2026-11.json", "accounts": "staff/accounts.json"}[kind]
    return next(iter(json.loads((template / path).read_text())[TABLES[kind]].values()))


def all_cases(kinds: tuple[str, ...], template_folder: Path | None = None) -> list[tuple[str, str, int]]:
    """(kind, label, index) of every damaged content (the content itself is made again from the seed in the test)."""
    return [(kind, label, index) for kind in kinds for index, (label, _) in enumerate(_contents_for(kind, None))]


def _contents_for(kind: str, template_folder: Path | None) -> list[tuple[str, bytes]]:
    if template_folder is None:  # only the labels are needed (at collection time)
        good: dict = {"shards": {"x.json": {"stamp": [0, 0], "rows": [[None] * 17]}}} if kind == "summary" else {}
    else:
        good = good_record(kind, template_folder)
    return damaged_contents(kind, good, random.Random(f"{SEED}-{kind}"))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, but lock files and the derived summary caches."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock") and p.name != "summary.cache"}


def damaged_clinic(template: Path, tmp_path: Path, kind: str, index: int) -> tuple[Path, Path, bytes]:
    """A copy of the clinic with file `kind` damaged by content number `index`: (results, damaged path, content)."""
    results = tmp_path / "results"
    shutil.copytree(template, results)  # copy2: the shards keep their size and time, so the caches stay valid
    label, content = _contents_for(kind, template)[index]
    path = results / TARGETS[kind]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return results, path, content


# --- the commands ---------------------------------------------------------------------------------
REPORT_FORMATS = ("md", "pdf", "html", "csv", "handout")
READS = {  # which commands must name a damaged file of each kind
    "shard": {"export", "stats", "report", "fhir"},
    "in-progress": {"export", "stats", "report", "fhir"},
    "reviews": {"report"},
    "audit": {"audit"},
    "summary": set(),
    "accounts": set(),
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def commands(results: Path, tmp_path: Path, index: int) -> list[tuple[str, list[str]]]:
    report_format = REPORT_FORMATS[index % len(REPORT_FORMATS)]
    common = ["--results", str(results), "--questions", QUESTIONS]
    return [
        ("export", ["export", "--format", "jsonl", *common]),
        ("export", ["export", "--format", "csv", *common]),
        ("stats", ["stats", str(SMALL_BANK), *common]),
        ("stats", ["stats", str(SMALL_BANK), "--format", "json", *common]),
        ("report", ["report", "--patient", "P-1", "--format", report_format, "--out", str(tmp_path / f"p.{report_format}"), *common]),
        ("report", ["report", "--attempt", "1111", "--format", "md", "--out", str(tmp_path / "a.md"), *common]),
        ("fhir", ["fhir", "responses", *common]),
        ("audit", ["audit", *common]),
        ("demo", ["demo", "--attempts", "1", *common]),
    ]


def check_commands(capsys, results: Path, path: Path, content: bytes, kind: str, index: int, tmp_path: Path) -> None:
    before = tree(results)
    attempts = [*GOOD_IDS, LIVE_ID]
    if kind in ("shard", "in-progress") and b"8" * 32 in content:  # the good record beside the damaged one is read too
        attempts = sorted([*attempts, "8" * 32])
    for name, argv in commands(results, tmp_path, index):
        code, out, err = run(capsys, *argv)
        said = f"{argv}: exit {code}\n{err}"
        assert code in (0, 1), said
        assert "something went wrong" not in err and "Traceback" not in err + out, said
        if name in READS[kind]:
            assert code == 1 and str(path) in err, said
        if name == "export" and "jsonl" in argv:
            assert sorted(json.loads(line)["attempt_id"] for line in out.splitlines()) == attempts, said
        if name == "fhir":
            assert len(json.loads(out)["entry"]) == len(attempts), said
        if name == "audit":
            assert "signed-in" in out, said
        if name == "demo":
            assert code == 1 and "holds real attempts" in err, said
        if name == "report":
            assert code in (0, 1) and "Wrote the" in out, said
    after = tree(results)
    this_month = f"audit/{date.today().isoformat()[:7]}.json"  # where the reports' audit entries go
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed <= {this_month}, changed
    if kind != "summary":  # a cache is derived: it is rebuilt; every other damaged file stays as it was, where it was
        assert path.read_bytes() == content


READER_KINDS = ("shard", "summary", "reviews", "audit", "in-progress")


@pytest.mark.parametrize(("kind", "label", "index"), all_cases(READER_KINDS), ids=lambda v: str(v))
def test_every_command_survives_a_damaged_results_file(template, tmp_path, capsys, kind, label, index):
    """export, stats, report (every format), fhir responses, audit and demo's refusal: no traceback, the file named, the rest read."""
    results, path, content = damaged_clinic(template, tmp_path, kind, index)
    check_commands(capsys, results, path, content, kind, index, tmp_path)


@pytest.mark.parametrize(("kind", "label", "index"), all_cases(("accounts",)), ids=lambda v: str(v))
def test_every_command_survives_damaged_staff_accounts(template, tmp_path, capsys, kind, label, index):
    """The same with the staff accounts damaged (these commands do not read them)."""
    results, path, content = damaged_clinic(template, tmp_path, kind, index)
    check_commands(capsys, results, path, content, kind, index, tmp_path)


@pytest.mark.parametrize(("kind", "label", "index"), all_cases(("accounts",)), ids=lambda v: str(v))
def test_staff_list_survives_damaged_staff_accounts(template, tmp_path, capsys, kind, label, index):
    """`staff list` with damaged accounts: no traceback, exit 0 or 1, the accounts file untouched."""
    results, path, content = damaged_clinic(template, tmp_path, kind, index)
    code, out, err = run(capsys, "staff", "list", "--results", str(results))
    assert code in (0, 1) and "something went wrong" not in err and "Traceback" not in err + out, err
    assert path.read_bytes() == content


# --- the screens ----------------------------------------------------------------------------------
def _resumable_looking(content_index: int) -> bytes:
    """A record of P-7 on the small bank, unfinished today, that looks resumable but cannot be carried on."""
    from comprehend.bank.loader import load_bank

    bank = load_bank(SMALL_BANK)
    record = taken_attempt(bank, "P-7", [True], f"{DAY}T07:00:00+00:00", stop_after=1, attempt_id="7" * 32)
    spoiled = [{"seed": "x"}, {"answers": [{"question_id": 1, "round": "x"}]}, {"answers": [{**record["answers"][0], "extra": 1}]},
               {"pid": "x", "status": "in-progress", "host": socket.gethostname()}][content_index]
    return json.dumps({"attempts": {"1": {**record, **spoiled}}}).encode()


def index_of(kind: str, label: str) -> int:
    """The number of the damaged content of `kind` with this label."""
    return next(index for k, name, index in all_cases((kind,)) if name == label)


KIOSK_CASES = [("shard", label) for label in ("deep [ nesting", "record a string", "5,000-digit integer", "random bytes 0",
                                              "random JSON 1", "random record 0", "answers of a wrong type")]
KIOSK_CASES += [("in-progress", "deep [ nesting"), ("in-progress", "NUL bytes"), ("in-progress", "random record 1")]


@pytest.mark.parametrize(("kind", "label"), KIOSK_CASES)
async def test_kiosk_confirms_an_id_with_a_damaged_file_present(template, tmp_path, kind, label):
    """'Yes, that is me' with a damaged shard of another kiosk (or attempt in progress): the quiz starts, the file is untouched."""
    results, path, content = damaged_clinic(template, tmp_path, kind, index_of(kind, label))
    app = make_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "P-1")
        assert await wait_until(pilot, lambda: isinstance(app.screen, KeyPointsScreen)), screen_text(app)
        assert path in {problem.path for problem in app.store.problems}
    assert path.read_bytes() == content


@pytest.mark.parametrize("spoiled", range(4), ids=["seed a word", "answers of the wrong shape", "an answer with a field too many",
                                                   "pid a word"])
async def test_kiosk_does_not_offer_a_record_it_cannot_carry_on(template, tmp_path, spoiled):
    """A same-day unfinished attempt of this patient whose record is damaged is not offered: the patient starts afresh."""
    results = tmp_path / "results"
    shutil.copytree(template, results)
    kind = "in-progress" if spoiled == 3 else "shard"
    path = results / TARGETS[kind]
    path.parent.mkdir(parents=True, exist_ok=True)
    content = _resumable_looking(spoiled)
    path.write_bytes(content)
    from comprehend.bank.loader import load_bank

    app = make_app(results, [load_bank(SMALL_BANK)])
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "P-7")
        assert await wait_until(pilot, lambda: isinstance(app.screen, KeyPointsScreen)), screen_text(app)
        assert path in {problem.path for problem in app.store.problems}
    assert path.read_bytes() == content


REVIEW_CASES = [("shard", "deep [ nesting"), ("shard", "random record 2"), ("in-progress", "record a string"),
                ("in-progress", "random JSON 0"), ("reviews", "deep [ nesting"), ("reviews", "reviewer of a wrong type"),
                ("summary", "cache rows of the wrong shape 1"), ("summary", "random bytes 1")]


@pytest.mark.parametrize(("kind", "label"), REVIEW_CASES)
async def test_review_lists_and_opens_an_attempt_with_a_damaged_file_present(template, tmp_path, kind, label):
    """Review signs in, lists the four good attempts with a note naming the skipped file, and opens one."""
    index = index_of(kind, label)
    results, path, content = damaged_clinic(template, tmp_path, kind, index)
    app = review_app(results)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*NURSE, "enter")
        await pilot.pause()
        await pilot.press(*NURSE_PIN, "enter")
        expected = 5 if kind in ("shard", "in-progress") and b"8" * 32 in content else 4  # the good record beside a bad one
        assert await wait_until(pilot, lambda: isinstance(app.screen, AttemptsScreen) and len(app.data.rows) == expected), \
            screen_text(app)
        if kind != "summary":
            assert path.name in screen_text(app) or len(app.data.problems) > 1
        await pilot.press("ctrl+f")
        await pilot.press(*"P-2", "enter")  # not yet reviewed: listed under 'to review'
        await pilot.pause()
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen)), screen_text(app)
        text = screen_text(app)
        assert "Patient P-2" in text
        if kind == "reviews":  # a sign-off may be in the damaged file: never 'Not yet reviewed.' without a warning
            assert "Not yet reviewed." not in text and f"{path.name} could not be read" in text
    if kind != "summary":
        assert path.read_bytes() == content
