"""Pilot tests of a patient who struggles (issue 14): asking for the nurse, the offer after round 1, the round line."""

from __future__ import annotations

from textual.widgets import Button

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.nurse_offer import NurseOfferScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.reteach import ReteachScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.store import ResultsStore
from tests.conftest import FIXTURES, SMALL_BANK
from tests.tui.test_held_keys import KeyClock
from tests.tui.helpers import FakeSpeaker, confirm_id, make_app, read_key_points, right_digit, screen_text, sign_in, wait_until, wrong_digit

SMALL_ES = FIXTURES / "banks" / "small.es.yaml"


def stored(results):
    return list(ResultsStore(results, "x").attempts())


def nurse_button(app) -> Button:
    return app.screen.query_one("#talk-to-nurse", Button)


async def answer(pilot, digit_of) -> None:
    """Answer the question shown with the digit `digit_of(app)` gives."""
    await pilot.press(digit_of(pilot.app))
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen))


async def next_screen(pilot, kind) -> None:
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind))


async def to_result(pilot) -> None:
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, ResultScreen))


def assert_asked_for_nurse(results, where: str, right: int, total: int, answers: int) -> dict:
    [attempt] = stored(results)
    assert attempt["status"] == "completed" and attempt["outcome"] == "needs-discussion"
    assert attempt["asked_for_nurse"] is True and attempt["asked_for_nurse_from"] == where
    assert (attempt["first_try_correct"], attempt["total"], attempt["facts_in_bank"]) == (right, total, 3)
    assert len(attempt["answers"]) == answers
    return attempt


