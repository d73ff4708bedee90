"""Pilot tests of the whole patient flow on the kiosk, with keys and with the mouse."""

from __future__ import annotations

from comprehend.bank.loader import load_bank, parse_bank
from comprehend.kiosk.screens.confirm_id import ConfirmIdScreen
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.kiosk.screens.nurse_offer import NurseOfferScreen
from comprehend.kiosk.screens.patient_id import PatientIdScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.result import ResultScreen
from comprehend.kiosk.screens.reteach import ReteachScreen
from comprehend.kiosk.screens.still_there import StillThereScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.store import ResultsStore
from tests.conftest import KYPHOPLASTY, SMALL_BANK
from tests.tui.helpers import make_app, right_digit, screen_text, sign_in, wait_until, wrong_digit


def stored(results):
    return list(ResultsStore(results, "x").attempts())


async def test_all_right_reaches_result_and_stores_a_ready_attempt(results_dir):
    """A patient who gets everything right sees 3 of 3, is sent to the nurse, and the attempt is stored as ready."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await sign_in(pilot, "abc-123")
        for number in (1, 2, 3):
            assert isinstance(app.screen, QuestionScreen)
            assert f"Question {number} of 3" in screen_text(app)
            await pilot.press(right_digit(app))
            await pilot.pause()
            assert isinstance(app.screen, FeedbackScreen)
            assert "That's right" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "You got 3 of 3 right on the first try." in text
        assert "Please tell the nurse that you have finished." in text
        [attempt] = stored(results_dir)
        assert attempt["status"] == "completed" and attempt["outcome"] == "ready"
        assert attempt["patient_id"] == "ABC-123" and attempt["first_try_correct"] == 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "ABC-123" not in screen_text(app)
        assert len(app.screen_stack) == 2 and app.session is None


async def test_missed_point_is_retaught_and_reasked(results_dir):
    """A wrong answer gets kind feedback, the point is re-taught, re-asked in another wording, and listed for the nurse."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press(wrong_digit(app))  # sky, wrong
        await pilot.pause()
        text = screen_text(app)
        assert "Not quite" in text and "The answer is: Blue" in text
        await pilot.press("enter")
        for _ in range(2):  # grass and snow right
            await pilot.pause()
            await pilot.press(right_digit(app))
            await pilot.pause()
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReteachScreen)
        assert "The sky is blue on a clear day." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.ask.question.id == "sky-again"
        assert "Going over it again — round 1 of 2, point 1 of 1" in screen_text(app)
        await pilot.press(right_digit(app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "You got 2 of 3 right on the first try." in text
        assert "The sky is blue on a clear day." in text
    [attempt] = stored(results_dir)
    assert attempt["rounds_by_fact"] == {"sky": 2, "grass": 1, "snow": 1}
    assert [(a["question_id"], a["round"], a["correct"]) for a in attempt["answers"]] == [
        ("sky-colour", 1, False), ("grass-colour", 1, True), ("snow-feel", 1, True), ("sky-again", 2, True)
    ]


async def test_each_answer_is_on_disk_before_its_feedback_shows(results_dir):
    """When the feedback screen appears, the answer is already stored."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press(right_digit(app))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        [attempt] = stored(results_dir)
        assert attempt["status"] == "in-progress" and len(attempt["answers"]) == 1


async def test_bad_patient_id_gets_a_friendly_message(results_dir):
    """An ID with odd characters, or none, is refused kindly and nothing is stored."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)
        assert "Please type your patient ID" in screen_text(app)
        await pilot.press(*"ab c!", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)
        assert "only letters, numbers and dashes" in screen_text(app)
        await pilot.press(*"x" * 40, "enter")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)
    assert stored(results_dir) == []


async def test_wrong_id_can_be_typed_again(results_dir):
    """'No' on 'Is this you?' goes back to typing the ID; no attempt is started."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"abc", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmIdScreen)
        assert "A B C" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen)
    assert stored(results_dir) == []


async def test_mouse_clicks_work_like_keys(results_dir):
    """A patient can go all the way through by touching buttons and choices."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        await pilot.press(*"m-1", "enter")
        await pilot.pause()
        await pilot.click(".choice")  # the first choice: "Yes, that is me"
        await pilot.pause()
        assert isinstance(app.screen, KeyPointsScreen)
        assert await wait_until(pilot, lambda: app.screen.pages_ready)
        for button, page in (("#next", 1), ("#back", 0), ("#next", 1)):  # Next to page 2 of 2, Back, Next again
            await pilot.click(button)
            assert await wait_until(pilot, lambda: app.screen.page == page)
            assert await wait_until(pilot, lambda: not app.screen.query_one(button).has_class("-active"))
        await pilot.click("#next")  # "I have read this" on the last page
        await pilot.pause()
        for _ in range(3):
            index = int(right_digit(app)) - 1
            await pilot.click(app.screen.query(".choice")[index])
            await pilot.pause()
            assert isinstance(app.screen, FeedbackScreen) and app.screen.feedback.correct
            await pilot.click("#next")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.click("#done")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
    assert stored(results_dir)[0]["outcome"] == "ready"


async def test_idle_patient_is_asked_then_screen_clears_and_attempt_is_incomplete(results_dir):
    """After the idle time, 'Are you still there?' counts down; with no answer the attempt is stored incomplete."""
    app = make_app(results_dir, idle_seconds=1.5, countdown_seconds=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "walk-away")
        await pilot.press(right_digit(app))
        assert await wait_until(pilot, lambda: isinstance(app.screen, StillThereScreen))
        assert "Are you still there?" in screen_text(app)
        assert "this screen will clear in" in screen_text(app)
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert "WALK-AWAY" not in screen_text(app)
    [attempt] = stored(results_dir)
    assert attempt["status"] == "incomplete" and attempt["outcome"] == "incomplete"
    assert len(attempt["answers"]) == 1


async def test_still_here_keeps_the_patients_place(results_dir):
    """Any key on 'Are you still there?' goes back to the same question."""
    app = make_app(results_dir, idle_seconds=1.5, countdown_seconds=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        question = app.screen
        assert await wait_until(pilot, lambda: isinstance(app.screen, StillThereScreen))
        await pilot.press("space")
        await pilot.pause()
        assert app.screen is question
        assert stored(results_dir)[0]["status"] == "in-progress"


async def test_idle_on_patient_id_screen_clears_typed_id(results_dir):
    """A half-typed ID left alone is cleared too."""
    app = make_app(results_dir, idle_seconds=1.5, countdown_seconds=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"half")
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
    assert stored(results_dir) == []


async def test_result_screen_clears_itself(results_dir):
    """The result screen goes back to welcome on its own after its time."""
    app = make_app(results_dir, result_seconds=2.0)  # long enough to see it on a busy machine
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        for _ in range(3):
            await pilot.press(right_digit(app))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))  # then it goes by itself


