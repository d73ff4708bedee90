"""Finding bank files in the questions folder and choosing one by id or path."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError, Problem
from comprehend.bank.translations import check_translations, is_translation

BANK_SUFFIXES = (".yaml", ".yml")


def bank_files(paths: list[Path]) -> list[Path]:
    """The bank files named by these paths: files as given, folders searched (not recursively), sorted.

    In a folder, anything but a folder that is named like a bank is listed, so that a pipe, a device
    or a broken link called `x.yaml` is named as a problem by the loader instead of passed over.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and not p.is_dir()))
        else:
            found.append(path)
    return found


def load_banks(folder: Path) -> tuple[list[Bank], list[Problem]]:
    """Every valid bank in a folder, and the problems of those that are not, for the kiosk to choose from.

    A translation whose ids differ from its original's is not valid either. Banks come by title, each
    original followed by its translations (by language).
    """
    banks: list[Bank] = []
    problems: list[Problem] = []
    for path in bank_files([folder]):
        try:
            banks.append(load_bank(path))
        except BankError as error:
            problems.extend(error.problems)
    mismatched = check_translations(banks)
    problems.extend(mismatched)
    banks = [bank for bank in banks if bank.path not in {problem.path for problem in mismatched}]
    return in_kiosk_order(banks), problems


def in_kiosk_order(banks: list[Bank]) -> list[Bank]:
    """Banks by their original's title; within one id the original first, then translations by language."""
    titles = {bank.id: bank.title.lower() for bank in banks if not is_translation(bank)}
    return sorted(banks, key=lambda b: (titles.get(b.id, b.title.lower()), b.id, is_translation(b), b.language))


def _names_a_file(spec: str) -> bool:
    return Path(spec).suffix in BANK_SUFFIXES or Path(spec).is_file()


def choose_bank(spec: str, folder: Path) -> Bank:
    """The bank named by `--bank`: a path to a YAML file, or a bank id found in the questions folder."""
    if _names_a_file(spec):
        return load_bank(Path(spec))
    banks, problems = load_banks(folder)
    for bank in banks:  # the original comes before its translations; choose a translation by its file
        if bank.id == spec:
            return bank
    known = ", ".join(sorted({b.id for b in banks})) or "none"
    message = f"there is no valid bank with the id '{spec}' in {folder} (banks found: {known})"
    raise BankError([Problem(str(folder), 1, 1, "error", message), *problems])


@dataclass
class KioskChoice:
    """The banks the kiosk offers, and the problems of the bank files it skipped (for staff to see)."""

    banks: list[Bank]
    problems: list[Problem] = field(default_factory=list)


def kiosk_choice(questions: Path, bank_spec: str | None) -> KioskChoice:
    """The banks the kiosk offers: the one asked for (a file; an id brings its translations too), or every valid bank.

    Banks with errors are skipped, and their problems returned with the good banks. Raises BankError
    naming every problem only when there is nothing usable.
    """
    if bank_spec and _names_a_file(bank_spec):
        return KioskChoice([load_bank(Path(bank_spec))])
    banks, problems = load_banks(questions)
    if bank_spec:
        same_id = [bank for bank in banks if bank.id == bank_spec]
        return KioskChoice(same_id or [choose_bank(bank_spec, questions)], problems)  # choose_bank says what is wrong
    if not banks:
        message = f"no valid bank in {questions}; run '.venv/bin/python main.py check {questions}' to see what to fix"
        raise BankError([Problem(str(questions), 1, 1, "error", message), *problems])
    return KioskChoice(banks, problems)


def kiosk_banks(questions: Path, bank_spec: str | None) -> list[Bank]:
    """The banks of kiosk_choice; the problems of skipped banks are logged. Raises BankError when none is usable."""
    choice = kiosk_choice(questions, bank_spec)
    for problem in choice.problems:
        logging.getLogger("comprehend").warning("skipped a bank with errors: %s", problem)
    return choice.banks


def skipped_banks_note(problems: list[Problem], questions: Path) -> str:
    """For staff, never patients: the bank files the kiosk skipped for errors and how to see why ('' when none)."""
    per_file = Counter(Path(problem.path).name for problem in problems)
    if not per_file:
        return ""
    files = ", ".join(f"{name} ({count} error{'' if count == 1 else 's'})" for name, count in sorted(per_file.items()))
    return (f"Not offered to patients, for errors: {files}. To see them: .venv/bin/python main.py check {questions} "
            "(also in kiosk.log).")
