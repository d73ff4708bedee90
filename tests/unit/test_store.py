"""ResultsStore: answers durable at once, crash-safe writes, several writers, damaged files set aside."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from comprehend.store import ResultsStore, StoreError
from comprehend.store.files import atomic_write_text
from comprehend.store.storage import read_tinydb_file
from tests.unit.store_worker import record

ROOT = Path(__file__).resolve().parents[2]
WORKER = [sys.executable, "-m", "tests.unit.store_worker"]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_progress_is_on_disk_after_each_save(store, results_dir):
    """save_progress leaves the whole attempt readable on disk, owner-only."""
    store.save_progress(record("a1", 2))
    path = store.in_progress_path("a1")
    assert read_tinydb_file(path)["attempts"]["1"]["answers"][1]["question_id"] == "q1"
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700 and mode_of(results_dir) == 0o700


def test_finish_moves_attempt_to_its_shard(store):
    """A finished attempt goes to attempts/<kiosk>/<month>/<day>.json and its in-progress file is removed."""
    store.save_progress(record("a1", 1))
    store.finish(record("a1", 1, "completed"))
    assert not store.in_progress_path("a1").exists()
    shard = store.folder / "attempts" / "shared" / "2026-11" / "2026-11-02.json"
    assert mode_of(shard) == 0o600
    assert mode_of(shard.parent) == 0o700 and mode_of(shard.parent.parent) == 0o700
    assert [r["attempt_id"] for r in store.attempts()] == ["a1"]


def test_finishing_an_attempt_in_progress_is_refused(store):
    """Only completed or incomplete attempts go into shards."""
    with pytest.raises(ValueError):
        store.finish(record("a1", 1))


def test_failed_write_leaves_old_content(tmp_path, monkeypatch):
    """If the write fails before the rename, the file keeps its old content and no temp file is left."""
    path = tmp_path / "f.json"
    atomic_write_text(path, '{"old": {}}')

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(path, '{"new": {}}')
    assert path.read_text() == '{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_full_disk_raises_store_error_with_a_plain_message(store, monkeypatch):
    """A full disk gives a StoreError that says what to check, without patient data."""
    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("comprehend.store.files.tempfile.mkstemp", no_space)
    with pytest.raises(StoreError, match=r"\(No space left on device\); check the disk"):
        store.save_progress(record("a1", 1))


def test_killed_writer_loses_no_confirmed_answer(tmp_path):
    """kill -9 of a writer at random moments: the file always reads and holds every confirmed answer."""
    rng = random.Random(4)
    for trial in range(8):
        folder = tmp_path / f"r{trial}"
        process = subprocess.Popen([*WORKER, "answers", str(folder), "a1", "100000"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        stop_after = rng.randint(1, 60)
        confirmed = 0
        for line in process.stdout:
            confirmed = int(line)
            if confirmed >= stop_after:
                break
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored = read_tinydb_file(folder / "in-progress" / "a1.json")["attempts"]["1"]
        assert len(stored["answers"]) >= confirmed


def test_two_processes_append_to_one_shard_without_loss(tmp_path):
    """Two kiosks finishing attempts into the same shard at once keep every attempt."""
    folder = tmp_path / "shared-results"
    workers = [
        subprocess.Popen([*WORKER, "finish", str(folder), name, "60"], cwd=ROOT, stdout=subprocess.DEVNULL)
        for name in ("k1", "k2")
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    ids = [r["attempt_id"] for r in ResultsStore(folder, "x").attempts()]
    assert len(ids) == 120 and len(set(ids)) == 120


def test_finish_many_writes_each_shard_once_and_keeps_every_attempt(store):
    """Bulk storing (demo data) groups attempts by kiosk and day and keeps them all."""
    records = [{**record(f"b{i}", 1, "completed"), "started_at": f"2026-11-0{1 + i % 3}T09:00:00+00:00"} for i in range(9)]
    assert store.finish_many(records) == 9
    shards = sorted(p.name for p in (store.folder / "attempts" / "shared" / "2026-11").glob("*.json"))
    assert shards == ["2026-11-01.json", "2026-11-02.json", "2026-11-03.json"]
    assert sorted(r["attempt_id"] for r in store.attempts()) == sorted(f"b{i}" for i in range(9))


def test_finish_many_refuses_attempts_in_progress(store):
    with pytest.raises(ValueError):
        store.finish_many([record("c1", 1)])


@pytest.mark.parametrize(
    "content",
    [b"", b'{"attempts": {"1": {"attempt_id": "a', b"\x00\xff garbage", b"[1, 2, 3]"],
    ids=["empty", "truncated", "garbage", "not tables"],
)
def test_damaged_shard_is_set_aside_untouched(store, content):
    """A damaged shard is reported, renamed aside byte for byte, and a new shard holds the new attempt."""
    shard = store.shard_path(record("a2", 1, "completed"))
    shard.parent.mkdir(parents=True)
    shard.write_bytes(content)
    assert list(store.attempts()) == [] and len(store.problems) == 1
    store.finish(record("a2", 1, "completed"))
    aside = [p for p in shard.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert [r["attempt_id"] for r in store.attempts()] == ["a2"]


def test_unreadable_file_is_reported_not_raised(store, monkeypatch):
    """A shard the kiosk may not read is listed as a problem; reading goes on."""
    store.finish(record("a1", 1, "completed"))
    real_read = Path.read_bytes

    def denied(path):
        if path.suffix == ".json":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert list(store.attempts()) == []
    assert store.problems[0].reason == "it cannot be opened (Permission denied)"


def test_abandoned_attempt_of_a_dead_kiosk_is_closed_as_incomplete(store, tmp_path):
    """An in-progress file whose process died is shown as incomplete, then stored so by close_abandoned."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = {**record("a1", 3), "host": os.uname().nodename, "pid": int(dead.stdout)}
    store.save_progress(left)
    assert [r["status"] for r in store.attempts()] == ["incomplete"]
    assert store.close_abandoned("2026-11-02T10:00:00+00:00") == 1
    assert not store.in_progress_path("a1").exists()
    stored = list(store.attempts())
    assert [(r["status"], len(r["answers"])) for r in stored] == [("incomplete", 3)]


