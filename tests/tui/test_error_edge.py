"""The exception edge: a failure anywhere in the kiosk, review or preview never reaches a screen, and never shows locals."""

from __future__ import annotations

import asyncio
import logging

from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.store import ResultsStore
from tests.tui.helpers import make_app, right_digit, screen_text, sign_in, wait_until

SECRET = "s3cr3t-local-4321"


def recovered(app) -> asyncio.Event:
    """An event set once the app has recovered from a failure (a screen whose handler raised stops processing
    messages, so Pilot's pause, which waits for every widget of the screen, cannot be used until it is gone)."""
    done = asyncio.Event()
    recover = app.recover_from_error

    async def recover_and_tell(error):
        result = recover(error)
        if hasattr(result, "__await__"):
            await result
        done.set()

    app.recover_from_error = recover_and_tell
    return done


def _boom(*args, **kwargs):
    typed_pin = SECRET  # a local variable Textual's own traceback would print
    raise RuntimeError("injected failure " + str(len(typed_pin)))


async def test_a_failing_screen_handler_logs_the_error_and_brings_the_welcome_back(results_dir, monkeypatch, caplog):
    """A screen's handler raises mid-quiz: the kiosk keeps running, the attempt is stored as incomplete with its
    answer, the welcome shows a calm sentence, and the log has the error but no local variable's value."""
    caplog.set_level(logging.INFO, logger="comprehend")
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "edge-1")
        await pilot.press(right_digit(app))
        assert await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        monkeypatch.setattr(FeedbackScreen, "action_next", _boom)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.is_running
        assert "Sorry, something went wrong. Your answers are kept." in screen_text(app)
        assert SECRET not in screen_text(app)
        assert app.session is None
    [stored] = ResultsStore(results_dir, "x").attempts()
    assert stored["status"] == "incomplete" and len(stored["answers"]) == 1
    assert "RuntimeError: injected failure" in caplog.text
    assert SECRET not in caplog.text and "EDGE-1" not in caplog.text


async def test_a_failing_app_handler_keeps_the_app_loop_running(results_dir, monkeypatch, caplog):
    """The app's own handler raises (the app's message loop, which Textual would stop): the kiosk carries on."""
    caplog.set_level(logging.INFO, logger="comprehend")
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "edge-2")
        assert isinstance(app.screen, QuestionScreen)
        monkeypatch.setattr(type(app), "on_answer_chosen", _boom)
        await pilot.press(right_digit(app))
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen) and "went wrong" in screen_text(app))
        monkeypatch.undo()
        await sign_in(pilot, "edge-3")  # and the next patient can take the quiz
        assert isinstance(app.screen, QuestionScreen) and app.is_running
    assert caplog.text.count("RuntimeError: injected failure") == 1


async def test_a_failing_timer_callback_is_caught_too(results_dir, caplog):
    """A timer or a callback (here: a call_later) that raises is logged and the kiosk stays up."""
    caplog.set_level(logging.INFO, logger="comprehend")
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.call_later(_boom)
        assert await wait_until(pilot, lambda: "injected failure" in caplog.text)
        assert await wait_until(pilot, lambda: "went wrong" in screen_text(app))
        assert app.is_running


async def test_failing_again_and_again_stops_plainly_without_locals(results_dir, monkeypatch, capsys):
    """A failure at every welcome would loop: after a few recoveries in a minute the kiosk stops with one plain
    sentence, never a traceback with locals."""
    app = make_app(results_dir)
    monkeypatch.setattr(WelcomeScreen, "on_mount", _boom)
    await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), timeout=60)
    assert app.return_code == 1
    printed = capsys.readouterr()
    assert "comprehend stopped after an unexpected error" in printed.err
    assert SECRET not in printed.err + printed.out and "typed_pin" not in printed.err + printed.out


async def test_a_failing_review_screen_locks_review_and_logs_without_locals(results_dir, monkeypatch, caplog):
    """Review (the nurse): a handler that raises locks review with a note; the log has the error, no local's value."""
    from comprehend.review.app import ERROR_NOTE
    from comprehend.review.screens.attempts import AttemptsScreen
    from comprehend.review.screens.login import LoginScreen
    from tests.tui.review_helpers import review_app, stored_attempts
    from tests.tui.test_review import signed_in

    caplog.set_level(logging.INFO, logger="comprehend")
    stored_attempts(results_dir)
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        assert await wait_until(pilot, lambda: isinstance(app.screen, AttemptsScreen))
        done = recovered(app)
        app.screen.call_later(_boom)  # in the screen's own message loop, which Textual then stops
        await asyncio.wait_for(done.wait(), timeout=30)
        assert await wait_until(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert app.is_running and app.staff_name is None
        assert ERROR_NOTE in screen_text(app)
    assert "RuntimeError: injected failure" in caplog.text and SECRET not in caplog.text


async def test_a_failing_preview_handler_goes_back_to_the_start(tmp_path, monkeypatch, caplog):
    """Preview (the educator): a handler that raises brings the welcome screen back; the preview keeps running."""
    from comprehend.bank.loader import load_bank
    from comprehend.kiosk.screens.key_points import KeyPointsScreen
    from comprehend.preview.app import PreviewApp
    from tests.conftest import SMALL_BANK

    caplog.set_level(logging.INFO, logger="comprehend")
    app = PreviewApp(SMALL_BANK, load_bank(SMALL_BANK))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, KeyPointsScreen))
        monkeypatch.setattr(KeyPointsScreen, "action_done", _boom)
        from tests.tui.helpers import read_key_points

        await read_key_points(pilot)  # Enter on each page: the last one's raises
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.is_running and app.place == "welcome"
    assert "RuntimeError: injected failure" in caplog.text and SECRET not in caplog.text


async def test_f12_sign_in_with_broken_accounts_shows_no_pin_and_keeps_the_attempt(results_dir, monkeypatch, caplog):
    """The bug itself: F12 sign-in while the accounts check raises. The form answers calmly, the typed PIN is on no
    screen and in no log, the kiosk stays up and the patient's attempt is untouched (Escape goes back to it)."""
    from comprehend.staff.accounts import StaffAccounts
    from comprehend.ui.sign_in import CANNOT_CHECK

    caplog.set_level(logging.INFO, logger="comprehend")
    app = make_app(results_dir)

    def broken(self, name, pin):
        salt_and_hash = SECRET
        raise ValueError("accounts file is damaged " + str(len(salt_and_hash)))

    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "edge-4")
        await pilot.press(right_digit(app))
        assert await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        monkeypatch.setattr(StaffAccounts, "sign_in", broken)
        await pilot.press("f12")
        assert await wait_until(pilot, lambda: getattr(app.screen, "STAFF_DIALOG", False))
        await pilot.press(*"Test Nurse", "enter", *"97531", "enter")
        assert await wait_until(pilot, lambda: CANNOT_CHECK[:30] in screen_text(app))
        assert app.is_running and "97531" not in screen_text(app)
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        assert app.session is not None and len(app.session.record["answers"]) == 1
    assert "ValueError" in caplog.text
    assert "97531" not in caplog.text and SECRET not in caplog.text
