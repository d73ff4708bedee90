"""Back on the patient ID screen: a patient who picked the wrong language or procedure goes back to the welcome."""

from __future__ import annotations

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.confirm_id import ConfirmIdScreen
from comprehend.kiosk.screens.patient_id import PatientIdScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.kiosk.themes import DEFAULT, HIGH_CONTRAST
from comprehend.store import ResultsStore
from textual.widgets import Input
from tests.conftest import FIXTURES, SMALL_BANK
from tests.tui.helpers import make_app, screen_text, sign_in, wait_until

SMALL_ES = FIXTURES / "banks" / "small.es.yaml"


def both_languages(results, **options):
    return make_app(results, banks=[load_bank(SMALL_BANK), load_bank(SMALL_ES)], **options)


def stored(results):
    return list(ResultsStore(results, "x").attempts())


async def test_back_returns_to_the_welcome_and_nothing_of_the_patient_is_kept(results_dir):
    """Español picked by mistake: Atrás, then English; the typed ID is gone and nothing is stored."""
    app = both_languages(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen) and "Su número de paciente" in screen_text(app)
        assert str(app.screen.query_one("#back").label) == "Atrás" and "Pulse Esc o toque Atrás" in screen_text(app)
        await pilot.press(*"abc")
        await pilot.click("#back")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.bank is None and app.patient_id is None and app.session is None and app.clipboard == ""
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen) and "Your patient ID" in screen_text(app)
        assert app.screen.query_one("#patient-id", Input).value == "" and str(app.screen.query_one("#back").label) == "Back"
        assert app.bank.language == "en"
    assert stored(results_dir) == []


async def test_esc_goes_back_too_and_the_patient_keeps_high_contrast(results_dir):
    """Esc on the ID screen is Back; the high contrast the patient chose stays, as it is still their visit."""
    app = both_languages(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "1")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen) and app.theme == HIGH_CONTRAST
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.theme == HIGH_CONTRAST and app.bank is None
        await pilot.press("2")
        await pilot.pause()
        await pilot.press(*"es-3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmIdScreen) and app.patient_id == "ES-3"
        await app.back_to_welcome()  # the patient walks away: the next one starts with the default look
        await pilot.pause()
        assert app.theme == DEFAULT
    assert stored(results_dir) == []


async def test_esc_does_nothing_once_the_attempt_has_started(results_dir):
    """Back is for the ID screen only: Esc on a question neither ends nor leaves the attempt."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "esc-1")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.session is not None and not app.session.closed


async def test_back_in_setup_mode_keeps_the_staff_banner_with_its_folder_and_skipped_banks(results_dir):
    """Back shows the same welcome as the kiosk's own: in setup mode the banner still names the results
    folder in use and the bank files skipped for errors (before, Back built a bare welcome without them)."""
    note = "Not offered to patients, for errors: broken.yaml (1 error)."
    app = both_languages(results_dir, setup_mode=True, bank_note=note)
    async with app.run_test(size=(80, 24)) as pilot:
        first = str(app.screen.query_one("#setup-banner").render())
        assert str(results_dir) in first.replace("\n", "") and "broken.yaml" in first
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)
        await pilot.click("#back")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert str(app.screen.query_one("#setup-banner").render()) == first
