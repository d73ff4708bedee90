"""Messages the kiosk screens post, each named for what the patient did."""

from __future__ import annotations

from textual.message import Message

from comprehend.bank.model import Bank


class BankChosen(Message):
    """The patient chose which bank to take (or pressed Start when there is one)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        super().__init__()


class PatientIdEntered(Message):
    """The patient typed a valid patient ID and pressed Enter."""

    def __init__(self, patient_id: str) -> None:
        self.patient_id = patient_id
        super().__init__()


class WentBack(Message):
    """The patient pressed Back on the patient ID screen (the wrong language or procedure): the welcome again."""


class PatientIdConfirmed(Message):
    """The patient said the ID shown back is theirs."""


class PatientIdRejected(Message):
    """The patient said the ID shown back is not theirs."""


class KeyPointsRead(Message):
    """The patient finished reading the key points."""


class AnswerChosen(Message):
    """The patient picked a choice (by its digit, or a click)."""

    def __init__(self, index: int) -> None:
        self.index = index
        super().__init__()


class FeedbackRead(Message):
    """The patient moved on from the feedback on an answer."""


class ReteachRead(Message):
    """The patient read a re-taught point and is ready to be asked again."""


class ResultRead(Message):
    """The patient moved on from the result screen, or its time ran out."""


class StillHere(Message):
    """The patient answered 'Are you still there?'."""


class WalkedAway(Message):
    """Nobody answered 'Are you still there?' before the countdown ended."""


class CarryOnChosen(Message):
    """A returning patient chose to carry on where they stopped (True) or to start again (False)."""

    def __init__(self, carry_on: bool) -> None:
        self.carry_on = carry_on
        super().__init__()


class ContrastToggled(Message):
    """The patient asked for high contrast (or back to normal) on the welcome screen."""


class ReadAloudRequested(Message):
    """The patient asked to hear the screen read aloud (R or the button)."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class NurseAsked(Message):
    """The patient would like to talk to the nurse (the button or N), from a question, feedback or re-teach screen."""

    def __init__(self, where: str) -> None:
        self.where = where
        super().__init__()


class NurseOfferAnswered(Message):
    """After round 1, the patient chose to go over the points with the nurse (True) or to try again here (False)."""

    def __init__(self, with_nurse: bool) -> None:
        self.with_nurse = with_nurse
        super().__init__()
