"""Bank snapshots: written once by content hash, read back exactly, shared safely by several kiosks, never trusted when damaged."""

from __future__ import annotations

import json
import multiprocessing
import stat
from dataclasses import replace

import pytest

from comprehend.bank.model import Question
from comprehend.bank.snapshot import SnapshotShapeError, bank_content, bank_from_content
from comprehend.store.files import DamagedFileError
from comprehend.store.snapshots import BankSnapshots
from tests.conftest import KYPHOPLASTY


def test_a_snapshot_reads_back_as_the_same_bank_with_the_same_hash(results_dir, kyphoplasty_bank):
    """What is saved is what comes back: every fact, question, choice and why, and the same content hash."""
    snapshots = BankSnapshots(results_dir)
    path = snapshots.save(kyphoplasty_bank)
    assert path == results_dir / "banks" / "kyphoplasty" / f"{kyphoplasty_bank.content_hash}.json"
    again = BankSnapshots(results_dir).load("kyphoplasty", kyphoplasty_bank.content_hash)
    assert again == kyphoplasty_bank
    assert again.content_hash == kyphoplasty_bank.content_hash
    assert [q.wrong for q in again.questions] == [q.wrong for q in kyphoplasty_bank.questions]


def test_a_snapshot_is_owner_only_and_written_once(results_dir, small_bank):
    """The file is 0600 in 0700 folders, and saving the same bank again leaves it as it was."""
    snapshots = BankSnapshots(results_dir)
    path = snapshots.save(small_bank)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    before = path.stat().st_mtime_ns, path.stat().st_ino
    BankSnapshots(results_dir).save(small_bank)
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_each_version_keeps_its_own_wording(results_dir, small_bank):
    """A reworded bank gets a snapshot of its own; the first wording stays readable under its hash."""
    from comprehend.bank.loader import content_hash

    question = small_bank.questions[0]
    reworded = replace(small_bank, version=small_bank.version + 1,
                       questions=(replace(question, ask="A new wording?"), *small_bank.questions[1:]))
    reworded = replace(reworded, content_hash=content_hash(reworded))
    snapshots = BankSnapshots(results_dir)
    snapshots.save(small_bank)
    snapshots.save(reworded)
    fresh = BankSnapshots(results_dir)
    assert fresh.load(small_bank.id, small_bank.content_hash).questions[0].ask == question.ask
    assert fresh.load(small_bank.id, reworded.content_hash).questions[0].ask == "A new wording?"
    assert [bank.version for bank in fresh.all()] == [small_bank.version, small_bank.version + 1]


def test_no_snapshot_is_none(results_dir, small_bank):
    """An attempt stored before snapshots existed simply has none (and a hash that is not one has none)."""
    snapshots = BankSnapshots(results_dir)
    assert snapshots.load(small_bank.id, small_bank.content_hash) is None
    assert snapshots.load(small_bank.id, "../../etc/passwd") is None


@pytest.mark.parametrize("damage", [
    b"", b"\x00\xff garbage", b"[" * 100_000, b'{"format": 1}', b"12" * 3000, b'"text"',
    "wrong hash", "changed wording", "wrong types",
])
def test_a_damaged_snapshot_is_never_taken_for_the_bank(results_dir, small_bank, damage):
    """Random bytes, deep nesting, huge numbers, a changed text or wrong types: DamagedFileError naming the file."""
    snapshots = BankSnapshots(results_dir)
    path = snapshots.save(small_bank)
    document = json.loads(path.read_text())
    if damage == "wrong hash":
        document["content_hash"] = "0" * 64
    elif damage == "changed wording":
        document["bank"]["questions"][0]["ask"] = "Something the patient never saw?"
    elif damage == "wrong types":
        document["bank"]["questions"] = {"1": "x"}
    raw = damage if isinstance(damage, bytes) else json.dumps(document).encode()
    path.write_bytes(raw)
    with pytest.raises(DamagedFileError) as caught:
        BankSnapshots(results_dir).load(small_bank.id, small_bank.content_hash)
    assert caught.value.path == path
    assert path.read_bytes() == raw  # left untouched for staff
    assert BankSnapshots(results_dir).all() == []


def test_content_of_the_wrong_shape_is_refused(small_bank):
    """bank_from_content checks every field's type, not only the hash."""
    content = bank_content(small_bank)
    for key, value in [("version", "2"), ("pass_mark", True), ("facts", "x"), ("title", None)]:
        with pytest.raises(SnapshotShapeError):
            bank_from_content({**content, key: value}, small_bank.content_hash)
    broken_question = {**content["questions"][0], "critical": "yes"}
    with pytest.raises(SnapshotShapeError):
        bank_from_content({**content, "questions": [broken_question]}, small_bank.content_hash)


def _save_many(results: str, rounds: int) -> None:
    from comprehend.bank.loader import load_bank

    bank = load_bank(KYPHOPLASTY)
    for _ in range(rounds):
        snapshots = BankSnapshots(results)
        path = snapshots.path(bank.id, bank.content_hash)
        path.unlink(missing_ok=True)  # make every round write again, to race the other process
        snapshots.save(bank)
        assert BankSnapshots(results).load(bank.id, bank.content_hash) in (None, bank)


def test_two_kiosks_writing_the_same_snapshot_at_once(results_dir, kyphoplasty_bank):
    """Two processes saving (and re-saving) the same snapshot never leave a partial or damaged file."""
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_save_many, args=(str(results_dir), 40)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    BankSnapshots(results_dir).save(kyphoplasty_bank)
    assert BankSnapshots(results_dir).load("kyphoplasty", kyphoplasty_bank.content_hash) == kyphoplasty_bank
    leftovers = [p.name for p in (results_dir / "banks" / "kyphoplasty").iterdir() if p.suffix != ".json"]
    assert leftovers == []


def test_question_text_is_what_the_hash_covers(small_bank):
    """Guard: the snapshot content covers every text shown to a patient (ask, answer, wrong, why, explain, fact)."""
    content = bank_content(small_bank)
    assert set(content["questions"][0]) == {f for f in Question.__dataclass_fields__}
    assert "places" not in content and "path" not in content
