"""Starting the kiosk from the command line: load banks, prepare the store, run the app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from comprehend.bank.discovery import choose_bank, load_banks
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError, Problem
from comprehend.kiosk.app import KioskApp
from comprehend.session import local_now
from comprehend.store import ResultsStore
from comprehend.store.files import PRIVATE_FILE, ensure_private_dir

LOG_NAME = "kiosk.log"


def _log_to_results(results: Path) -> None:
    """Kiosk problems go to an owner-only log in the results folder (never to the patient's screen)."""
    ensure_private_dir(results)
    log_path = results / LOG_NAME
    log_path.touch(mode=PRIVATE_FILE, exist_ok=True)
    log_path.chmod(PRIVATE_FILE)
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("comprehend").addHandler(handler)
    logging.getLogger("comprehend").setLevel(logging.INFO)


def kiosk_banks(questions: Path, bank_spec: str | None) -> list[Bank]:
    """The banks the kiosk offers: the one asked for, or every valid bank in the folder.

    Raises BankError naming every problem when there is nothing usable. Banks with errors are
    skipped (and logged) when other banks in the folder are fine.
    """
    if bank_spec:
        return [choose_bank(bank_spec, questions)]
    banks, problems = load_banks(questions)
    if not banks:
        message = f"no valid bank in {questions}; run 'python main.py check {questions}' to see what to fix"
        raise BankError([Problem(str(questions), 1, 1, "error", message), *problems])
    for problem in problems:
        logging.getLogger("comprehend").warning("skipped a bank with errors: %s", problem)
    return banks


def make_kiosk_app(questions: Path, results: Path, bank_spec: str | None = None, kiosk_id: str = "kiosk", **options) -> KioskApp:
    """Build the kiosk for a questions folder and a results folder (options go to KioskApp)."""
    return KioskApp(kiosk_banks(questions, bank_spec), ResultsStore(results, kiosk_id), **options)


def launch_kiosk(questions: Path, results: Path, bank_spec: str | None, kiosk_id: str, idle_seconds: float) -> int:
    """Run the kiosk until staff quit it; return the exit code."""
    try:
        banks = kiosk_banks(questions, bank_spec)
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
    KioskApp(banks, store, idle_seconds=idle_seconds).run()
    return 0
