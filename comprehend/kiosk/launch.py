"""Starting the kiosk from the command line: load banks, prepare the store, run the app."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from comprehend.bank.discovery import kiosk_choice, skipped_banks_note
from comprehend.bank.problems import BankError
from comprehend.kiosk.app import KioskApp
from comprehend.kiosk.screens.staff_menu import REVIEW
from comprehend.session import local_now
from comprehend.speech import available_speaker
from comprehend.store import ResultsStore
from comprehend.store.private_log import PrivateLogHandler

LOG_NAME = "kiosk.log"


def _log_to_results(results: Path) -> None:
    """Kiosk problems go to an owner-only log in the results folder (never to the patient's screen)."""
    handler = PrivateLogHandler(results / LOG_NAME)  # owner-only, never through a link (OSError: refused)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("comprehend").addHandler(handler)
    logging.getLogger("comprehend").setLevel(logging.INFO)


def make_kiosk_app(questions: Path, results: Path, bank_spec: str | None = None, kiosk_id: str = "kiosk", **options) -> KioskApp:
    """Build the kiosk for a questions folder and a results folder (options go to KioskApp)."""
    choice = kiosk_choice(questions, bank_spec)
    options.setdefault("bank_note", skipped_banks_note(choice.problems, questions))
    return KioskApp(choice.banks, ResultsStore(results, kiosk_id), **options)


def launch_kiosk(
    questions: Path, results: Path, bank_spec: str | None, kiosk_id: str, idle_seconds: float, unlocked: bool = False,
    theme_name: str = "default", read_aloud: bool = True,
) -> int:
    """Run the kiosk until staff exit it; 'Open review here' runs review, then the kiosk again.

    read_aloud=False (serve): no speaker, so no Read aloud button or key; espeak-ng would play on this machine.
    """
    try:
        choice = kiosk_choice(questions, bank_spec)
    except BankError as error:
        print("comprehend: the kiosk cannot start, the bank has problems:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    try:
        _log_to_results(results)
        store = ResultsStore(results, kiosk_id)
        closed = store.close_abandoned(local_now().isoformat(timespec="seconds"))
    except OSError as error:
        print(f"comprehend: the results folder {results} cannot be used ({error.strerror}).", file=sys.stderr)
        return 1
    if closed:
        logging.getLogger("comprehend").info("stored %d unfinished attempt(s) as incomplete", closed)
    for problem in choice.problems:  # into kiosk.log: a line on the terminal would be wiped by the full screen at once
        logging.getLogger("comprehend").warning("skipped a bank with errors: %s", problem)
    banks, bank_note = choice.banks, skipped_banks_note(choice.problems, questions)
    while True:
        kiosk = KioskApp(banks, store, idle_seconds=idle_seconds, unlocked=unlocked, theme_name=theme_name,
                         speaker=available_speaker(banks[0].language) if read_aloud else None, bank_note=bank_note)
        if kiosk.run() != REVIEW:
            return 0
        from comprehend.review.launch import launch_review

        launch_review(questions, results, idle_seconds=300.0, clinic=os.environ.get("COMPREHEND_CLINIC", "Clinic"),
                      signed_in_as=kiosk.staff_name)
