"""Checking the patient ID typed at the kiosk."""

from __future__ import annotations

import re

MAX_LENGTH = 32
_VALID = re.compile(r"^[A-Za-z0-9-]{1,32}$")


def normalise_patient_id(typed: str) -> str | None:
    """The ID in capitals without surrounding spaces, or None when it is not 1–32 letters, digits or hyphens."""
    candidate = typed.strip()
    if not _VALID.match(candidate):
        return None
    return candidate.upper()


def patient_id_problem(typed: str) -> str:
    """A friendly sentence saying what is wrong with a typed ID (empty when it is fine)."""
    candidate = typed.strip()
    if not candidate:
        return "Please type your patient ID. You can find it on your wristband or letter."
    if len(candidate) > MAX_LENGTH:
        return f"That is longer than a patient ID. It has at most {MAX_LENGTH} letters and numbers."
    if not _VALID.match(candidate):
        return "A patient ID has only letters, numbers and dashes. Please check it and try again."
    return ""
