"""Nothing outside results/ is changed, nothing under it is written through a symbolic link, and a results folder
that others can write to (or that belongs to someone else) is refused with a message saying how to fix it.

All tests run as root here, and root ignores permission bits: modes and owners are checked with lstat.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from comprehend.cli import main
from comprehend.store import ResultsStore, StoreError
from comprehend.store.files import DamagedFileError, ensure_private_dir
from comprehend.store.storage import read_tinydb_file
from tests.builders import taken_attempt
from tests.conftest import SMALL_BANK

QUESTIONS = str(SMALL_BANK.parent)


def mode_of(path: Path) -> int:
    """The permission bits of `path` itself (a symbolic link is not followed), sticky bit included."""
    return stat.S_IMODE(os.lstat(path).st_mode)


def folder(path: Path, mode: int) -> Path:
    """A folder with exactly `mode` (whatever the umask)."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, mode)
    return path


@pytest.fixture
def stored(tmp_path, small_bank) -> Path:
    """A results folder holding one finished attempt of patient P-1."""
    results = tmp_path / "results"
    ResultsStore(results, "k").finish(taken_attempt(small_bank, "P-1", [True, False], "2026-11-02T09:00:00+00:00"))
    return results


# --- --out: the file owner-only, its folder left alone -----------------------------------------------------------

@pytest.mark.parametrize("mode", [0o755, 0o1777], ids=["plain-folder", "shared-like-tmp"])
def test_fhir_out_leaves_its_folder_as_it_was(stored, tmp_path, mode):
    """fhir responses --out /tmp/qr.json turned /tmp into 0700 (sticky bit lost): the folder keeps its mode now."""
    out_dir = folder(tmp_path / "out", mode)
    out = out_dir / "qr.json"
    assert main(["fhir", "responses", "--results", str(stored), "--questions", QUESTIONS, "--out", str(out)]) == 0
    assert mode_of(out_dir) == mode
    assert mode_of(out) == 0o600 and json.loads(out.read_text())["resourceType"] == "Bundle"


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_report_out_leaves_its_folder_as_it_was(stored, tmp_path, fmt):
    """report --out /tmp/x.pdf closed /tmp: the report is owner-only, its folder keeps 1777."""
    out_dir = folder(tmp_path / "shared", 0o1777)
    out = out_dir / f"x.{fmt}"
    assert main(["report", "--patient", "P-1", "--format", fmt, "--results", str(stored), "--questions", QUESTIONS,
                 "--out", str(out)]) == 0
    assert mode_of(out_dir) == 0o1777 and mode_of(out) == 0o600


@pytest.mark.parametrize("command", [["report", "--patient", "P-1"], ["fhir", "responses"]])
def test_out_into_a_missing_folder_is_refused_and_no_folder_is_made(stored, tmp_path, command, capsys):
    """--out never creates folders outside results/: a plain message says the folder is not there."""
    out = tmp_path / "no-such-folder" / "x.out"
    code = main([*command, "--results", str(stored), "--questions", QUESTIONS, "--out", str(out)])
    assert code == 2
    assert "there is no folder" in capsys.readouterr().err
    assert not out.parent.exists()


