"""`check`: validate bank files, print every error and warning as path:line:col, each valid bank as approved or draft, then a summary."""

from __future__ import annotations

import datetime
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from comprehend.bank.cues import CueFigure
from comprehend.bank.approval_check import approval_warnings
from comprehend.bank.discovery import bank_files
from comprehend.bank.language_rules import Readability
from comprehend.bank.lint import lint
from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError, Problem
from comprehend.bank.translations import check_translations


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@dataclass
class CheckReport:
    """What checking some banks found."""

    files: int = 0
    valid: int = 0
    facts: int = 0
    questions: int = 0
    problems: list[Problem] = field(default_factory=list)
    scores: dict[Readability, list[float]] = field(default_factory=dict)  # per readability formula (per language)
    cue_figures: list[CueFigure] = field(default_factory=list)  # per valid bank, in check order
    banks: list[Bank] = field(default_factory=list)  # the valid banks, in file order (for their approval)

    @property
    def errors(self) -> int:
        """How many errors (banks that cannot be used)."""
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        """How many warnings."""
        return sum(1 for p in self.problems if p.severity == "warning")

    def summary(self) -> str:
        """One line: banks, errors, warnings, facts and questions, mean and worst reading score of each formula,
        and each valid bank's cue-guessing figure against chance."""
        broken = self.files - self.valid
        grades = "".join(
            f"; {formula.summary_name} mean {statistics.mean(scores):.1f}, worst {formula.worst(scores):.1f}"
            for formula, scores in self.scores.items() if scores
        )
        return (
            f"checked {_plural(self.files, 'bank')}: {self.valid} valid, {broken} with errors "
            f"({_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')}); "
            f"{_plural(self.facts, 'fact')} and {_plural(self.questions, 'question')} in the valid banks{grades}"
            f"{self._cue_summary()}"
        )

    def _cue_summary(self) -> str:
        figures = [figure for figure in self.cue_figures if figure.questions]
        if len(figures) == 1:
            return f"; {figures[0].describe()}"
        return "".join(f"; {Path(figure.path).name} {figure.describe()}" for figure in figures)


def check_banks(paths: list[Path], source: Path | None = None, today: datetime.date | None = None) -> CheckReport:
    """Load and lint every bank named by these files or folders (`today`, for the approval date: the local date)."""
    today = today or datetime.date.today()
    report = CheckReport()
    loaded = []
    for path in bank_files(paths):
        report.files += 1
        try:
            loaded.append(load_bank(path))
        except BankError as error:
            report.problems.extend(error.problems)
    translation_problems = check_translations(loaded)
    report.problems.extend(translation_problems)
    mismatched = {problem.path for problem in translation_problems}  # a translation that does not match is not valid
    for bank in loaded:
        if bank.path in mismatched:
            continue
        report.valid += 1
        report.banks.append(bank)
        report.facts += len(bank.facts)
        report.questions += len(bank.questions)
        found = lint(bank, source)
        report.problems.extend(found.problems)
        report.problems.extend(approval_warnings(bank, today))
        if found.readability is not None:
            report.scores.setdefault(found.readability, []).extend(found.scores)
        if found.cue_guessing is not None:
            report.cue_figures.append(found.cue_guessing)
    report.problems.sort()
    return report


def approval_line(bank: Bank) -> str:
    """'path: approved: version 3, by Dr Ann Lee (spine surgeon) on 2026-11-30', or 'path: draft: ...'."""
    if bank.approved is None:
        return f"{bank.path}: draft: version {bank.version} is not approved by a clinician"
    approval = bank.approved
    return f"{bank.path}: approved: version {bank.version}, by {approval.by} ({approval.role}) on {approval.on}"


def approval_data(bank: Bank) -> dict:
    """The approval of one bank for `--format json`: its file, id, language, version, status and approval (or null)."""
    approval = bank.approved
    return {"path": bank.path, "id": bank.id, "language": bank.language, "version": bank.version,
            "status": "draft" if approval is None else "approved",
            "approved": None if approval is None else {"by": approval.by, "role": approval.role, "on": approval.on}}


def run_check(paths: list[Path], out: TextIO, *, strict: bool = False, fmt: str = "text", source: Path | None = None) -> int:
    """Check banks; 0 when all are valid (and, with strict, without warnings), else 1."""
    report = check_banks(paths, source)
    if report.files == 0:
        message = f"no bank files (*.yaml) found in {', '.join(str(p) for p in paths)}"
        print(json.dumps({"problems": [], "summary": message}) if fmt == "json" else message, file=out)
        return 1
    failed = report.errors > 0 or (strict and report.warnings > 0)
    if fmt == "json":
        print(json.dumps({"problems": [p.as_dict() for p in report.problems], "summary": report.summary(),
                          "banks": report.files, "valid": report.valid, "errors": report.errors,
                          "warnings": report.warnings, "ok": not failed,
                          "cue_guessing": [figure.as_dict() for figure in report.cue_figures],
                          "approvals": [approval_data(bank) for bank in report.banks]}, ensure_ascii=False, indent=2), file=out)
    else:
        for problem in report.problems:
            print(problem, file=out)
        for bank in report.banks:
            print(approval_line(bank), file=out)
        print(report.summary(), file=out)  # always the last line
    return 1 if failed else 0
