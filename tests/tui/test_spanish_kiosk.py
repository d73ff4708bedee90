"""Pilot tests of a Spanish-speaking patient: after choosing Español, every word the kiosk says is Spanish."""

from __future__ import annotations

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.confirm_id import ConfirmIdScreen
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.kiosk.screens.patient_id import PatientIdScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.reteach import ReteachScreen
from comprehend.kiosk.screens.still_there import StillThereScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.kiosk.screens.welcome_back import WelcomeBackScreen
from comprehend.store import ResultsStore
from comprehend.words import ENGLISH
from tests.conftest import FIXTURES, SMALL_BANK
from tests.tui.helpers import FakeSpeaker, confirm_id, make_app, read_key_points, right_digit, screen_text, wait_until, wrong_digit

SMALL_ES = FIXTURES / "banks" / "small.es.yaml"


def both_languages(results, **options):
    """The kiosk offering the small bank in English and in Spanish."""
    return make_app(results, banks=[load_bank(SMALL_BANK), load_bank(SMALL_ES)], **options)


def english_words_in(text: str) -> list[str]:
    """The kiosk's English sentences (the part before any placeholder) that show in `text`."""
    pieces = [sentence.split("{")[0].strip() for name, sentence in ENGLISH.text_fields().items() if name != "language_name"]
    return [piece for piece in pieces if len(piece) >= 4 and piece in text]


async def test_welcome_asks_for_the_language_in_each_language(results_dir):
    """One bank in two languages: the welcome asks which language, in English and in Spanish, and names each."""
    app = both_languages(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "Which language would you like?" in text and "¿En qué idioma lo prefiere?" in text
        assert "Welcome · Le damos la bienvenida" in text
        assert "English: A small test bank" in text and "Español: Un banco pequeño de prueba" in text
        assert "Press the number, or touch your choice." in text and "Pulse el número o toque su opción." in text
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)


async def test_a_spanish_patient_goes_all_the_way_through_in_spanish(results_dir):
    """ID, key points, questions, feedback, re-teaching and the result: Spanish words only, stored as Spanish."""
    app = both_languages(results_dir)
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "Su número de paciente" in screen_text(app)
        await pilot.press(*"x[", "enter")
        await pilot.pause()
        assert "solo tiene letras, números y guiones" in screen_text(app)
        seen.append(screen_text(app))
        await pilot.press("backspace", "backspace", *"es-7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmIdScreen) and "¿Es usted?" in screen_text(app)
        seen.append(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KeyPointsScreen)
        text = screen_text(app)
        assert "Puntos clave" in text and "Fuera" in text and "El cielo es azul en un día claro." in text
        assert await wait_until(pilot, lambda: app.screen.pages_ready)
        while isinstance(app.screen, KeyPointsScreen):  # every page of the key points, in Spanish
            assert f"Página {app.screen.page + 1} de {len(app.screen.pages)}" in screen_text(app)
            seen.append(screen_text(app))
            await pilot.press("enter")
            await pilot.pause()
        assert "Pregunta 1 de 3" in screen_text(app) and "¿De qué color es un cielo claro?" in screen_text(app)
        seen.append(screen_text(app))
        await pilot.press(wrong_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        text = screen_text(app)
        assert "No es así. No pasa nada, así se aprende." in text and "La respuesta es: Azul" in text
        assert "Usted eligió: " in text
        seen.append(text)
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):  # grass and snow, right
            await pilot.press(right_digit(app))
            await pilot.pause()
            assert "¡Correcto! Muy bien." in screen_text(app)
            seen.append(screen_text(app))
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReteachScreen)
        text = screen_text(app)
        assert "Vamos a repasar este punto" in text and str(app.screen.query_one("#ready").label) == "Pregúnteme otra vez"
        seen.append(text)
        await pilot.press("enter")
        await pilot.pause()
        assert "Repasamos otra vez — vuelta 1 de 2, punto 1 de 1" in screen_text(app)
        seen.append(screen_text(app))
        await pilot.press(right_digit(app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "¡Gracias!" in text and "Acertó 2 de 3 a la primera." in text
        assert "Su enfermera hablará con usted de estos puntos:" in text and "Avise a la enfermera de que ha terminado." in text
        seen.append(text)
    assert [english_words_in(text) for text in seen] == [[]] * len(seen)
    [attempt] = ResultsStore(results_dir, "x").attempts()
    assert attempt["language"] == "es" and attempt["patient_id"] == "ES-7"
    assert attempt["answers"][0]["choice"] in {"Verde", "Rojo"}


async def test_buttons_and_the_read_aloud_label_are_spanish(results_dir):
    """Button labels (Start aside, as there are two banks) and the Read aloud button follow the language."""
    speaker = FakeSpeaker()
    app = both_languages(results_dir, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "es-1", bank_key="2")
        assert await wait_until(pilot, lambda: app.screen.pages_ready)
        assert str(app.screen.query_one("#next").label) == "Seguir" and str(app.screen.query_one("#back").label) == "Atrás"
        await pilot.press("enter")  # the last page of two
        await pilot.pause()
        assert str(app.screen.query_one("#next").label) == "Ya lo he leído"
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.screen.query_one("#read-aloud").label) == "Leer en voz alta (R)"
        await pilot.press("r")
        await pilot.pause()
        assert speaker.language == "es" and speaker.said[0].startswith("Pregunta 1 de 3. ¿De qué color es un cielo claro?")
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert str(app.screen.query_one("#next").label) == "Seguir"


async def test_still_there_and_welcome_back_speak_spanish(results_dir):
    """The idle question counts down in Spanish; the same patient coming back is welcomed back in Spanish."""
    app = both_languages(results_dir, idle_seconds=1.5, countdown_seconds=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "es-9", bank_key="2")
        await read_key_points(pilot)
        await pilot.press(right_digit(app))
        assert await wait_until(pilot, lambda: isinstance(app.screen, StillThereScreen))
        text = screen_text(app)
        assert "¿Sigue ahí?" in text and "esta pantalla se borrará en" in text and english_words_in(text) == []
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
    app = both_languages(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "es-9", bank_key="2")
        assert isinstance(app.screen, WelcomeBackScreen)
        text = screen_text(app)
        assert "Hola de nuevo" in text and "contestó 1 pregunta" in text and english_words_in(text) == []


async def test_the_english_bank_keeps_english_words(results_dir):
    """Choosing English after a Spanish patient left: the kiosk speaks English again."""
    app = both_languages(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "es-2", bank_key="2")
        await app.back_to_welcome()  # as when the patient walks away
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "Your patient ID" in screen_text(app) and "Su número de paciente" not in screen_text(app)
