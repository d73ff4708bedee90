"""Starting review from the command line (or from the kiosk's staff menu)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from comprehend.bank.model import Bank
from comprehend.review.app import ReviewApp
from comprehend.review_data import ReviewData
from comprehend.staff.accounts import StaffAccounts


def make_review_app(questions: Path, results: Path, banks: list[Bank] | None = None, **options) -> ReviewApp:
    """Build review for a questions folder and a results folder (options go to ReviewApp)."""
    return ReviewApp(ReviewData(results, questions, banks), StaffAccounts(results), **options)


def launch_review(questions: Path, results: Path, idle_seconds: float, clinic: str, signed_in_as: str | None = None,
                  clinic_phone: str | None = None) -> int:
    """Run review until the nurse closes it; return the exit code. No `clinic_phone` (from the kiosk): COMPREHEND_CLINIC_PHONE."""
    if not Path(results).is_dir():
        print(f"comprehend: there is no results folder at {results}; start the kiosk first, or pass --results DIR.", file=sys.stderr)
        return 1
    make_review_app(questions, results, idle_seconds=idle_seconds, clinic=clinic, signed_in_as=signed_in_as,
                    clinic_phone=os.environ.get("COMPREHEND_CLINIC_PHONE", "") if clinic_phone is None else clinic_phone).run()
    return 0
