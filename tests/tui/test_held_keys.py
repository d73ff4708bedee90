"""A key held down never dismisses a screen that has just appeared (terminals send no key-up: a time guard does it)."""

from __future__ import annotations

from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from tests.tui.helpers import make_app, right_digit, sign_in, wait_until


class KeyClock:
    """A monotonic clock for the key guard: each reading moves it on by `step` (a patient taking their time);
    with step 0 the test moves it by hand (a key held down repeats many times a second)."""

    def __init__(self, step: float = 1.0) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


async def to_last_feedback(app, pilot) -> None:
    """Answer every question right, moving on from each feedback, up to the feedback on the last answer."""
    while not (isinstance(app.screen, FeedbackScreen) and app.session.run.finished):
        await pilot.press(right_digit(app) if isinstance(app.screen, QuestionScreen) else "enter")
        await pilot.pause()


async def test_holding_enter_through_the_last_feedback_does_not_skip_the_result(results_dir):
    """Enter held down: it moves on from the last feedback, but the result screen ('tell the nurse') that then
    appears stays up through the repeats; a fresh press after the guard clears it."""
    clock = KeyClock()
    app = make_app(results_dir, fresh_key_seconds=0.6, key_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "held-1")  # with the guard on, a patient's ordinary pace goes through
        await to_last_feedback(app, pilot)
        await pilot.press("enter")  # Next on the last feedback, and the key stays down...
        assert await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        clock.step = 0.0
        for _ in range(5):  # ...repeating for half a second
            clock.now += 0.1
            await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ResultScreen), timeout=0.5)
        assert isinstance(app.screen, ResultScreen)
        clock.now += 1.0  # a fresh press later clears the screen
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))


async def test_a_held_digit_or_enter_does_not_act_on_the_screen_just_shown(results_dir):
    """A digit or Enter held from the question does nothing on the feedback that just appeared, nor a held Enter
    on the next question; typing the ID is never held back."""
    clock = KeyClock()
    app = make_app(results_dir, fresh_key_seconds=0.6, key_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "held-2")
        assert isinstance(app.screen, QuestionScreen)
        clock.step = 0.0
        clock.now += 1.0
        await pilot.press(right_digit(app))  # the question was shown a second ago: this goes through
        assert await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        clock.now += 0.2
        await pilot.press("1", "enter")  # held: neither goes through
        await wait_until(pilot, lambda: not isinstance(app.screen, FeedbackScreen), timeout=0.5)
        assert isinstance(app.screen, FeedbackScreen) and len(app.session.run.answers) == 1


async def test_enter_held_for_seconds_still_does_not_skip_the_result(results_dir):
    """Held far past the guard (2 s of repeats 25 times a second), Enter still does not clear the result screen;
    once it is let go, the next press does."""
    clock = KeyClock()
    app = make_app(results_dir, fresh_key_seconds=0.6, key_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "held-3")
        await to_last_feedback(app, pilot)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        clock.step = 0.0
        for _ in range(50):
            clock.now += 0.04
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        clock.now += 1.0  # let go, then a fresh press
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))


# --- patient-screens (issue 14): the key points a page at a time -----------------------------------
async def test_enter_held_on_the_key_points_turns_one_page_not_all_of_them(results_dir):
    """A page turn is a new page for the guard: Enter held for 2 s turns one page; once let go, the next press the next."""
    from comprehend.bank.loader import load_bank
    from comprehend.kiosk.screens.key_points import KeyPointsScreen
    from tests.conftest import KYPHOPLASTY
    from tests.tui.helpers import confirm_id

    clock = KeyClock()
    app = make_app(results_dir, banks=[load_bank(KYPHOPLASTY)], fresh_key_seconds=0.6, key_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "held-4")
        assert await wait_until(pilot, lambda: isinstance(app.screen, KeyPointsScreen) and app.screen.pages_ready)
        screen = app.screen
        clock.step = 0.0
        clock.now += 1.0
        await pilot.press("enter")  # a fresh press: page 2 of 8...
        await pilot.pause()
        assert screen.page == 1
        for _ in range(50):  # ...and the key stays down, repeating 25 times a second
            clock.now += 0.04
            await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.page == 1 and app.session.run.answers == []
        clock.now += 1.0  # let go, then a fresh press
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: screen.page == 2)
