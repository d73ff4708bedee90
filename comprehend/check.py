"""`check`: validate bank files, print every error and warning as path:line:col, then a summary."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from comprehend.bank.cues import CueFigure
from comprehend.bank.discovery import bank_files
from comprehend.bank.language_rules import Readability
from comprehend.bank.lint import lint
from comprehend.bank.loader import load_bank
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


def check_banks(paths: list[Path], source: Path | None = None) -> CheckReport:
    """Load and lint every bank named by these files or folders."""
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
        report.facts += len(bank.facts)
        report.questions += len(bank.questions)
        found = lint(bank, source)
        report.problems.extend(found.problems)
        if found.readability is not None:
            report.scores.setdefault(found.readability, []).extend(found.scores)
        if found.cue_guessing is not None:
            report.cue_figures.append(found.cue_guessing)
    report.problems.sort()
    return report


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
                          "cue_guessing": [figure.as_dict() for figure in report.cue_figures]}, ensure_ascii=False, indent=2), file=out)
    else:
        for problem in report.problems:
            print(problem, file=out)
        print(report.summary(), file=out)
    return 1 if failed else 0
