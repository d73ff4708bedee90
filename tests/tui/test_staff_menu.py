"""The staff menu's fixed digits, and bank files skipped for errors: said to staff (menu, setup banner, kiosk.log), never to patients."""

from __future__ import annotations

import logging
import shutil

import pytest

from comprehend.kiosk import launch
from comprehend.kiosk.launch import make_kiosk_app
from comprehend.kiosk.screens.staff_menu import StaffMenuScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.store import ResultsStore
from tests.conftest import FixedClock, SMALL_BANK
from tests.tui.helpers import NURSE, NURSE_PIN, make_app, record_kiosk_options, right_digit, screen_text, sign_in, staff_with_nurse, wait_until

BROKEN = "id: broken\ntitle: A bank with errors\nversion: 1\nfacts: []\nquestions: []\n"


async def open_staff_menu(pilot) -> None:
    await pilot.press("f12")
    await pilot.pause()
    await pilot.press(*NURSE, "enter")
    await pilot.pause()
    await pilot.press(*NURSE_PIN, "enter")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, StaffMenuScreen))


def digits_shown(app) -> dict[str, str]:
    """Each label of the staff menu by the digit shown beside it."""
    return {str(choice.index + 1): choice.text for choice in app.screen.query("NumberedChoice")}


async def test_each_action_keeps_its_digit_with_or_without_an_attempt(results_dir):
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_staff_menu(pilot)
        on_welcome = digits_shown(app)
        await pilot.press("1")
        await pilot.pause()
        await sign_in(pilot)
        await open_staff_menu(pilot)
        during = digits_shown(app)
    assert set(on_welcome) == {"1", "2", "9"} and set(during) == {"1", "2", "3", "9"}
    for digit in on_welcome:
        assert on_welcome[digit].split(" (")[0] == during[digit].split(" (")[0]
    assert during["3"].startswith("End the current attempt") and on_welcome["9"] == during["9"] == "Exit the kiosk"


async def test_three_on_the_welcome_screen_does_not_exit(results_dir):
    """Before, 3 was Exit on the welcome screen: a nurse pressing 3 out of habit shut the kiosk."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_staff_menu(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, StaffMenuScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_nine_exits_during_an_attempt_and_three_ends_it(results_dir):
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await open_staff_menu(pilot)
        await pilot.press("3")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert [r["status"] for r in ResultsStore(results_dir, "x").attempts()] == ["incomplete"]
        await open_staff_menu(pilot)
        await pilot.press("9")
        await pilot.pause()
    assert app.return_value == "exit"


@pytest.fixture
def questions(tmp_path):
    """A questions folder with the small bank and a bank file with errors."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(SMALL_BANK, folder / "small.yaml")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def kiosk(questions, results, **options):
    options.setdefault("clock", FixedClock())
    options.setdefault("seeds", lambda: 1234)
    options.setdefault("fresh_key_seconds", 0.0)
    return make_kiosk_app(questions, results, kiosk_id="kiosk-t", **options)


async def test_a_patient_never_sees_a_skipped_bank_and_staff_do(questions, results_dir):
    app = kiosk(questions, results_dir, staff=staff_with_nurse(results_dir))
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        assert [bank.id for bank in app.banks] == ["small"]
        seen.append(screen_text(app))  # welcome
        await pilot.press("enter")
        await pilot.pause()
        seen.append(screen_text(app))  # patient ID
        await pilot.press(*"abc-1", "enter")
        await pilot.pause()
        seen.append(screen_text(app))  # is this you?
        await pilot.press("enter")
        await pilot.pause()
        seen.append(screen_text(app))  # key points
        await pilot.press("enter")
        await pilot.pause()
        while app.session is not None and type(app.screen).__name__ != "ResultScreen":
            seen.append(screen_text(app))
            await pilot.press(right_digit(app) if type(app.screen).__name__ == "QuestionScreen" else "enter")
            await pilot.pause()
        seen.append(screen_text(app))  # the result
        assert type(app.screen).__name__ == "ResultScreen"
        await open_staff_menu(pilot)
        staff_text = screen_text(app)
    for text in seen:
        assert "broken" not in text and "error" not in text.lower()
    assert "broken.yaml (" in staff_text and f"python main.py check {questions}" in staff_text


async def test_the_setup_banner_names_a_skipped_bank(questions, results_dir):
    app = kiosk(questions, results_dir)  # no staff account: setup mode
    async with app.run_test(size=(80, 24)):
        banner = str(app.screen.query_one("#setup-banner").render())
        assert "NOT locked" in banner and "broken.yaml (" in banner and "check" in banner


async def test_without_a_skipped_bank_nothing_is_added(results_dir):
    app = make_app(results_dir, setup_mode=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Not offered" not in str(app.screen.query_one("#setup-banner").render())
        staff_with_nurse(results_dir)
        app._refresh_lock()
        await open_staff_menu(pilot)
        assert not app.screen.query("#bank-note")


def test_the_kiosk_log_names_a_skipped_bank_and_the_terminal_does_not(questions, results_dir, monkeypatch, capsys):
    """Before, the line went to stderr, where the kiosk's full screen wiped it at once."""
    made = record_kiosk_options(monkeypatch)
    logger = logging.getLogger("comprehend")
    handlers, level = list(logger.handlers), logger.level
    try:
        assert launch.launch_kiosk(questions, results_dir, None, "kiosk-t", 180.0) == 0
    finally:
        for handler in set(logger.handlers) - set(handlers):  # the kiosk.log handler, for this test only
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(level)
    log = (results_dir / launch.LOG_NAME).read_text(encoding="utf-8")
    assert "skipped a bank with errors" in log and "broken.yaml" in log
    assert "broken" not in capsys.readouterr().err
    assert "broken.yaml (" in made[0]["bank_note"]
