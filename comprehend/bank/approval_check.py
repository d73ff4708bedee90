"""`check`'s warning about a bank's approval: a date after today is almost always a typing slip in the year."""

from __future__ import annotations

import datetime

from comprehend.bank.model import Bank
from comprehend.bank.problems import Problem


def approval_warnings(bank: Bank, today: datetime.date) -> list[Problem]:
    """A warning when the bank says it was approved on a day after `today` (the loader checked it is a real day)."""
    if bank.approved is None or datetime.date.fromisoformat(bank.approved.on) <= today:
        return []
    line, col = bank.place("approved:on")
    return [Problem(bank.path, line, col, "warning", f"the bank approval is dated {bank.approved.on}, after today ({today.isoformat()})",
                    "check the year; write the day the clinician approved this version", "approval-date")]