@pytest.mark.parametrize("command", [["report", "--patient", "P-1"], ["fhir", "responses"]])
def test_out_that_is_a_symbolic_link_is_refused_and_its_target_untouched(stored, tmp_path, command, capsys):
    """--out naming a symbolic link is refused (we would neither write through it nor silently replace it)."""
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert main([*command, "--results", str(stored), "--questions", QUESTIONS, "--out", str(link)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and target.read_text() == "keep me" and mode_of(target) == 0o644


# --- the results folder: refused when others can write to it or it is not ours -------------------------------------

def test_system_and_shared_folders_are_never_results_folders():
    """`kiosk --results /` would have closed / to 0700, and /tmp lost its sticky bit: both are refused
    (checked without changing anything)."""
    from comprehend.store.results_folder import results_folder_problem

    before = {path: mode_of(Path(path)) for path in ("/", "/tmp")}
    assert "system folder" in results_folder_problem(Path("/"))
    assert "chmod" not in results_folder_problem(Path("/tmp"))  # never advise closing a shared folder
    assert "others can write" in results_folder_problem(Path("/tmp"))
    assert {path: mode_of(Path(path)) for path in before} == before


@pytest.mark.parametrize("system", ["/", "/etc", "/tmp"])
def test_kiosk_on_a_system_folder_is_refused_before_anything_is_changed(system, monkeypatch, capsys):
    """`kiosk --results /` would have closed / to 0700: it is refused, and no mkdir or chmod is even tried."""
    calls = []
    for name in ("chmod", "fchmod", "mkdir", "makedirs"):
        monkeypatch.setattr(os, name, lambda *args, _name=name, **kwargs: calls.append(_name))
    monkeypatch.setattr("comprehend.kiosk.launch.launch_kiosk", lambda *args, **kwargs: calls.append("kiosk") or 0)
    assert main(["kiosk", "--results", system, "--questions", QUESTIONS]) == 1
    assert calls == []
    assert "cannot be used" in capsys.readouterr().err


def test_a_results_folder_others_can_write_to_is_refused_with_the_fix(stored, capsys):
    """An account file planted in a world-writable results folder opened the staff menu: such a folder is refused."""
    from comprehend.staff.accounts import StaffAccounts

    StaffAccounts(stored).add("Planted Name", "583920")
    os.chmod(stored, 0o777)
    assert main(["staff", "list", "--results", str(stored)]) == 1
    out, err = capsys.readouterr()
    assert "Planted Name" not in out
    assert "others can write to" in err and f"chmod 700 {stored}" in err
    assert mode_of(stored) == 0o777  # refused, not silently changed


def test_a_results_folder_of_another_user_is_refused(stored, capsys):
    os.chown(stored, 54321, 54321)
    try:
        assert main(["export", "--results", str(stored)]) == 1
        assert "belongs to another user" in capsys.readouterr().err
        assert os.lstat(stored).st_uid == 54321
    finally:
        os.chown(stored, os.getuid(), os.getgid())


def test_a_shared_sticky_folder_is_refused_as_results(tmp_path, capsys):
    """A folder like /tmp (1777) as --results: refused, its mode untouched, nothing created in it."""
    shared = folder(tmp_path / "shared", 0o1777)
    assert main(["staff", "list", "--results", str(shared)]) == 1
    assert "others can write" in capsys.readouterr().err
    assert mode_of(shared) == 0o1777 and list(shared.iterdir()) == []


def test_an_open_folder_holding_other_files_is_not_closed(tmp_path, capsys):
    """A folder open to others that holds things that are not results (a home folder, /etc) is refused, not closed."""
    home = folder(tmp_path / "home", 0o755)
    (home / "notes.txt").write_text("mine")
    assert main(["staff", "list", "--results", str(home)]) == 1
    assert "holds other files" in capsys.readouterr().err
    assert mode_of(home) == 0o755


def test_a_fresh_checkout_results_folder_is_still_closed(tmp_path):
    """results/ as git makes it (0755, holding README.md) is the configured results folder: it is closed to 0700."""
    results = folder(tmp_path / "results", 0o755)
    (results / "README.md").write_text("results live here")
    assert main(["staff", "list", "--results", str(results)]) == 0
    assert mode_of(results) == 0o700


def test_a_symlinked_results_folder_is_checked_where_it_points(tmp_path, capsys):
    """--results naming a link to a world-writable folder is refused like the folder itself."""
    real = folder(tmp_path / "real", 0o777)
    link = tmp_path / "results"
    link.symlink_to(real)
    assert main(["staff", "list", "--results", str(link)]) == 1
    assert "others can write" in capsys.readouterr().err
    assert mode_of(real) == 0o777


COMMANDS = {
    "kiosk": ["kiosk"], "review": ["review"], "report": ["report", "--patient", "P-1"], "export": ["export"],
    "staff": ["staff", "list"], "audit": ["audit"], "stats": ["stats"], "fhir": ["fhir", "responses"],
    "serve": ["serve"], "demo": ["demo", "--attempts", "3"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_refuses_a_results_folder_others_can_write_to(stored, name, monkeypatch, capsys):
    """The check is made once, for every command that uses the results folder, before anything is read or written."""
    reached = []
    for target in ("comprehend.kiosk.launch.launch_kiosk", "comprehend.review.launch.launch_review", "comprehend.serve.serve"):
        monkeypatch.setattr(target, lambda *args, **kwargs: reached.append(args) or 0)
    os.chmod(stored, 0o777)
    before = sorted(str(p) for p in stored.rglob("*"))
    assert main([*COMMANDS[name], "--results", str(stored), "--questions", QUESTIONS]) == 1
    assert "others can write to" in capsys.readouterr().err
    assert reached == [] and mode_of(stored) == 0o777
    assert sorted(str(p) for p in stored.rglob("*")) == before


# --- under results/: never through a symbolic link ---------------------------------------------------------------

def test_a_symlinked_in_progress_folder_is_never_written_through(tmp_path, small_bank):
    """A symlinked in-progress/ got the patient's answers and its target was chmodded to 0700."""
    results = folder(tmp_path / "results", 0o700)
    elsewhere = folder(tmp_path / "elsewhere", 0o755)
    (results / "in-progress").symlink_to(elsewhere)
    record = taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00", stop_after=1)
    with pytest.raises(StoreError, match="symbolic link"):
        ResultsStore(results, "k").save_progress(record)
    assert list(elsewhere.iterdir()) == [] and mode_of(elsewhere) == 0o755


def test_a_symlinked_shard_folder_is_never_written_through(tmp_path, small_bank):
    results = folder(tmp_path / "results", 0o700)
    elsewhere = folder(tmp_path / "elsewhere", 0o755)
    store = ResultsStore(results, "k")
    record = taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00")
    kiosk_folder = store.shard_path(record).parent.parent  # attempts/<kiosk>
    folder(kiosk_folder.parent, 0o700)
    kiosk_folder.symlink_to(elsewhere)
    with pytest.raises(StoreError, match="symbolic link"):
        store.finish(record)
    assert list(elsewhere.iterdir()) == [] and mode_of(elsewhere) == 0o755


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(tmp_path, small_bank):
    """filelock opens lock files with O_NOFOLLOW (>= 3.20.1); this keeps an older one from truncating a target."""
    results = tmp_path / "results"
    store = ResultsStore(results, "k")
    record = taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00")
    shard = store.shard_path(record)
    ensure_private_dir(results)
    ensure_private_dir(shard.parent)
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    Path(str(shard) + ".lock").symlink_to(target)
    with pytest.raises(StoreError):
        store.finish(record)
    assert target.read_text() == "keep me" and mode_of(target) == 0o644


def test_a_symlinked_kiosk_log_is_refused_and_its_target_untouched(tmp_path):
    """kiosk.log as a link: the log was written through it and the target chmodded to 0600."""
    from comprehend.kiosk.launch import _log_to_results

    results = folder(tmp_path / "results", 0o700)
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    (results / "kiosk.log").symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        _log_to_results(results)
    assert target.read_text() == "keep me" and mode_of(target) == 0o644


def test_a_symlinked_results_file_is_not_read_through(tmp_path):
    """A results file that is a link (e.g. staff/accounts.json to a planted file) is damaged, never followed."""
    planted = tmp_path / "planted.json"
    planted.write_text('{"accounts": {"eve": {"name": "Eve"}}}')
    link = tmp_path / "accounts.json"
    link.symlink_to(planted)
    with pytest.raises(DamagedFileError, match="symbolic link"):
        read_tinydb_file(link)


def test_a_fifo_in_results_is_damaged_not_a_hang(tmp_path):
    """A FIFO named like a shard blocked every reader for ever; it is refused at once."""
    fifo = tmp_path / "2026-11-02.json"
    os.mkfifo(fifo)
    outcome = []

    def read():
        try:
            read_tinydb_file(fifo)
        except DamagedFileError as damaged:
            outcome.append(damaged.reason)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test process can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert outcome and "not a regular file" in outcome[0]


def test_a_folder_under_results_of_another_user_is_refused(tmp_path, small_bank):
    results = folder(tmp_path / "results", 0o700)
    planted = folder(results / "in-progress", 0o700)
    os.chown(planted, 54321, 54321)
    record = taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00", stop_after=1)
    with pytest.raises(StoreError, match="another user"):
        ResultsStore(results, "k").save_progress(record)
    assert list(planted.iterdir()) == []
