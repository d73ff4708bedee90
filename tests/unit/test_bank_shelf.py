"""BankShelf: an attempt's bank is its snapshot, or today's file only when it is the very same version."""

from __future__ import annotations

from dataclasses import replace

from comprehend.bank.loader import content_hash
from comprehend.store.bank_shelf import BankShelf
from comprehend.store.snapshots import BankSnapshots


def _reworded(bank):
    changed = replace(bank, version=bank.version + 1,
                      questions=(replace(bank.questions[0], ask="A new wording?"), *bank.questions[1:]))
    return replace(changed, content_hash=content_hash(changed))


def test_the_snapshot_wins_over_a_reworded_file(results_dir, small_bank):
    """After the educator rewords and bumps the version, the attempt still gets the wording it was taken on."""
    BankSnapshots(results_dir).save(small_bank)
    shelf = BankShelf(results_dir, [_reworded(small_bank)])
    bank = shelf.taken_on(small_bank.id, small_bank.language, small_bank.content_hash)
    assert bank is not None and bank.questions[0].ask == small_bank.questions[0].ask
    assert not shelf.is_current(small_bank.id, small_bank.language, small_bank.content_hash)


def test_the_snapshot_is_used_when_the_file_is_gone(results_dir, small_bank):
    """A deleted bank file does not lose the attempt's wording."""
    BankSnapshots(results_dir).save(small_bank)
    assert BankShelf(results_dir, []).taken_on(small_bank.id, "en", small_bank.content_hash) == small_bank


def test_without_a_snapshot_only_the_same_version_is_used(results_dir, small_bank):
    """An old results folder (no snapshots): today's file when its hash matches, otherwise nothing, never another wording."""
    assert BankShelf(results_dir, [small_bank]).taken_on(small_bank.id, "en", small_bank.content_hash) == small_bank
    assert BankShelf(results_dir, [_reworded(small_bank)]).taken_on(small_bank.id, "en", small_bank.content_hash) is None


def test_a_damaged_snapshot_is_reported_and_not_used(results_dir, small_bank):
    """A snapshot that cannot be trusted is named in problems, and the attempt gets no wording rather than a wrong one."""
    path = BankSnapshots(results_dir).save(small_bank)
    path.write_text("{", encoding="utf-8")
    shelf = BankShelf(results_dir, [_reworded(small_bank)])
    assert shelf.taken_on(small_bank.id, "en", small_bank.content_hash) is None
    assert [problem.path for problem in shelf.problems] == [path]


def test_wrong_shapes_in_a_record_find_nothing(results_dir, small_bank):
    """Ids and hashes of the wrong type (a damaged record) find no bank instead of raising."""
    shelf = BankShelf(results_dir, [small_bank])
    assert shelf.taken_on(["x"], "en", small_bank.content_hash) is None
    assert shelf.taken_on(small_bank.id, "en", 12) is None
    assert shelf.for_record({"bank_id": small_bank.id, "bank_hash": small_bank.content_hash}) == small_bank
