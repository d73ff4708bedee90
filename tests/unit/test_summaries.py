"""The summary cache behind the review list: used when fresh, refreshed when a shard changes, rebuilt when damaged."""

from __future__ import annotations

import stat

from comprehend.store import summaries as summaries_module
from comprehend.store.summaries import SUMMARY_FIELDS
from tests.builders import taken_attempt


def named(store) -> list[dict]:
    """Every stored attempt's summary, by field name."""
    return [dict(zip(SUMMARY_FIELDS, values)) for values in store.summary_values()]


def fill(store, bank, count, day="02"):
    store.finish_many([taken_attempt(bank, f"P-{n}", [n % 2 == 0], f"2026-11-{day}T09:{n:02d}:00+00:00", attempt_id=f"{day}-{n}")
                       for n in range(count)])


def test_summaries_match_the_records_without_answers(store, small_bank):
    fill(store, small_bank, 5)
    rows = {row["attempt_id"]: row for row in named(store)}
    records = {record["attempt_id"]: record for record in store.attempts()}
    assert rows.keys() == records.keys()
    for attempt_id, row in rows.items():
        assert "answers" not in row and len(row) == 18
        assert row["first_try_correct"] == records[attempt_id]["first_try_correct"]
        assert row["shard"] == "attempts/kiosk-1/2026-11/2026-11-02.json"
        assert store.record(attempt_id, row["shard"]) == records[attempt_id]


def test_a_fresh_cache_is_used_without_reading_the_shards(store, small_bank, monkeypatch):
    fill(store, small_bank, 3)
    first = named(store)
    cache = store.folder / "attempts" / "kiosk-1" / "2026-11" / "summary.cache"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600

    def no_reading(path):
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(summaries_module, "read_tinydb_file", no_reading)
    assert named(store) == first


def test_a_changed_shard_is_read_again(store, small_bank):
    fill(store, small_bank, 2)
    named(store)
    fill(store, small_bank, 1, day="03")
    store.finish(taken_attempt(small_bank, "P-9", [], "2026-11-02T10:00:00+00:00", attempt_id="late"))
    ids = {row["attempt_id"] for row in named(store)}
    assert ids == {"02-0", "02-1", "03-0", "late"}


def test_a_damaged_cache_is_rebuilt_and_a_damaged_shard_reported(store, small_bank):
    fill(store, small_bank, 2)
    named(store)
    month = store.folder / "attempts" / "kiosk-1" / "2026-11"
    (month / "summary.cache").write_text("not json")
    assert len(named(store)) == 2
    (month / "2026-11-05.json").write_text("{broken")
    assert len(named(store)) == 2
    assert [damaged.path.name for damaged in store.problems] == ["2026-11-05.json"]
    assert (month / "2026-11-05.json").read_text() == "{broken"


def test_attempts_in_progress_are_listed_too(store, small_bank):
    from comprehend.record import new_attempt

    record = new_attempt(small_bank, "P-1", "kiosk-1", 1, "2026-11-02T09:00:00+00:00")
    store.save_progress(record)
    [row] = named(store)
    assert row["status"] == "in-progress" and row["shard"].startswith("in-progress/")
    assert store.record(row["attempt_id"], row["shard"])["patient_id"] == "P-1"
