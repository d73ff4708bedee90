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

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"


class BankError(Exception):
    """A bank could not be loaded; `problems` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
