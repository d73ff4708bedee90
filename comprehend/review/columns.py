"""The attempts list's columns sized to the room there is: every column shows from 80 terminal columns up.

Wide (100 columns and up): the full labels and outcome words. Narrow (down to 80): short labels and outcome
words. Date, first try, outcome and reviewed are never cut; the bank's title takes what is left (cut with '…'),
and a patient id is cut only when the bank has no room left at all. No Textual here: plain text in, plain text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from comprehend.overview import AttemptRow
from comprehend.reports.content import OUTCOME_WORDS

KEYS = ("when", "patient", "bank", "score", "outcome", "reviewed")
WIDE_LABELS = {"when": "Date and time", "patient": "Patient", "bank": "Bank", "score": "First try", "outcome": "Outcome",
               "reviewed": "Reviewed"}
SHORT_LABELS = {**WIDE_LABELS, "when": "Date", "score": "1st try", "reviewed": "Rev'd"}
SHORT_OUTCOME_WORDS = {"ready": "Ready", "needs-discussion": "Discuss", "incomplete": "Incomplete", "in-progress": "In progress",
                       "continued": "Continued"}
GAP = 1  # blank cells after each column (the table's own cell padding is 0)
BANK_ROOM = 12  # the wide labels are used only when the bank's title keeps at least this much room (or all it needs)
BANK_LEAST = 6
TITLE_LEAST = 4  # a title cut shorter than this is cut with its version instead
PATIENT_LEAST = 8
DATE_WIDTH = len("2026-11-02 09:30")


@dataclass(frozen=True)
class Layout:
    """Labels and widths (in terminal cells, gap not counted) of the six columns, and whether words are short."""

    labels: tuple[str, ...]
    widths: tuple[int, ...]
    short: bool

    def cells(self, row: AttemptRow) -> tuple[str, ...]:
        """One attempt's cells, each cut to its column's width (the bank's title is cut before its version)."""
        cells = [_cut(text, width) for text, width in zip(row_texts(row, self.short), self.widths)]
        bank = KEYS.index("bank")
        cells[bank] = _cut_bank(row, self.widths[bank])
        return tuple(cells)


def bank_text(row: AttemptRow) -> str:
    """'Kyphoplasty - what to expect v3 · es (older)': title, version, a language other than English, an older version."""
    text = f"{row.bank_title} v{row.bank_version}" + ("" if row.language == "en" else f" · {row.language}")
    return text + (" (older)" if row.older_version else "")


def row_texts(row: AttemptRow, short: bool = False) -> tuple[str, ...]:
    """One attempt's cells, not cut (short: the short outcome word)."""
    words = SHORT_OUTCOME_WORDS if short else OUTCOME_WORDS
    if row.asked_for_nurse:
        outcome = "Nurse" if short else "Asked for nurse"
    else:
        outcome = words.get(row.outcome, row.outcome)
    return (row.when, row.patient_id, bank_text(row), row.score_text, outcome, "yes" if row.reviewed else "no")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def _cut_bank(row: AttemptRow, width: int) -> str:
    """'Kyphoplasty - wh… v3 · es (older)': the title is cut, so version, language and '(older)' still show."""
    whole = bank_text(row)
    suffix = whole[len(row.bank_title):]
    if len(whole) <= width or width - len(suffix) < TITLE_LEAST:
        return _cut(whole, width)
    return _cut(row.bank_title, width - len(suffix)) + suffix


def _natural(rows: Sequence[AttemptRow], labels: dict[str, str], short: bool) -> list[int]:
    """The width each column needs to show its label and every cell whole."""
    widths = [len(labels[key]) for key in KEYS]
    for row in rows:
        for index, text in enumerate(row_texts(row, short)):
            widths[index] = max(widths[index], len(text))
    widths[0] = max(widths[0], DATE_WIDTH)
    return widths


def _fitted(rows: Sequence[AttemptRow], room: int, short: bool) -> Layout:
    labels = SHORT_LABELS if short else WIDE_LABELS
    widths = _natural(rows, labels, short)
    space = room - GAP * len(KEYS)
    bank = KEYS.index("bank")
    patient = KEYS.index("patient")
    others = sum(widths) - widths[bank]
    widths[bank] = max(min(widths[bank], space - others), BANK_LEAST)
    over = sum(widths) - space
    if over > 0:  # the bank is down to its least: cut long patient ids (the detail screen shows them whole)
        widths[patient] = max(widths[patient] - over, PATIENT_LEAST)
    return Layout(tuple(labels[key] for key in KEYS), tuple(widths), short)


def layout_for(rows: Sequence[AttemptRow], room: int) -> Layout:
    """The columns for `room` terminal cells (the table's width less its scrollbar) and the rows listed.

    The wide words are used while the bank keeps all it needs, or BANK_ROOM cells for its title besides its
    longest version, language and '(older)'.
    """
    wide = _fitted(rows, room, short=False)
    needed = _natural(rows, WIDE_LABELS, short=False)[KEYS.index("bank")]
    suffix = max((len(bank_text(row)) - len(row.bank_title) for row in rows), default=0)
    if wide.widths[KEYS.index("bank")] >= min(needed, suffix + BANK_ROOM) and sum(wide.widths) + GAP * len(KEYS) <= room:
        return wide
    return _fitted(rows, room, short=True)
