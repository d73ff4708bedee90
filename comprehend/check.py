"""`check`: validate bank files and print every problem as path:line:col, then a summary."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from comprehend.bank.discovery import bank_files
from comprehend.bank.loader import load_bank
from comprehend.bank.problems import BankError


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def run_check(paths: list[Path], out: TextIO) -> int:
    """Check the banks named by these files or folders; return 0 when all are valid, else 1."""
    files = bank_files(paths)
    if not files:
        print(f"no bank files (*.yaml) found in {', '.join(str(p) for p in paths)}", file=out)
        return 1
    valid = facts = questions = errors = 0
    for path in files:
        try:
            bank = load_bank(path)
        except BankError as error:
            errors += len(error.problems)
            for problem in error.problems:
                print(problem, file=out)
            continue
        valid += 1
        facts += len(bank.facts)
        questions += len(bank.questions)
    broken = len(files) - valid
    summary = (
        f"checked {_plural(len(files), 'bank')}: {valid} valid, {broken} with errors "
        f"({_plural(errors, 'error')}); {_plural(facts, 'fact')} and {_plural(questions, 'question')} in the valid banks"
    )
    print(summary, file=out)
    return 0 if broken == 0 else 1
