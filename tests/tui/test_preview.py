"""Pilot tests of the educator preview: real kiosk screens with a banner, fact and answer beside, jump list, live reload."""

from __future__ import annotations

import os
import shutil

import pytest

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.reteach import ReteachScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.preview.app import PreviewApp, banner_for
from comprehend.preview.screens import BankErrorsScreen, EndScreen, JumpScreen
from tests.conftest import FIXTURES, SMALL_BANK
from tests.tui.helpers import read_key_points, right_digit, screen_text, wait_until


@pytest.fixture
def bank_file(tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(SMALL_BANK, path)
    return path


def preview(path, **options) -> PreviewApp:
    return PreviewApp(path, load_bank(path), **options)


def save(path, old: str, new: str) -> None:
    """Edit the bank file as an editor would, with a new modification time."""
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))


async def test_walks_through_the_real_screens_with_the_banner_and_stores_nothing(bank_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    app = preview(bank_file)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, WelcomeScreen) and app.screen.border_title == banner_for(app.bank)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KeyPointsScreen) and app.screen.border_title == banner_for(app.bank)
        await read_key_points(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.border_title == banner_for(app.bank)
        side = screen_text(app)
        assert "Fact (sky): The sky is blue on a clear day." in side and "Right answer: Blue" in side and "CRITICAL" in side
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and "That's right" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.shown_ask.question.id == "grass-colour"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no results folder, no files


async def test_every_question_is_shown_in_bank_order_then_the_end(bank_file):
    app = preview(bank_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_question(0)
        seen = []
        while isinstance(app.screen, QuestionScreen):
            seen.append(app.shown_ask.question.id)
            await pilot.press("1")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert seen == ["sky-colour", "grass-colour", "snow-feel", "sky-again"]  # re-ask wordings too
        assert isinstance(app.screen, EndScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_f2_jumps_to_any_question_and_f3_shows_its_reteach_screen(bank_file):
    app = preview(bank_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        assert "4. sky-again [critical]: On a clear day, the sky is what colour?" in str(app.screen.query_one("#questions").get_option_at_index(3).prompt)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.shown_ask.question.id == "snow-feel" and "Question 3 of 4" in screen_text(app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ReteachScreen) and "Snow is cold." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.shown_ask.question.id == "snow-feel"


async def test_saving_the_bank_reloads_it_on_the_same_question(bank_file):
    app = preview(bank_file, watch_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_question(2)
        await pilot.pause()
        save(bank_file, "ask: How does snow feel?", "ask: How does snow feel in your hand?")
        assert await wait_until(pilot, lambda: app.shown_ask and app.shown_ask.question.ask == "How does snow feel in your hand?")
        assert "How does snow feel in your hand?" in screen_text(app)


async def test_a_broken_save_shows_the_errors_until_it_is_fixed(bank_file):
    app = preview(bank_file, watch_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_question(1)
        await pilot.pause()
        save(bank_file, "    answer: Green\n", "    anser: Green\n")
        assert await wait_until(pilot, lambda: isinstance(app.screen, BankErrorsScreen))
        text = screen_text(app)
        assert f"{bank_file}:" in text and "unknown key 'anser'" in text and "did you mean 'answer'?" in text
        save(bank_file, "    anser: Green\n", "    answer: Green\n")
        assert await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert app.shown_ask.question.id == "grass-colour"


def test_preview_command_refuses_a_broken_bank(tmp_path, capsys):
    from comprehend.cli import main

    path = tmp_path / "bad.yaml"
    path.write_text("id: x\n")
    assert main(["preview", str(path)]) == 1
    assert "the bank has errors" in capsys.readouterr().err
    assert main(["preview", "no-such-bank", "--questions", str(tmp_path)]) == 1


async def test_a_translation_is_previewed_with_the_kiosks_words_in_its_language():
    """Previewing the Spanish bank shows what a Spanish patient sees: Spanish welcome, progress, feedback, re-teach."""
    app = preview(FIXTURES / "banks" / "small.es.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Le damos la bienvenida" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Puntos clave" in screen_text(app)
        await read_key_points(pilot)
        assert "Pregunta 1 de 4" in screen_text(app)
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert "¡Correcto! Muy bien." in screen_text(app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ReteachScreen) and "Vamos a repasar este punto" in screen_text(app)


async def test_the_nurse_key_says_what_the_kiosk_would_do_and_the_question_still_answers(bank_file, tmp_path):
    """Preview stores nothing: N tells the educator what the kiosk would do, and the question can still be answered."""
    app = preview(bank_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_question(0)
        await pilot.pause()
        await pilot.press("n")
        assert await wait_until(pilot, lambda: any("asked for the nurse" in str(n.message) for n in app._notifications))
        await pilot.press("1")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, QuestionScreen))
