"""Visit: everything the kiosk holds about the patient in front of it, as one object replaced whole at each welcome."""

from __future__ import annotations

from dataclasses import dataclass

from comprehend.bank.model import Bank
from comprehend.session import AttemptSession


@dataclass
class Visit:
    """One patient's stay at the kiosk: the bank, the ID, the attempt, an earlier attempt offered, the look, the clipboard.

    The kiosk keeps no per-patient state anywhere else, so a fresh Visit at the welcome screen leaves
    nothing of one patient for the next (not even text cut in the ID field).
    """

    theme: str
    bank: Bank | None = None
    patient_id: str | None = None
    session: AttemptSession | None = None
    earlier: dict | None = None  # an unfinished attempt of today that a staff member may let the patient carry on
    clipboard: str = ""
