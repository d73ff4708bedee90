"""Resume: a patient back at a kiosk on the same day with an unfinished attempt of the same bank carries on."""

from __future__ import annotations

from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.welcome_back import WelcomeBackScreen
from comprehend.overview import attempt_rows
from comprehend.store import ResultsStore
from comprehend.kiosk.screens.staff_pin import StaffPinScreen
from tests.tui.helpers import NURSE, NURSE_PIN, confirm_id, make_app, right_digit, screen_text, sign_in, wait_until, wrong_digit


def stored(results):
    return {record["attempt_id"]: record for record in ResultsStore(results, "x").attempts()}


async def leave_after_two_answers(results_dir, patient="p-7"):
    """A patient answers two questions (one wrong), then the kiosk closes (as if they walked off and it was reset)."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, patient)
        await pilot.press(wrong_digit(app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(right_digit(app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        asked_next = app.screen.ask.question.id
    return asked_next


async def nurse_lets_them_carry_on(app, pilot) -> None:
    """Carrying on needs a member of staff: 1, then the nurse's name and PIN."""
    await pilot.press("1")
    assert await wait_until(pilot, lambda: isinstance(app.screen, StaffPinScreen))
    await pilot.press(*NURSE, "enter", *NURSE_PIN, "enter")
    assert await wait_until(pilot, lambda: type(app.screen).__name__ in ("QuestionScreen", "ReteachScreen"))


async def test_returning_patient_carries_on_where_they_stopped(results_dir):
    asked_next = await leave_after_two_answers(results_dir)
    [earlier] = stored(results_dir).values()
    assert earlier["status"] == "incomplete" and len(earlier["answers"]) == 2
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "p-7")
        assert isinstance(app.screen, WelcomeBackScreen)
        assert "answered 2 questions" in screen_text(app)
        await nurse_lets_them_carry_on(app, pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.ask.question.id == asked_next
        while not isinstance(app.screen, ResultScreen):
            await pilot.press(right_digit(app) if isinstance(app.screen, QuestionScreen) else "enter")
            await pilot.pause()
        assert "You got 2 of 3 right on the first try." in screen_text(app)
    records = stored(results_dir)
    later = next(r for r in records.values() if r.get("resumed_from"))
    assert later["resumed_from"] == earlier["attempt_id"] and later["status"] == "completed"
    assert later["answers"][:2] == earlier["answers"]  # the earlier answers are carried, not asked again
    rows = {row.attempt_id: row for row in attempt_rows(records.values(), {}, {})}
    assert rows[earlier["attempt_id"]].outcome == "continued"


async def test_start_again_begins_a_new_attempt(results_dir):
    await leave_after_two_answers(results_dir)
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "p-7")
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, KeyPointsScreen)
        assert app.session.record.get("resumed_from") is None and app.session.run.answers == []


async def test_another_patient_or_another_day_is_not_offered_it(results_dir):
    await leave_after_two_answers(results_dir)
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "p-8")
        assert isinstance(app.screen, KeyPointsScreen)
    from datetime import datetime, timezone

    from tests.conftest import FixedClock

    app = make_app(results_dir, clock=FixedClock(datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "p-7")
        assert isinstance(app.screen, KeyPointsScreen)


async def test_an_attempt_carried_on_once_is_not_offered_again(results_dir):
    await leave_after_two_answers(results_dir)
    for expected in (WelcomeBackScreen, WelcomeBackScreen):  # each time with a nurse's PIN
        app = make_app(results_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await confirm_id(pilot, "p-7")
            assert isinstance(app.screen, expected)
            await nurse_lets_them_carry_on(app, pilot)  # carry on, answer one more, leave again
            if not isinstance(app.screen, QuestionScreen):  # where they stopped may be a point being re-taught
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press(right_digit(app))
            await pilot.pause()
    records = stored(results_dir)
    assert len(records) == 3
    chain = sorted(records.values(), key=lambda r: len(r["answers"]))
    assert [len(r["answers"]) for r in chain] == [2, 3, 4]
    assert chain[1]["resumed_from"] == chain[0]["attempt_id"] and chain[2]["resumed_from"] == chain[1]["attempt_id"]


async def test_carrying_on_needs_a_staff_pin_and_another_patient_cannot(results_dir):
    """Patient B types A's ID: 1 asks for a staff PIN; Escape or a wrong PIN leaves B on Welcome back, nothing carried on."""
    await leave_after_two_answers(results_dir)
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await confirm_id(pilot, "p-7")
        assert "ask the nurse" in screen_text(app).lower()
        await pilot.press("1")
        assert await wait_until(pilot, lambda: isinstance(app.screen, StaffPinScreen))
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeBackScreen))
        assert app.session is None
        await pilot.press("1")
        assert await wait_until(pilot, lambda: isinstance(app.screen, StaffPinScreen))
        await pilot.press(*NURSE, "enter", *"135792", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StaffPinScreen) and app.session is None
    assert not any(record.get("resumed_from") for record in stored(results_dir).values())


async def test_nothing_of_one_patient_is_left_for_the_next(results_dir):
    """Text cut from A's ID field is not pasted into B's: the per-patient state, clipboard included, goes as one."""
    from textual.widgets import Input

    from comprehend.kiosk.screens.patient_id import PatientIdScreen
    from comprehend.kiosk.screens.welcome import WelcomeScreen

    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PatientIdScreen))
        await pilot.press(*"A-SECRET-1", "shift+home", "ctrl+x")
        assert app.clipboard == "A-SECRET-1"
        await app.back_to_welcome()
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.clipboard == ""
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PatientIdScreen))
        await pilot.press("ctrl+v")
        await pilot.pause()
        assert app.screen.query_one(Input).value == ""
