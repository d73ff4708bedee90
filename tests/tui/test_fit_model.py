"""The 80x24 fit check of `check` against the real kiosk screens: the rows it predicts are the rows drawn.

In English and in Spanish: the kiosk's own words around a question ("You chose:", "Usted eligió:") count too.
"""

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
from comprehend.words import ENGLISH, SPANISH, Words
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES

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


def all_questions() -> list[tuple[Question, str, Words]]:
    english, spanish = load_bank(KYPHOPLASTY), load_bank(KYPHOPLASTY_ES)
    return ([(q, english.fact(q.fact).text, ENGLISH) for q in english.questions]
            + [(q, spanish.fact(q.fact).text, SPANISH) for q in spanish.questions]
            + [(q, "Snow is cold.", ENGLISH) for q in crafted()])


def case_id(value) -> str:
    return getattr(value, "id", "") or getattr(value, "language", "")


@pytest.mark.parametrize("question, fact_text, words", all_questions(), ids=case_id)
async def test_predicted_rows_are_the_rows_drawn(question, fact_text, words):
    fit = question_fit(question, question.explain, words=words)
    fact = Fact(question.fact, fact_text)
    choices = tuple([Choice(question.answer, True)] + [Choice(w.text, False, w.why) for w in question.wrong])
    rows, scroll = await drawn(QuestionScreen(Ask(question, fact, choices, 1, 1, 9), words))
    assert rows == fit.question_rows
    assert (scroll == 0) == (fit.question_rows <= fit.question_room)
    drawn_feedback = []  # the feedback after each wrong choice: the model predicts the tallest
    for wrong in question.wrong:
        feedback = Feedback(False, Choice(wrong.text, False, wrong.why), question.answer, question.explain, wrong.why, fact)
        drawn_feedback.append(await drawn(FeedbackScreen(feedback, words)))
    rows, scroll = max(drawn_feedback)
    assert rows == fit.feedback_rows
    assert (scroll == 0) == (fit.feedback_rows <= fit.feedback_room)


def test_the_crafted_questions_cover_both_sides():
    fits = [question_fit(q, q.explain).fits for q in crafted()]
    assert fits[0] and not all(fits)


def test_the_kiosks_own_words_count_in_the_fit():
    """A wrong choice that fits one row after "You chose: " takes two after the longer "Usted eligió: "."""
    width = 80 - 4  # the panel's text width
    text = "x" * (width - len("You chose: "))
    question = Question("q", "f", "How does snow feel?", "Cold", (WrongChoice(text),))
    english, spanish = question_fit(question, "", words=ENGLISH), question_fit(question, "", words=SPANISH)
    assert spanish.feedback_rows == english.feedback_rows + 1
