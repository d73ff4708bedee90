"""Helpers for driving the kiosk in Pilot tests."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from comprehend.bank.loader import load_bank
from comprehend.kiosk.app import KioskApp
from comprehend.quiz import Ask
from comprehend.staff.accounts import StaffAccounts
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK, FixedClock


NURSE, NURSE_PIN = "Test Nurse", "246813"


class FakeSpeaker:
    """A speaker that keeps what it was asked to say, and in which language."""

    def __init__(self):
        self.said: list[str] = []
        self.language = "en"

    def say(self, text: str) -> None:
        self.said.append(text)

    def use_language(self, language: str) -> None:
        self.language = language


def staff_with_nurse(results: Path) -> StaffAccounts:
    """Staff accounts in `results` holding one nurse (so the kiosk is locked, as in a clinic)."""
    accounts = StaffAccounts(results)
    if NURSE not in accounts.names():
        accounts.add(NURSE, NURSE_PIN)
    return accounts


def make_app(results: Path, banks=None, *, setup_mode: bool = False, **options) -> KioskApp:
    """A locked kiosk on the small bank (or the given banks), seeded and clocked for repeatable tests.

    With setup_mode=True no staff account exists (the kiosk as first installed).
    """
    banks = banks or [load_bank(SMALL_BANK)]
    options.setdefault("seeds", lambda: 1234)
    options.setdefault("clock", FixedClock())
    options.setdefault("fresh_key_seconds", 0.0)  # tests press keys fast; tests of held keys turn the guard on
    if not setup_mode:
        options.setdefault("staff", staff_with_nurse(results))
    return KioskApp(banks, ResultsStore(results, "kiosk-t"), **options)


def screen_text(app: KioskApp) -> str:
    """All the text of the Static widgets on the current screen, one per line, as the patient reads it."""
    parts = []
    for widget in app.screen.query(Static):
        content = widget.content
        parts.append(content.plain if hasattr(content, "plain") else str(content))
    return "\n".join(parts)


def right_digit(app: KioskApp) -> str:
    """The digit key of the right choice on the question shown."""
    ask: Ask = app.screen.ask
    return str(next(i for i, c in enumerate(ask.choices) if c.correct) + 1)


def wrong_digit(app: KioskApp) -> str:
    """The digit key of a wrong choice on the question shown."""
    ask: Ask = app.screen.ask
    return str(next(i for i, c in enumerate(ask.choices) if not c.correct) + 1)


async def confirm_id(pilot, patient_id: str = "abc-123", bank_key: str = "enter") -> None:
    """From the welcome screen: Start (or `bank_key`: the digit of a bank in a list), type the ID, Enter, confirm with Enter."""
    await pilot.press(bank_key)
    await pilot.pause()
    await pilot.press(*patient_id, "enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def read_key_points(pilot) -> None:
    """On the key points: Enter on each page, until the questions come."""
    from comprehend.kiosk.screens.key_points import KeyPointsScreen

    for _ in range(100):
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, KeyPointsScreen) or pilot.app.screen.pages_ready)
        if not isinstance(pilot.app.screen, KeyPointsScreen):
            return
        await pilot.press("enter")
        await pilot.pause()


async def sign_in(pilot, patient_id: str = "abc-123", bank_key: str = "enter") -> None:
    """confirm_id, then read the key points (Enter on each page)."""
    await confirm_id(pilot, patient_id, bank_key)
    await read_key_points(pilot)


async def wait_until(pilot, condition, timeout: float = 8.0) -> bool:
    """Let the app run until `condition()` holds (or `timeout` seconds pass); a busy machine may be slow."""
    waited = 0.0
    while not condition() and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause(0.05)  # and let the screen that came finish drawing its widgets
    await pilot.pause()
    return bool(condition())


def record_kiosk_options(monkeypatch) -> list[dict]:
    """Make `launch_kiosk` build no screen: the options each KioskApp would get are appended to the list returned."""
    from comprehend.kiosk import launch

    made: list[dict] = []

    class NoScreen:
        def __init__(self, banks, store, **options):
            made.append(options)

        def run(self):
            return "exit"

    monkeypatch.setattr(launch, "KioskApp", NoScreen)
    return made
