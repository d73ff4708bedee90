"""Which PINs staff may choose (6 to 8 digits, no common PIN, no repeat, no run) and which a sign-in may try."""

from __future__ import annotations

import re

NEW_PIN = re.compile(r"\d{6,8}")
ANY_PIN = re.compile(r"\d{4,8}")  # accounts made before the 6-digit rule still sign in with 4 or 5 digits
NEW_PIN_RULE = "a PIN is 6 to 8 digits, not a common one (such as 123456), not one digit repeated and not a run"
# The most common 6- and 8-digit PINs in leaked PIN and password lists (the repeats and runs are refused anyway).
COMMON_PINS = frozenset({
    "123456", "654321", "111111", "000000", "121212", "123123", "112233", "123321", "159753", "696969",
    "131313", "101010", "102030", "147258", "147852", "258369", "246810", "520520", "789456", "200000",
    "100400", "232323", "12341234", "11223344", "12344321", "19841984", "12121212", "20202020", "88888888",
})


def valid_pin(pin: str) -> bool:
    """True when `pin` has a shape a sign-in can match: 4 to 8 digits (older accounts keep 4 or 5)."""
    return isinstance(pin, str) and ANY_PIN.fullmatch(pin) is not None


def _is_repeat(pin: str) -> bool:
    """One block typed again and again: 111111, 121212, 123123, 12341234."""
    return any(len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size) for size in range(1, len(pin) // 2 + 1))


def _is_run(pin: str) -> bool:
    """Each digit one up (or one down) from the one before, wrapping round: 123456, 890123, 876543."""
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    return steps in ({1}, {9})


def new_pin_problem(pin: str) -> str | None:
    """None when `pin` may be chosen as a new PIN; otherwise what is wrong with it, in plain words."""
    if not isinstance(pin, str) or NEW_PIN.fullmatch(pin) is None:
        return "a PIN is 6 to 8 digits"
    if pin in COMMON_PINS:
        return "that PIN is one of the most common ones; choose another"
    if _is_repeat(pin):
        return "a PIN may not repeat one digit or one group of digits (like 111111 or 121212)"
    if _is_run(pin):
        return "a PIN may not be a run of digits (like 123456 or 987654)"
    return None
