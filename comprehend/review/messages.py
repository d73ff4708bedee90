"""Messages between review screens and the review app, named for what happened."""

from __future__ import annotations

from textual.message import Message


class StaffSignedIn(Message):
    """A nurse signed in with a right PIN."""

    def __init__(self, staff_name: str) -> None:
        super().__init__()
        self.staff_name = staff_name


class AttemptOpened(Message):
    """The nurse opened one attempt from the list."""

    def __init__(self, attempt_id: str) -> None:
        super().__init__()
        self.attempt_id = attempt_id


class DetailAction(Message):
    """The nurse asked for something on this attempt: 'sign-off', 'report', 'handout' or 'back'."""

    def __init__(self, action: str, attempt_id: str) -> None:
        super().__init__()
        self.action = action
        self.attempt_id = attempt_id