async def test_several_banks_let_the_patient_pick_by_title(results_dir):
    """With two banks the welcome screen lists their titles; a digit picks one."""
    banks = [load_bank(SMALL_BANK), load_bank(KYPHOPLASTY)]
    app = make_app(results_dir, banks=banks)
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "A small test bank" in text and "Kyphoplasty - what to expect" in text
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, PatientIdScreen) and app.bank.id == "kyphoplasty"


async def test_quit_and_palette_keys_do_not_leave_for_patients(results_dir):
    """ctrl+c, ctrl+p and escape neither quit nor open a command palette."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        question = app.screen
        for key in ("ctrl+c", "ctrl+p", "escape", "ctrl+backslash"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is question and app.is_running


async def test_quitting_mid_attempt_stores_it_as_incomplete(results_dir):
    """If the kiosk is stopped mid-attempt, the attempt is stored as incomplete."""
    app = make_app(results_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press(right_digit(app))
        await pilot.pause()
    [attempt] = stored(results_dir)
    assert attempt["status"] == "incomplete" and len(attempt["answers"]) == 1


MARKUP_BANK = """\
id: markup
title: "[b]Bold[/b] title"
version: 1
facts:
  - id: one
    text: "[@click=app.quit]Click me[/] and [link=http://x]link[/link]"
questions:
  - id: q
    fact: one
    ask: "Is [red]this[/red] shown as typed?"
    answer: "[b]Yes[/b]"
    wrong: ["[i]No[/i]"]
"""


async def test_markup_in_bank_text_is_shown_literally(results_dir):
    """Textual markup in a bank is shown as typed, never interpreted (no clickable quit, no styling)."""
    bank = parse_bank(MARKUP_BANK.encode(), "markup.yaml")
    app = make_app(results_dir, banks=[bank])
    async with app.run_test(size=(100, 30)) as pilot:
        assert "[b]Bold[/b] title" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"p1", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "[@click=app.quit]Click me[/] and [link=http://x]link[/link]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Is [red]this[/red] shown as typed?" in text and "[b]Yes[/b]" in text and "[i]No[/i]" in text


async def test_a_bank_in_two_languages_is_offered_in_their_own_names(results_dir):
    """English and Spanish versions of a bank are listed by language; the attempt records the one chosen."""
    spanish = parse_bank(SMALL_BANK.read_text().replace("title: A small test bank", "title: Un banco pequeño")
                         .replace("version: 2", "version: 2\nlanguage: es"), "small.es.yaml")
    app = make_app(results_dir, banks=[load_bank(SMALL_BANK), spanish])
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "English: A small test bank" in text and "Español: Un banco pequeño" in text
        await pilot.press("2")
        await pilot.pause()
        await pilot.press(*"es-1", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.record["language"] == "es" and app.session.record["bank_title"] == "Un banco pequeño"


async def test_a_long_result_opens_at_its_top(results_dir):
    """With many points to talk over at 80x24, the result opens on 'Thank you' and the score, not scrolled to Done."""
    app = make_app(results_dir, banks=[load_bank(KYPHOPLASTY)], result_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "long-1")
        while not isinstance(app.screen, ResultScreen):
            if isinstance(app.screen, QuestionScreen):
                first_round = app.screen.ask.round == 1
                await pilot.press(wrong_digit(app) if first_round else right_digit(app))
            elif isinstance(app.screen, NurseOfferScreen):
                await pilot.press("2")  # try them again here
            else:
                await pilot.press("enter")
            await pilot.pause()
        await pilot.pause()
        page = app.screen.query_one(".page")
        assert page.max_scroll_y > 0  # the list of points is longer than the screen
        assert page.scroll_y == 0
        assert app.screen.query_one("#done").has_focus  # Enter still finishes
