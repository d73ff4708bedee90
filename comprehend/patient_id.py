"""Checking the patient ID typed at the kiosk."""

from __future__ import annotations

import re

from comprehend.words import ENGLISH, Words

MAX_LENGTH = 32
_VALID = re.compile(r"^[A-Za-z0-9-]{1,32}$")


def normalise_patient_id(typed: str) -> str | None:
    """The ID in capitals without surrounding spaces, or None when it is not 1–32 letters, digits or hyphens."""
    candidate = typed.strip()
    if not _VALID.match(candidate):
        return None
    return candidate.upper()


def patient_id_problem(typed: str, words: Words = ENGLISH) -> str:
    """A friendly sentence, in the patient's language, saying what is wrong with a typed ID (empty when it is fine)."""
    candidate = typed.strip()
    if not candidate:
        return words.id_empty
    if len(candidate) > MAX_LENGTH:
        return words.id_too_long.format(most=MAX_LENGTH)
    if not _VALID.match(candidate):
        return words.id_bad_characters
    return ""
