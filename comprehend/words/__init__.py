"""The kiosk's own words (not the bank's) in each language a bank can be written in.

Every patient-facing sentence the kiosk shows around a bank's questions lives in a `Words` table;
a language without a table falls back to English. Placeholders such as `{number}` are filled with
`str.format` and must be the same in every language (a test checks this).
"""

from __future__ import annotations

from comprehend.words.english import ENGLISH
from comprehend.words.spanish import SPANISH
from comprehend.words.table import Words

TABLES: dict[str, Words] = {words.language: words for words in (ENGLISH, SPANISH)}
OTHER_LANGUAGE_NAMES = {"fr": "Français", "de": "Deutsch", "pt": "Português", "it": "Italiano"}


def words_for(language: str) -> Words:
    """The kiosk's words in `language`, or in English when there is no table for it."""
    return TABLES.get(language, ENGLISH)


def language_name(code: str) -> str:
    """A language in its own name ("Español"), or its code when not known."""
    if code in TABLES:
        return TABLES[code].language_name
    return OTHER_LANGUAGE_NAMES.get(code, code)


__all__ = ["ENGLISH", "SPANISH", "TABLES", "Words", "language_name", "words_for"]