class TestTheButtonAndTheKey:
    """The way out is on every question, feedback and re-teach screen, shown on the hint bar, never focused."""

    async def test_on_a_question_it_is_shown_and_never_focused(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            assert isinstance(app.screen, QuestionScreen)
            button = nurse_button(app)
            assert str(button.label) == "I'd like to talk to the nurse"
            assert not button.can_focus and app.focused is not button
            assert "N: the nurse" in screen_text(app)
            assert button.region.bottom <= 23 and button.region.y > 0  # on screen at 80×24, above the hint bar

    async def test_enter_on_feedback_and_reteach_never_presses_it(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await answer(pilot, wrong_digit)  # sky, wrong
            assert app.focused is app.screen.query_one("#next", Button)
            for _ in range(2):
                await next_screen(pilot, QuestionScreen)
                await answer(pilot, right_digit)
            await next_screen(pilot, ReteachScreen)
            assert app.focused is app.screen.query_one("#ready", Button) and not nurse_button(app).can_focus
            await next_screen(pilot, QuestionScreen)
            assert stored(results_dir)[0]["asked_for_nurse"] is False

    async def test_the_last_feedback_has_none_the_result_comes_next(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            for number in range(3):
                await answer(pilot, right_digit)
                if number < 2:
                    assert nurse_button(app)
                    await next_screen(pilot, QuestionScreen)
            assert not app.screen.query("#talk-to-nurse") and "N: the nurse" not in screen_text(app)
            await pilot.press("n")  # does nothing here
            await pilot.pause()
            assert isinstance(app.screen, FeedbackScreen)
            await next_screen(pilot, ResultScreen)
            assert stored(results_dir)[0]["asked_for_nurse"] is False


class TestAskingForTheNurse:
    """It ends the attempt as needs-discussion, keeps every answer, and the result says kindly what comes next."""

    async def test_from_a_question_with_the_key(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await answer(pilot, right_digit)
            await next_screen(pilot, QuestionScreen)
            await pilot.press("n")
            await to_result(pilot)
            text = screen_text(app)
            assert "You got 1 of 1 right on the first try." in text
            assert "That is fine: there are no more questions. The nurse will go over the points with you." in text
            assert "Please tell the nurse that you have finished." in text
            assert_asked_for_nurse(results_dir, "question", right=1, total=1, answers=1)
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
            assert app.session is None

    async def test_from_the_first_question_nothing_is_counted(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await pilot.click("#talk-to-nurse")
            await to_result(pilot)
            text = screen_text(app)
            assert "right on the first try" not in text  # no "0 of 0"
            assert "The nurse will go over the points with you." in text
            assert_asked_for_nurse(results_dir, "question", right=0, total=0, answers=0)

    async def test_from_feedback_with_a_touch(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await answer(pilot, wrong_digit)
            await pilot.click("#talk-to-nurse")
            await to_result(pilot)
            text = screen_text(app)
            assert "You got 0 of 1 right on the first try." in text
            assert "The sky is blue on a clear day." in text  # the point missed, for the nurse
            assert_asked_for_nurse(results_dir, "feedback", right=0, total=1, answers=1)

    async def test_from_a_reteach(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await answer(pilot, wrong_digit)
            for _ in range(2):
                await next_screen(pilot, QuestionScreen)
                await answer(pilot, right_digit)
            await next_screen(pilot, ReteachScreen)
            await pilot.press("n")
            await to_result(pilot)
            assert "You got 2 of 3 right on the first try." in screen_text(app)
            assert_asked_for_nurse(results_dir, "reteach", right=2, total=3, answers=3)

    async def test_a_key_held_from_the_screen_before_does_not_ask(self, results_dir):
        """N arriving just as a question appears is taken as held down and dropped, like Enter and the digits."""
        clock = KeyClock()
        app = make_app(results_dir, fresh_key_seconds=0.6, key_clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)  # with the guard on, a patient's ordinary pace goes through
            await answer(pilot, right_digit)
            await next_screen(pilot, QuestionScreen)
            clock.step = 0.0
            clock.now += 0.1  # a moment after the question appeared
            await pilot.press("n")
            await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen), timeout=0.5)
            assert isinstance(app.screen, QuestionScreen)
            clock.now += 1.0  # a fresh press asks
            await pilot.press("n")
            await to_result(pilot)


class TestOfferAfterRoundOne:
    """Missing more than half in round 1 offers the nurse, with two choices; Enter picks neither."""

    async def miss_round_one(self, pilot, wrong: int) -> None:
        await sign_in(pilot)
        for number in range(3):
            await answer(pilot, wrong_digit if number < wrong else right_digit)
            await pilot.press("enter")
            await pilot.pause()

    async def test_taken(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.miss_round_one(pilot, wrong=2)
            assert await wait_until(pilot, lambda: isinstance(app.screen, NurseOfferScreen))
            text = screen_text(app)
            assert "Go over them with the nurse" in text and "Try them again here" in text
            await pilot.press("enter")  # not a choice
            await pilot.pause()
            assert isinstance(app.screen, NurseOfferScreen)
            await pilot.press("1")
            await to_result(pilot)
            assert "You got 1 of 3 right on the first try." in screen_text(app)
            assert_asked_for_nurse(results_dir, "offer", right=1, total=3, answers=3)

    async def test_declined(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.miss_round_one(pilot, wrong=2)
            assert await wait_until(pilot, lambda: isinstance(app.screen, NurseOfferScreen))
            await pilot.click("NumberedChoice:last-of-type")
            assert await wait_until(pilot, lambda: isinstance(app.screen, ReteachScreen))
            assert "Going over it again — round 1 of 2, point 1 of 2" in screen_text(app)
            [attempt] = stored(results_dir)
            assert attempt["status"] == "in-progress" and attempt["asked_for_nurse"] is False

    async def test_read_aloud(self, results_dir):
        speaker = FakeSpeaker()
        app = make_app(results_dir, speaker=speaker)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.miss_round_one(pilot, wrong=3)
            assert await wait_until(pilot, lambda: isinstance(app.screen, NurseOfferScreen))
            await pilot.press("r")
            assert await wait_until(pilot, lambda: bool(speaker.said))
            assert speaker.said[-1] == ("Some points are hard. Many people find these points hard. You can go over them with the "
                                        "nurse, or try them again here. 1: Go over them with the nurse. 2: Try them again here.")

    async def test_not_offered_when_half_or_fewer_were_missed(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.miss_round_one(pilot, wrong=1)
            assert await wait_until(pilot, lambda: isinstance(app.screen, ReteachScreen))


class TestRoundLine:
    """Later rounds say which round of going over it again, and which point."""

    async def test_round_and_point_on_reteach_and_question(self, results_dir):
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await sign_in(pilot)
            await answer(pilot, wrong_digit)  # sky
            for _ in range(2):
                await next_screen(pilot, QuestionScreen)
                await answer(pilot, right_digit)
            await next_screen(pilot, ReteachScreen)
            assert "Going over it again — round 1 of 2, point 1 of 1" in screen_text(app)
            await next_screen(pilot, QuestionScreen)
            assert "Going over it again — round 1 of 2, point 1 of 1" in screen_text(app)
            await answer(pilot, wrong_digit)
            await next_screen(pilot, ReteachScreen)
            assert "Going over it again — round 2 of 2, point 1 of 1" in screen_text(app)


class TestInSpanish:
    """The way out, the offer and the round line in Spanish."""

    async def test_spanish_words(self, results_dir):
        app = make_app(results_dir, banks=[load_bank(SMALL_BANK), load_bank(SMALL_ES)])
        async with app.run_test(size=(80, 24)) as pilot:
            await confirm_id(pilot, bank_key="2")
            await read_key_points(pilot)  # the key points come a page at a time
            assert await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
            assert str(nurse_button(app).label) == "Quiero hablar con la enfermera"
            assert "N: enfermera" in screen_text(app)
            for _ in range(3):
                await answer(pilot, wrong_digit)
                await pilot.press("enter")
                await pilot.pause()
            assert await wait_until(pilot, lambda: isinstance(app.screen, NurseOfferScreen))
            text = screen_text(app)
            assert "Repasarlos con la enfermera" in text and "Probarlos otra vez aquí" in text
            await pilot.press("2")
            assert await wait_until(pilot, lambda: isinstance(app.screen, ReteachScreen))
            assert "Repasamos otra vez — vuelta 1 de 2, punto 1 de 3" in screen_text(app)
            await pilot.press("n")
            await to_result(pilot)
            assert "No pasa nada: no hay más preguntas. La enfermera repasará los puntos con usted." in screen_text(app)
            assert_asked_for_nurse(results_dir, "reteach", right=0, total=3, answers=3)
