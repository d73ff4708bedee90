"""Privacy: every results, staff, review, audit, cache and report file is owner-only, and logs hold no patient data."""

from __future__ import annotations

import errno
import logging
import stat

from comprehend.kiosk.launch import _log_to_results
from comprehend.review_data import ReviewData
from comprehend.reports.write import default_path, render, write_report
from comprehend.store.audit import AuditLog
from tests.conftest import SMALL_BANK
from tests.tui.helpers import make_app, right_digit, screen_text, sign_in


async def test_every_file_and_folder_is_owner_only_and_the_log_has_no_patient_data(results_dir, small_bank, monkeypatch):
    _log_to_results(results_dir)
    app = make_app(results_dir)  # also creates a staff account
    real_replace = __import__("os").replace
    calls = {"n": 0}

    def flaky_replace(src, dst):  # the second save fails: the log gets an error line
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr("comprehend.store.files.os.replace", flaky_replace)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "secret-77")
        while app.session is not None and app.session.run.current is not None:
            await pilot.press(right_digit(app) if hasattr(app.screen, "ask") else "enter")
            await pilot.pause()
    monkeypatch.undo()
    data = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank])
    [row] = data.load()
    data.sign_off(row.attempt_id, "Test Nurse", "ok", "2026-11-02T10:00:00+00:00")
    AuditLog(results_dir).record("Test Nurse", "opened-attempt", "2026-11-02T10:00:00+00:00", row.attempt_id)
    detail = data.detail(row.attempt_id)
    write_report(render([detail], "pdf", "Clinic"), default_path(results_dir, detail, "pdf"))
    for folder in ("attempts", "staff", "reviews", "audit", "reports"):
        assert (results_dir / folder).is_dir(), folder
    assert list(results_dir.rglob("summary.cache"))
    for path in [results_dir, *results_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path} is {oct(mode)}"
    for handler in logging.getLogger("comprehend").handlers[:]:
        handler.flush()
        logging.getLogger("comprehend").removeHandler(handler)
    log = (results_dir / "kiosk.log").read_text()
    assert "could not be saved" in log  # the failure is there for staff
    assert "SECRET-77" not in log.upper()


async def test_review_sign_in_with_a_damaged_accounts_file_is_refused_and_the_log_names_the_file_without_secrets(results_dir, caplog):
    """Review stays on its sign-in (fail closed), says to run 'staff list'; kiosk.log names the file, never the PIN or hash."""
    import json

    from comprehend.review.screens.login import LoginScreen
    from tests.tui.review_helpers import NURSE, NURSE_PIN, review_app

    app = review_app(results_dir)
    path = results_dir / "staff" / "accounts.json"
    record = json.loads(path.read_text())["accounts"]["test nurse"]
    record["pin"]["n"] = 3
    path.write_text(json.dumps({"accounts": {"test nurse": record}}))
    caplog.set_level(logging.INFO, logger="comprehend")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*NURSE, "enter")
        await pilot.pause()
        await pilot.press(*NURSE_PIN, "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LoginScreen) and app.staff_name is None
        assert "staff list" in screen_text(app) and NURSE_PIN not in screen_text(app)
    assert "accounts.json" in caplog.text and "no valid PIN hash" in caplog.text
    for secret in (NURSE_PIN, record["pin"]["salt"], record["pin"]["hash"]):
        assert secret not in caplog.text
