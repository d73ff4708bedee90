"""Read aloud: R or the button sends the question and choices (and the feedback) to the speaker; hidden without one."""

from __future__ import annotations

import shutil

import pytest

from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.speech import EspeakSpeaker
from tests.tui.helpers import FakeSpeaker, make_app, record_kiosk_options, screen_text, sign_in, wrong_digit


async def test_r_reads_the_question_and_its_numbered_choices(results_dir):
    speaker = FakeSpeaker()
    app = make_app(results_dir, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        ask = app.screen.ask
        await pilot.press("r")
        await pilot.pause()
        choices = " ".join(f"{n}: {c.text}." for n, c in enumerate(ask.choices, 1))
        assert speaker.said == [f"Question 1 of 3. {ask.question.ask} {choices}"]
        assert app.session.run.answers == []  # reading aloud answers nothing


async def test_the_button_reads_the_feedback_too(results_dir):
    speaker = FakeSpeaker()
    app = make_app(results_dir, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press(wrong_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        feedback = app.screen.feedback
        await pilot.click("#read-aloud")
        await pilot.pause()
        [said] = speaker.said
        assert said.startswith("Not quite. That's OK, this is how we learn. You chose: " + feedback.chosen.text)
        assert f"The answer is: {feedback.answer}." in said


async def test_without_a_speaker_there_is_no_button_and_r_does_nothing(results_dir):
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        assert not app.screen.query("#read-aloud")
        await pilot.press("r")
        await pilot.pause()
        assert app.is_running and "Question 1 of 3" in screen_text(app)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (Debian package espeak-ng)")
def test_espeak_really_produces_audio(tmp_path):
    wav = tmp_path / "speech.wav"
    EspeakSpeaker("en").to_file("What does the bone cement do?", wav)
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 10_000


def test_no_espeak_means_no_speaker(monkeypatch):
    from comprehend import speech

    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    assert speech.available_speaker() is None


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (Debian package espeak-ng)")
def test_a_new_reading_stops_the_last_one():
    speaker = EspeakSpeaker("en")
    speaker.say("A long sentence to read. " * 20)
    first = speaker._speaking
    speaker.say("Another one.")
    assert first.returncode is not None  # stopped and reaped
    speaker.stop()
    assert speaker._speaking is None


def test_the_voice_follows_the_bank_language():
    speaker = EspeakSpeaker("en", program="/bin/true")
    speaker.use_language("es")
    assert speaker._command("hola")[:3] == ["/bin/true", "-v", "es"]


# --- the browser kiosk (serve): espeak-ng would play on the server, not the tablet (nurse-screens) ---------------------


async def test_in_a_browser_there_is_no_button_and_r_says_nothing(results_dir, monkeypatch):
    """Before, the button showed in `serve` and R played the question on the server's speakers."""
    from comprehend.kiosk.app import KioskApp

    monkeypatch.setattr(KioskApp, "is_web", property(lambda app: True))  # as under textual-serve's web driver
    speaker = FakeSpeaker()
    app = make_app(results_dir, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        assert not app.screen.query("#read-aloud")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(wrong_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and not app.screen.query("#read-aloud")
        await pilot.press("r")
        await pilot.pause()
    assert speaker.said == []


def test_serve_starts_each_tab_without_read_aloud(monkeypatch, tmp_path):
    from comprehend import cli, serve
    from tests.conftest import SMALL_BANK

    started = []
    monkeypatch.setattr(serve, "serve", lambda options, kiosk_args, results: started.append(kiosk_args) or 0)
    assert cli.main(["serve", "--bank", str(SMALL_BANK), "--results", str(tmp_path / "results")]) == 0
    [kiosk_args] = started
    assert "--no-read-aloud" in kiosk_args
    assert cli.build_parser().parse_args(["kiosk", *kiosk_args]).no_read_aloud


def test_without_read_aloud_the_kiosk_gets_no_speaker(monkeypatch, tmp_path):
    from comprehend.kiosk import launch
    from tests.conftest import SMALL_BANK

    made = record_kiosk_options(monkeypatch)
    monkeypatch.setattr(launch, "_log_to_results", lambda results: None)
    monkeypatch.setattr(launch, "available_speaker", lambda language: FakeSpeaker())  # as if espeak-ng were installed
    for read_aloud in (True, False):
        assert launch.launch_kiosk(SMALL_BANK.parent, tmp_path / "results", str(SMALL_BANK), "k", 180.0,
                                   read_aloud=read_aloud) == 0
    assert isinstance(made[0]["speaker"], FakeSpeaker) and made[1]["speaker"] is None
