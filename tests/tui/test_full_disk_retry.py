"""A finishing attempt the disk refused is kept and stored once there is room (at Done, at the next welcome, on the
way out, at the next start), the log holds the line the staff note points to, and the note is shown only when true."""

from __future__ import annotations

import errno
import logging

from comprehend.kiosk.app import STAFF_SAVE_NOTE
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.store import ResultsStore, StoreError
from tests.tui.helpers import make_app, right_digit, screen_text, sign_in, wait_until


class FlakyStore(ResultsStore):
    """A store whose shards (`full_shards`) or in-progress files (`full_progress`) refuse writes, as a full disk does."""

    full_shards = False
    full_progress = False

    def finish(self, record: dict) -> None:
        if self.full_shards:
            raise StoreError(f"could not save to attempts ({errno.errorcode[errno.ENOSPC]}: No space left on device)")
        super().finish(record)

    def save_progress(self, record: dict) -> None:
        if self.full_progress:
            raise StoreError("could not save to in-progress (Permission denied); check the disk and its permissions")
        super().save_progress(record)


def kiosk(results_dir):
    app = make_app(results_dir)
    app.store = FlakyStore(results_dir, "kiosk-t")
    return app


async def to_result(app, pilot) -> None:
    """Answer every question right and move on from each feedback, up to the result screen."""
    while not isinstance(app.screen, ResultScreen):
        await pilot.press(right_digit(app) if isinstance(app.screen, QuestionScreen) else "enter")
        await pilot.pause()


def stored(results_dir) -> list[dict]:
    return list(ResultsStore(results_dir, "x").attempts())


async def test_full_disk_at_the_last_answer_is_stored_at_done_once_there_is_room(results_dir, caplog):
    """The bug: the disk is full at the last answer; after room returns and Done is pressed, the attempt was never
    written. Now it is stored as completed at Done, and the log holds the line the staff note points to."""
    caplog.set_level(logging.INFO, logger="comprehend")
    app = kiosk(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "full-1")
        app.store.full_shards = app.store.full_progress = True  # the disk fills; only the end stores a shard
        await to_result(app, pilot)
        assert STAFF_SAVE_NOTE in screen_text(app)
        answered = len(app.session.run.answers)
        assert "attempt could not be stored as completed" in caplog.text  # the line the note points to
        app.store.full_shards = app.store.full_progress = False  # room again
        await pilot.press("enter")  # Done
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        [record] = stored(results_dir)
        assert record["status"] == "completed" and len(record["answers"]) == answered
        assert app.unstored == []
    assert "after the disk had refused it" in caplog.text and "FULL-1" not in caplog.text


async def test_still_full_at_done_it_is_stored_at_the_next_welcome_or_on_the_way_out(results_dir):
    """Still no room at Done: the attempt is kept in memory and stored at the next welcome; here the next patient
    walks away (idle), which brings the welcome back."""
    app = kiosk(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "full-2")
        app.store.full_shards = app.store.full_progress = True
        await to_result(app, pilot)
        await pilot.press("enter")  # Done, still full
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert len(app.unstored) == 1 and [r["status"] for r in stored(results_dir)] == ["in-progress"]
        app.store.full_shards = app.store.full_progress = False
        await app.back_to_welcome()  # the next welcome (after the next patient, an idle reset or an error)
        assert app.unstored == []
    [record] = stored(results_dir)
    assert record["status"] == "completed"


async def test_kept_attempt_is_stored_when_the_kiosk_stops(results_dir):
    """An attempt still unstored when staff exit the kiosk is tried once more on the way out."""
    app = kiosk(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "full-3")
        app.store.full_shards = app.store.full_progress = True
        await to_result(app, pilot)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        app.store.full_shards = app.store.full_progress = False
    [record] = stored(results_dir)
    assert record["status"] == "completed"


async def test_shards_full_but_in_progress_writable_the_next_start_stores_it_completed(results_dir, monkeypatch):
    """The shard refuses but the in-progress file takes the finished record: a kiosk killed now loses nothing, the
    next start stores it as completed (not as incomplete without its last answer)."""
    app = kiosk(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "full-4")
        app.store.full_shards = True
        await to_result(app, pilot)
        assert STAFF_SAVE_NOTE not in screen_text(app)  # it is on disk, in its in-progress file
        answered = len(app.session.run.answers)
        monkeypatch.setattr(app, "retry_unstored", lambda: None)  # as if the kiosk were killed here
        monkeypatch.setattr(app.session, "abandon", lambda: None)
    monkeypatch.setattr("comprehend.store.attempts._pid_alive", lambda pid: False)
    assert ResultsStore(results_dir, "kiosk-t").close_abandoned("2026-11-02T10:00:00+00:00") == 1
    [record] = stored(results_dir)
    assert record["status"] == "completed" and len(record["answers"]) == answered


async def test_in_progress_read_only_but_stored_says_nothing_false(results_dir):
    """in-progress/ refuses every write but the attempt is stored in its shard at the end: the result screen must
    not say it could not be saved."""
    app = kiosk(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.full_progress = True
        await sign_in(pilot, "ro-1")
        await to_result(app, pilot)
        assert STAFF_SAVE_NOTE not in screen_text(app)
    [record] = stored(results_dir)
    assert record["status"] == "completed"
