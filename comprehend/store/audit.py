"""The audit log: who opened, signed off or exported which attempt, and staff actions at the kiosk."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from comprehend.store.journal import Journal
from comprehend.store.shapes import audit_problem

AUDIT = "audit"

SIGNED_IN = "signed-in"
SIGN_IN_FAILED = "sign-in-failed"
OPENED_ATTEMPT = "opened-attempt"
SIGNED_OFF = "signed-off"
EXPORTED_REPORT = "exported-report"
KIOSK_UNLOCKED = "kiosk-unlocked"
ENDED_ATTEMPT = "ended-attempt"
EXITED_KIOSK = "exited-kiosk"


class AuditLog:
    """Append-only audit entries in results/audit/<YYYY-MM>.json."""

    def __init__(self, results: Path):
        self.journal = Journal(results, AUDIT, audit_problem)

    @property
    def problems(self):
        """Damaged audit files met while reading."""
        return self.journal.problems

    def record(self, who: str, action: str, at: str, attempt_id: str = "", detail: str = "") -> None:
        """Append one entry. Raises StoreError when it cannot be written."""
        self.journal.append({"at": at, "who": who, "action": action, "attempt_id": attempt_id, "detail": detail})

    def entries(self, since: str = "") -> Iterator[dict]:
        """Entries at or after `since` (an ISO date or time; empty for all), oldest first."""
        rows = [entry for entry in self.journal.records() if entry.get("at", "") >= since]
        yield from sorted(rows, key=lambda entry: entry.get("at", ""))
