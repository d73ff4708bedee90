"""A full flow changes no mode or owner outside results/: only the files named with --out appear, owner-only.

The file system around the flow is walked before and after: the results folder's parent tree, every folder
above it up to /, /tmp itself, an --out folder (0755) and a shared sticky folder standing in for /tmp
(1777; the real /tmp is not written to, so a regression cannot close it for everyone on the machine).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from comprehend.cli import main
from comprehend.kiosk.launch import _log_to_results
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK
from tests.tui.helpers import make_app, right_digit, sign_in, wait_until

QUESTIONS = str(SMALL_BANK.parent)


def snapshot(base: Path, results: Path) -> dict[str, tuple[int, int, int]]:
    """Mode, owner and group of every path under `base` (links not followed) but results/, and of each folder above."""
    seen: dict[str, tuple[int, int, int]] = {}

    def note(path: str) -> None:
        info = os.lstat(path)
        seen[path] = (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)

    for top, folders, files in os.walk(base):
        note(top)
        folders[:] = [name for name in folders if Path(top, name) != results]
        for name in files:
            note(os.path.join(top, name))
    for above in (*base.parents, Path("/tmp"), Path.cwd()):
        note(str(above))
    return seen


def folder(path: Path, mode: int) -> Path:
    path.mkdir(exist_ok=True)
    os.chmod(path, mode)
    return path


def file(path: Path, text: str, mode: int) -> None:
    path.write_text(text)
    os.chmod(path, mode)


async def test_a_full_flow_changes_no_mode_outside_results(tmp_path, monkeypatch, capsys):
    """Kiosk (Pilot), staff add, sign-off, report --out, fhir responses --out, export, audit, stats, demo refusal."""
    base = folder(tmp_path, 0o755)
    site = folder(base / "site", 0o755)  # the folder that holds results/
    file(site / "notes.txt", "the clinic's own file", 0o644)
    out = folder(base / "out", 0o755)
    file(out / "old.txt", "an older export", 0o644)
    shared = folder(base / "shared", 0o1777)
    results = site / "results"
    before = snapshot(base, results)

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "583920")
    assert main(["staff", "add", "Ann Lee", "--results", str(results)]) == 0
    _log_to_results(results)
    app = make_app(results)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot, "walk-1")
            while app.session is not None and app.session.run.current is not None:
                await pilot.press(right_digit(app) if hasattr(app.screen, "ask") else "enter")
                await pilot.pause()
            assert await wait_until(pilot, lambda: any(ResultsStore(results, "x").attempts()))
    finally:
        for handler in logging.getLogger("comprehend").handlers[:]:
            handler.close()
            logging.getLogger("comprehend").removeHandler(handler)
    [attempt] = ResultsStore(results, "x").attempts()
    ReviewData(results, SMALL_BANK.parent).sign_off(attempt["attempt_id"], "Ann Lee", "talked it over", "2026-11-02T10:00:00+00:00")

    common = ["--results", str(results), "--questions", QUESTIONS]
    for command in (
        ["report", "--attempt", attempt["attempt_id"], "--out", str(out / "r.pdf")],
        ["report", "--attempt", attempt["attempt_id"], "--format", "csv", "--out", str(shared / "r.csv")],
        ["report", "--attempt", attempt["attempt_id"], "--format", "handout"],  # into results/reports
        ["fhir", "responses", "--out", str(out / "qr.json")],
        ["fhir", "responses", "--out", str(shared / "qr.json")],
        ["export"], ["export", "--format", "csv"], ["audit"], ["stats"], ["staff", "list"],
    ):
        assert main([*command, *common]) == 0, command
    assert main(["demo", "--attempts", "2", *common]) == 1  # refuses a folder with real attempts
    capsys.readouterr()

    after = snapshot(base, results)
    written = {str(out / "r.pdf"), str(out / "qr.json"), str(shared / "r.csv"), str(shared / "qr.json")}
    assert {path: after[path] for path in before} == before, "a mode or owner changed outside results/"
    assert set(after) - set(before) == written, "something other than the --out files appeared outside results/"
    for path in written:
        assert after[path] == (0o600, os.geteuid(), os.getegid()), path
    for path in [results, *results.rglob("*")]:
        info = os.lstat(path)
        assert not stat.S_ISLNK(info.st_mode), path
        assert stat.S_IMODE(info.st_mode) == (0o700 if stat.S_ISDIR(info.st_mode) else 0o600), f"{path}"
