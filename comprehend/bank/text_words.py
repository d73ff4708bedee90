"""Splitting patient text into words, and keeping the words that carry meaning (shared by the warnings)."""

from __future__ import annotations

import re

from comprehend.bank.language_rules import ENGLISH_RULES, LanguageRules

WORD = re.compile(r"[^\W_]+")  # letters (accented too) and digits; "it's" gives "it" and "s"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return WORD.findall(text.lower())


def content_words(text: str, rules: LanguageRules = ENGLISH_RULES) -> set[str]:
    """The words that carry meaning (no small common words of the language), with a plural 's' dropped."""
    return {word[:-1] if word.endswith("s") and len(word) > 4 else word
            for word in words(text) if word not in rules.stop_words and len(word) > 2}
