"""Problems found in a bank file, reported as `path:line:col: severity: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning at a place in a bank file (line and column count from 1)."""

    path: str
    line: int
    col: int
    severity: str  # "error" or "warning"
    message: str
    hint: str = ""  # what to do about it, for warnings
    rule: str = ""  # a short name of the check that found it (warnings), e.g. "reading-grade"

    def __str__(self) -> str:
        hint = f" Hint: {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}{hint}"

    def as_dict(self) -> dict:
        """The problem as JSON-ready data (for `check --format json`)."""
        return {"path": self.path, "line": self.line, "col": self.col, "severity": self.severity,
                "rule": self.rule, "message": self.message, "hint": self.hint}


class BankError(Exception):
    """A bank could not be loaded; `problems` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
