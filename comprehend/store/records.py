"""Reading the records of one table from a results file, each checked: what every reader of results goes through.

A reader never renames a file (another kiosk may be writing it); it leaves a damaged file untouched,
names it in a DamagedFileError and reads the rest. Only a writer, under the file's lock, sets a
damaged file aside (see append.append_records).
"""

from __future__ import annotations

from pathlib import Path

from comprehend.store.files import DamagedFileError
from comprehend.store.shapes import Check
from comprehend.store.storage import read_tinydb_file


def checked_records(path: Path, data: dict | None, table: str, check: Check) -> tuple[list[dict], DamagedFileError | None]:
    """The records of `table` in the parsed file `data` that pass `check`, and the damage found (None when none)."""
    data = data or {}
    if table not in data and any(data.values()):
        return [], DamagedFileError(path, f"it holds no '{table}' table")
    good: list[dict] = []
    bad: list[str] = []
    for record in data.get(table, {}).values():
        problem = check(record)
        if problem is None:
            good.append(record)
        else:
            bad.append(problem)
    if not bad:
        return good, None
    many = f"{len(bad)} records could not be read and were" if len(bad) > 1 else "1 record could not be read and was"
    return good, DamagedFileError(path, f"{many} skipped ({bad[0]})")


def read_records(path: Path, table: str, check: Check) -> tuple[list[dict], DamagedFileError | None]:
    """The good records of `table` in the TinyDB file at `path` (none when it does not exist) and the damage found."""
    try:
        data = read_tinydb_file(path)
    except DamagedFileError as damaged:
        return [], damaged
    return checked_records(Path(path), data, table, check)
