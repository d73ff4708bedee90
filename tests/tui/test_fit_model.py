"""The 80x24 fit check of `check` against the real kiosk screens: the rows it predicts are the rows drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from comprehend.bank.fit import question_fit
from comprehend.bank.loader import load_bank
from comprehend.bank.model import Fact, Question, WrongChoice
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.quiz import Ask, Choice, Feedback
from tests.conftest import KYPHOPLASTY

KIOSK_CSS = Path(__file__).resolve().parents[2] / "comprehend" / "kiosk" / "kiosk.tcss"
LONG = "How does snow feel when you hold it in your bare hand on a cold winter day outside the house?"


class Host(App):
    """Shows one kiosk screen with the kiosk's styles."""

    CSS_PATH = KIOSK_CSS


async def drawn(screen) -> tuple[int, int]:
    """(rows the screen's panel takes, how far its page can scroll) at 80x24."""
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        return app.screen.query_one(".panel").outer_size.height, app.screen.query_one(".page").max_scroll_y


def crafted() -> list[Question]:
    """Questions from short to far too long."""
    many = tuple(WrongChoice(f"A warm summer day number {n} by the sea", f"Snow is cold, not warm like day {n}.") for n in range(5))
    return [
        Question("short", "f", "How does snow feel?", "Cold", (WrongChoice("Hot"), WrongChoice("Warm"))),
        Question("long-ask", "f", LONG * 2, "Cold", (WrongChoice("Hot"), WrongChoice("Warm"))),
        Question("five-wrong", "f", LONG, "Cold, like ice from the freezer", many, explain=LONG),
        Question("long-why", "f", "How does snow feel?", "Cold", (WrongChoice("Hot", LONG * 3),), explain=LONG * 2),
    ]


def all_questions() -> list[tuple[Question, str]]:
    bank = load_bank(KYPHOPLASTY)
    return [(q, bank.fact(q.fact).text) for q in bank.questions] + [(q, "Snow is cold.") for q in crafted()]


@pytest.mark.parametrize("question, fact_text", all_questions(), ids=lambda value: getattr(value, "id", ""))
async def test_predicted_rows_are_the_rows_drawn(question, fact_text):
    fit = question_fit(question, question.explain)
    fact = Fact(question.fact, fact_text)
    choices = tuple([Choice(question.answer, True)] + [Choice(w.text, False, w.why) for w in question.wrong])
    rows, scroll = await drawn(QuestionScreen(Ask(question, fact, choices, 1, 1, 9)))
    assert rows == fit.question_rows
    assert (scroll == 0) == (fit.question_rows <= fit.question_room)
    worst = max(question.wrong, key=lambda w: (len(w.text) + len(w.why)))
    feedback = Feedback(False, Choice(worst.text, False, worst.why), question.answer, question.explain, worst.why, fact)
    rows, scroll = await drawn(FeedbackScreen(feedback))
    assert rows == fit.feedback_rows
    assert (scroll == 0) == (fit.feedback_rows <= fit.feedback_room)


def test_the_crafted_questions_cover_both_sides():
    fits = [question_fit(q, q.explain).fits for q in crafted()]
    assert fits[0] and not all(fits)