def test_attempt_of_a_live_kiosk_stays_in_progress(store):
    """An attempt whose kiosk is still running is not closed."""
    store.save_progress({**record("a1", 1), "host": os.uname().nodename, "pid": os.getpid()})
    assert store.close_abandoned("2026-11-02T10:00:00+00:00") == 0
    assert [r["status"] for r in store.attempts()] == ["in-progress"]


def test_crash_between_shard_write_and_cleanup_does_not_duplicate(store):
    """If the kiosk died after writing the shard but before removing the in-progress file, it is stored once."""
    done = {**record("a1", 1, "completed"), "host": os.uname().nodename, "pid": 999_999_999}
    store.finish(done)
    store.save_progress(done)
    assert len(list(store.attempts())) == 1
    store.close_abandoned("2026-11-02T10:00:00+00:00")
    assert len(list(store.attempts())) == 1 and not store.in_progress_path("a1").exists()


def test_leftover_temp_files_are_cleaned(store):
    """Temporary files of a writer that died before its rename are removed at start-up."""
    store.save_progress(record("a1", 1))
    leftover = store.in_progress_path("a1").parent / ".tmp-a1.json.abc123"
    leftover.write_text("{")
    store.close_abandoned("2026-11-02T10:00:00+00:00")
    assert not leftover.exists() and store.in_progress_path("a1").exists()


def test_stored_files_are_plain_json(store):
    """Shards are ordinary TinyDB JSON that any tool can read."""
    store.finish(record("a1", 1, "completed"))
    data = json.loads(store.shard_path(record("a1", 1)).read_text())
    assert data["attempts"]["1"]["attempt_id"] == "a1"


def test_an_existing_results_folder_open_to_others_is_made_owner_only(tmp_path):
    """A results/ folder made by a git checkout (0755) is closed to 0700 on the first save."""
    os.chmod(tmp_path, 0o755)
    folder = tmp_path / "results"
    folder.mkdir()
    os.chmod(folder, 0o755)
    ResultsStore(folder, "k").save_progress(record("a1", 1))
    assert mode_of(folder) == 0o700
    assert mode_of(tmp_path) == 0o755  # a parent that existed before is left as it was
