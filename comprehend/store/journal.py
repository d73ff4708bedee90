"""Append-only journals (nurse reviews, the audit log): records are only ever added, one TinyDB file per month.

Each append happens under a file lock with a fresh read inside it, so several kiosks and review
terminals can write at once without losing a record; a damaged month file is set aside untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from comprehend.store.results_folder import name_results_folder
from comprehend.store.append import append_records
from comprehend.store.files import DamagedFileError
from comprehend.store.records import read_records
from comprehend.store.shapes import Check


class Journal:
    """Records of one kind (e.g. 'reviews') under results/<name>/<YYYY-MM>.json, each with an 'at' time.

    `check` says why a stored record is not of that kind (see store.shapes); such records are skipped.
    """

    def __init__(self, results: Path, name: str, check: Check):
        self.folder = Path(results) / name
        self.table = name
        self.check = check
        self.problems: list[DamagedFileError] = []

    def _month_file(self, at: str) -> Path:
        month = at[:7] if len(at) >= 7 and at[4] == "-" else "unknown"
        name_results_folder(self.folder.parent)  # written by the results rules: no link under it is followed
        return self.folder / f"{month}.json"

    def append(self, record: dict) -> None:
        """Add one record (it must have an ISO 'at' time). Raises StoreError when it cannot be written."""
        damage = append_records(self._month_file(str(record["at"])), self.table, [record])
        if damage:
            self.problems.append(damage)

    def records(self) -> Iterator[dict]:
        """Every good record, oldest month first; damaged files and records are skipped, their files listed in `problems`."""
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.json")):
            records, damaged = read_records(path, self.table, self.check)
            if damaged is not None:
                self.problems.append(damaged)
            yield from records
