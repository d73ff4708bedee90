"""Finding bank files in the questions folder and choosing one by id or path."""

from __future__ import annotations

import logging
from pathlib import Path

from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError, Problem

BANK_SUFFIXES = (".yaml", ".yml")


def bank_files(paths: list[Path]) -> list[Path]:
    """The bank files named by these paths: files as given, folders searched (not recursively), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def load_banks(folder: Path) -> tuple[list[Bank], list[Problem]]:
    """Every valid bank in a folder, and the problems of those that are not, for the kiosk to choose from."""
    banks: list[Bank] = []
    problems: list[Problem] = []
    for path in bank_files([folder]):
        try:
            banks.append(load_bank(path))
        except BankError as error:
            problems.extend(error.problems)
    banks.sort(key=lambda b: (b.title.lower(), b.id))
    return banks, problems


def choose_bank(spec: str, folder: Path) -> Bank:
    """The bank named by `--bank`: a path to a YAML file, or a bank id found in the questions folder."""
    as_path = Path(spec)
    if as_path.suffix in BANK_SUFFIXES or as_path.is_file():
        return load_bank(as_path)
    banks, problems = load_banks(folder)
    for bank in banks:
        if bank.id == spec:
            return bank
    known = ", ".join(sorted(b.id for b in banks)) or "none"
    message = f"there is no valid bank with the id '{spec}' in {folder} (banks found: {known})"
    raise BankError([Problem(str(folder), 1, 1, "error", message), *problems])


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
