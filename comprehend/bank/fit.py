"""Does a question, its choices and its feedback fit the kiosk at 80x24 without scrolling?

A model of the kiosk's layout (kiosk.tcss, not roomy): rows of wrapped text plus the fixed rows of
bars, borders, padding and margins. A Pilot test renders real screens to keep this model honest.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from comprehend.bank.model import Question
from comprehend.words import ENGLISH, Words

SMALL_WIDTH, SMALL_HEIGHT = 80, 24
PANEL_PADDING = 2  # .panel { padding: 0 2 } on each side
CHOICE_CHROME = 4  # .choice border (1 + 1) and padding (1 + 1) across
CHOICE_LABEL = 5  # " 1 " and two spaces: the choice text wraps in the width that is left
CHOICE_ROWS = 3  # border top and bottom, margin below
VERDICT_CHROME = 6  # .verdict border (1 + 1) and padding (2 + 2) across
VERDICT_ROWS = 5  # margin above, padding above and below, border top and bottom
BUTTON_ROWS = 4  # .big button: margin above and 3 rows
NURSE_BAR_ROWS = 3  # the question screen's "talk to the nurse" bar above the hint bar (feedback has it beside Next)


def wrapped_rows(text: str, width: int) -> int:
    """How many rows `text` takes when wrapped at `width` (at least 1)."""
    return max(1, sum(max(1, len(textwrap.wrap(line, width))) for line in text.splitlines() or [""]))


@dataclass(frozen=True)
class Fit:
    """Rows needed by the question screen and its longest feedback, against the rows there are."""

    question_rows: int
    question_room: int
    feedback_rows: int
    feedback_room: int

    @property
    def fits(self) -> bool:
        """True when neither screen needs scrolling."""
        return self.question_rows <= self.question_room and self.feedback_rows <= self.feedback_room


def question_fit(question: Question, explain: str, width: int = SMALL_WIDTH, height: int = SMALL_HEIGHT,
                 words: Words = ENGLISH) -> Fit:
    """The rows the question screen and its longest feedback (a wrong choice with its 'why') need,
    with the kiosk's own words in the bank's language around them."""
    text_width = width - 2 * PANEL_PADDING
    choice_width = text_width - CHOICE_CHROME
    choices = [question.answer, *(wrong.text for wrong in question.wrong)]
    question_rows = 2 + wrapped_rows(question.ask, text_width)  # .question-text { padding: 1 0 }
    question_rows += sum(wrapped_rows(choice, choice_width - CHOICE_LABEL) + CHOICE_ROWS for choice in choices)
    question_rows -= 1  # the last choice has no margin below: the nurse bar follows it
    question_room = height - 2 - NURSE_BAR_ROWS  # the progress bar on top, the nurse bar and the hint bar below
    def chose(wrong_text: str) -> str:
        return words.you_chose.format(choice=wrong_text)

    worst_wrong = max(question.wrong, key=lambda wrong: wrapped_rows(chose(wrong.text), text_width)
                      + (1 + wrapped_rows(wrong.why, text_width) if wrong.why else 0))
    feedback_rows = VERDICT_ROWS + wrapped_rows(words.not_quite, text_width - VERDICT_CHROME)
    feedback_rows += 1 + wrapped_rows(chose(worst_wrong.text), text_width)
    if worst_wrong.why:
        feedback_rows += 1 + wrapped_rows(worst_wrong.why, text_width)
    feedback_rows += 1 + wrapped_rows(words.the_answer_is.format(answer=question.answer), text_width)
    if explain:
        feedback_rows += 1 + wrapped_rows(explain, text_width)
    feedback_rows += BUTTON_ROWS
    return Fit(question_rows, question_room, feedback_rows, height - 1)  # feedback has only the hint bar
