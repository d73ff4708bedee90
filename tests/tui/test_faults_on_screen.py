"""Faults as the patient and staff see them: a full disk mid-quiz, markup and escape codes shown literally."""

from __future__ import annotations

import errno
import logging

from comprehend.bank.loader import parse_bank
from comprehend.kiosk.app import STAFF_SAVE_NOTE
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.store import ResultsStore
from tests.tui.helpers import make_app, right_digit, screen_text, sign_in


async def test_full_disk_mid_quiz_keeps_the_answers_and_tells_staff_not_the_patient(results_dir, monkeypatch, caplog):
    """The disk fills after the first answer: the patient carries on as normal; the answers are kept in memory and
    written in full once there is room; only the result screen carries a short note for staff."""
    app = make_app(results_dir)
    real_mkstemp = __import__("tempfile").mkstemp
    full = {"on": False}

    def mkstemp(*args, **kwargs):
        if full["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr("comprehend.store.files.tempfile.mkstemp", mkstemp)
    caplog.set_level(logging.ERROR, logger="comprehend")
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "disk-1")
        full["on"] = True
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "That's right" in screen_text(app) and "disk" not in screen_text(app).lower()
        assert app.session.save_failed and len(app.session.run.answers) == 1
        full["on"] = False  # room again: the next save writes everything
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert not app.session.save_failed
        [stored] = ResultsStore(results_dir, "x").attempts()
        assert len(stored["answers"]) == 2
        full["on"] = True  # and full again at the end: the result screen tells staff
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(right_digit(app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert STAFF_SAVE_NOTE in screen_text(app)
    assert "No space left on device" in caplog.text
    assert "DISK-1" not in caplog.text  # no patient data in the log


HOSTILE = """\
id: hostile
title: "[b]Bold[/b] [@click=app.quit]Quit[/] [link=https://example.com]link[/link]"
version: 1
facts:
  - id: f
    topic: "[red]Topic[/red]"
    text: "Press [@click=app.quit]here[/] to [b]win[/b]."
questions:
  - id: q
    fact: f
    ask: "What does [i]this[/i] do?"
    answer: "[@click=app.quit]Quit[/]"
    wrong:
      - text: "[b]Nothing[/b]"
        why: "[link=https://example.com]Because[/link]"
      - "\\\\[escaped]"
    explain: "[reverse]Read[/reverse] it."
"""


async def test_markup_in_a_bank_is_shown_literally_on_every_patient_screen(results_dir):
    bank = parse_bank(HOSTILE)
    app = make_app(results_dir, banks=[bank])
    async with app.run_test(size=(100, 30)) as pilot:
        assert "[b]Bold[/b] [@click=app.quit]Quit[/] [link=https://example.com]link[/link]" in screen_text(app)
        await sign_in(pilot, "m-1")  # key points read
        assert app.is_running
        await pilot.pause()
        text = screen_text(app)
        assert "What does [i]this[/i] do?" in text and "[@click=app.quit]Quit[/]" in text and "[b]Nothing[/b]" in text
        await pilot.click("#question-text")  # clicking text that looks like a link does nothing
        wrong = next(i for i, c in enumerate(app.screen.ask.choices) if c.text == "[b]Nothing[/b]")
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        text = screen_text(app)
        assert "[link=https://example.com]Because[/link]" in text and "[reverse]Read[/reverse] it." in text
        assert app.is_running


def test_escape_codes_in_a_bank_are_refused():
    from comprehend.bank.problems import BankError

    try:
        parse_bank(HOSTILE.replace("What does [i]this[/i] do?", "Clear \\x1b[2J screen?"))
    except BankError as error:
        assert any("control" in p.message or "escape" in p.message for p in error.problems)
    else:
        raise AssertionError("a bank with an escape code was accepted")
