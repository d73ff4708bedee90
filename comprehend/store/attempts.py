"""ResultsStore: where attempts live under the results folder, and how each answer is made durable.

Layout (every file a TinyDB JSON file written atomically, owner-only):
- in-progress/<attempt_id>.json  the attempt being taken, rewritten in full on every answer. It
  stays small, so an answer is durable in milliseconds whatever the number of stored attempts.
- attempts/<kiosk>/<YYYY-MM>/<YYYY-MM-DD>.json  finished and incomplete attempts, one shard per kiosk
  and day, appended under a file lock with a fresh read inside the lock, so several kiosks can share
  a folder. A day holds a few hundred attempts at most, so finishing one stays fast after years
  (a month-sized shard at 100k attempts a year took about 1 s to append to).
A file that cannot be read is reported and set aside untouched; nothing is overwritten.
"""

from __future__ import annotations

import logging
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from comprehend.store.results_folder import name_results_folder
from comprehend.record import IN_PROGRESS, INCOMPLETE, as_incomplete
from comprehend.store.append import StoreError, append_records
from comprehend.store.files import TEMP_PREFIX, DamagedFileError, ensure_private_dir
from comprehend.store.records import read_records
from comprehend.store.shapes import attempt_problem
from comprehend.store.storage import SafeJSONStorage
from comprehend.store.summaries import month_summaries, summarize

log = logging.getLogger(__name__)

IN_PROGRESS_DIR = "in-progress"
ATTEMPTS_DIR = "attempts"
TABLE = "attempts"


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", text).strip(".-") or "kiosk"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _closed(record: dict, now: str) -> dict:
    """A left-behind in-progress record as it should be stored: finished ones keep their status."""
    return record if record.get("status") != IN_PROGRESS else as_incomplete(record, now)


def _left_behind(record: dict) -> bool:
    """True when the kiosk process on this machine that wrote an in-progress record is gone."""
    return record.get("host") == socket.gethostname() and not _pid_alive(int(record.get("pid", 0)))


def _closed_if_left(record: dict) -> dict:
    """An in-progress record whose kiosk process on this machine is gone, shown as incomplete."""
    return _closed(record, record.get("updated_at", "")) if _left_behind(record) else record


@dataclass
class ResultsStore:
    """Stores and reads attempts under one results folder."""

    folder: Path
    kiosk_id: str = field(default_factory=socket.gethostname)
    problems: list[DamagedFileError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.folder = name_results_folder(Path(self.folder))  # paths under it: no link followed (results_folder)

    # --- paths -------------------------------------------------------------------------
    def in_progress_path(self, attempt_id: str) -> Path:
        """The small file that holds one attempt while it is being taken."""
        return self.folder / IN_PROGRESS_DIR / f"{_safe_name(attempt_id)}.json"

    def shard_path(self, record: dict) -> Path:
        """The shard a finished attempt belongs to: its kiosk and the day it started."""
        day = _safe_name(str(record.get("started_at", ""))[:10] or "unknown")
        kiosk = _safe_name(record.get("kiosk_id") or self.kiosk_id)
        return self.folder / ATTEMPTS_DIR / kiosk / day[:7] / f"{day}.json"

    # --- writing -----------------------------------------------------------------------
    def save_progress(self, record: dict) -> None:
        """Make the attempt durable as it is now (called after every answer). Raises StoreError."""
        path = self.in_progress_path(record["attempt_id"])
        try:
            ensure_private_dir(self.folder)
            ensure_private_dir(path.parent)
            SafeJSONStorage(path).write({TABLE: {"1": record}})
        except OSError as error:
            raise StoreError(f"could not save to {path.parent} ({error.strerror}); check the disk and its permissions") from None

    def finish(self, record: dict) -> None:
        """Move a completed or incomplete attempt into its shard, then drop its in-progress file."""
        if record.get("status") == IN_PROGRESS:
            raise ValueError("an attempt still in progress cannot be finished")
        self._append(self.shard_path(record), record)
        try:
            self.in_progress_path(record["attempt_id"]).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:  # stored all the same; the next start finds the copy already stored and removes it
            log.warning("a stored attempt's in-progress file could not be removed (%s)", error.strerror)

    def finish_many(self, records: list[dict]) -> int:
        """Store many finished attempts at once, one locked write per shard (demo data, imports)."""
        by_shard: dict[Path, list[dict]] = {}
        for record in records:
            if record.get("status") == IN_PROGRESS:
                raise ValueError("an attempt still in progress cannot be finished")
            by_shard.setdefault(self.shard_path(record), []).append(record)
        for shard, group in by_shard.items():
            self._append(shard, *group)
        return sum(len(group) for group in by_shard.values())

    def _append(self, shard: Path, *records: dict) -> None:
        damage = append_records(shard, TABLE, list(records))
        if damage:
            self.problems.append(damage)

    def close_abandoned(self, now: str) -> int:
        """Store as incomplete the attempts this machine left in progress when a kiosk stopped or crashed."""
        closed = 0
        for record in self._in_progress_records():
            if _left_behind(record):
                if self._already_stored(record):  # a crash between the shard write and the clean-up
                    self.in_progress_path(record["attempt_id"]).unlink(missing_ok=True)
                    continue
                self.finish(_closed(record, now))
                closed += 1
        self._clean_temp_files()
        return closed

    def _clean_temp_files(self) -> None:
        """Remove temporary files left by a writer that died before its rename (never a real file)."""
        for folder in (self.folder / IN_PROGRESS_DIR, *self._shard_folders()):
            for temp in folder.glob(TEMP_PREFIX + "*"):
                try:
                    temp.unlink()
                except OSError:
                    pass

    def _already_stored(self, record: dict) -> bool:
        shard = self.shard_path(record)
        return any(r.get("attempt_id") == record["attempt_id"] for r in self._read_records(shard))

    # --- reading -----------------------------------------------------------------------
    def _shard_folders(self) -> list[Path]:
        """The month folders of every kiosk (attempts/<kiosk>/<YYYY-MM>)."""
        root = self.folder / ATTEMPTS_DIR
        return sorted(p for p in root.glob("*/*") if p.is_dir()) if root.is_dir() else []

    def _read_records(self, path: Path) -> list[dict]:
        """The attempt records of one file that every reader can use; a damaged file is named in `problems`, untouched."""
        records, damaged = read_records(path, TABLE, attempt_problem)
        if damaged is not None:
            self.problems.append(damaged)
            log.error("results file %s could not be read in full: %s", path, damaged.reason)
        return records

    def _in_progress_records(self) -> Iterator[dict]:
        folder = self.folder / IN_PROGRESS_DIR
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                yield from self._read_records(path)

    def summary_values(self) -> list[list]:
        """The list fields of every stored attempt as lists in SUMMARY_FIELDS order, fast even at 100k attempts.

        Same rules as attempts(): shards first, then attempts in progress; a left-behind one shows as
        incomplete; damaged files are skipped and listed in `problems`.
        """
        rows: list[list] = []
        for folder in self._shard_folders():
            rows.extend(month_summaries(folder, self.folder, TABLE, self.problems.append))
        stored = {row[0] for row in rows}
        for record in self._in_progress_view(stored):
            rows.append(summarize(record, str(self.in_progress_path(record["attempt_id"]).relative_to(self.folder))))
        return rows

    def unfinished_today(self, patient_id: str, bank_id: str, bank_hash: str, day: str) -> dict | None:
        """The latest attempt of this patient on this bank (same content) started on `day` and left unfinished.

        Looks only at that day's shards of every kiosk and at attempts in progress whose kiosk process
        is gone, so it stays fast; an attempt already continued by a later one is not offered again.
        """
        candidates: list[dict] = []
        for shard in sorted((self.folder / ATTEMPTS_DIR).glob(f"*/{day[:7]}/{day}.json")):
            candidates.extend(self._read_records(shard))
        candidates.extend(_closed_if_left(record) for record in self._in_progress_records())
        continued = {record.get("resumed_from") for record in candidates}
        unfinished = [
            record for record in candidates
            if record.get("patient_id") == patient_id and record.get("bank_id") == bank_id
            and record.get("bank_hash") == bank_hash and str(record.get("started_at", ""))[:10] == day
            and record.get("status") == INCOMPLETE and record.get("attempt_id") not in continued and record.get("answers")
        ]
        return max(unfinished, key=lambda record: record.get("updated_at") or "", default=None)

    def record(self, attempt_id: str, shard: str = "") -> dict | None:
        """The whole stored record of one attempt: from its shard (as named by its summary), else searched for."""
        if shard:
            for record in self._read_records(self.folder / shard):
                if record.get("attempt_id") == attempt_id:
                    return _closed_if_left(record) if shard.startswith(IN_PROGRESS_DIR) else record
        return next((record for record in self.attempts() if record.get("attempt_id") == attempt_id), None)

    def _in_progress_view(self, stored: set[str]) -> Iterator[dict]:
        for record in self._in_progress_records():
            if record.get("attempt_id") not in stored:
                yield _closed_if_left(record)

    def attempts(self) -> Iterator[dict]:
        """Every stored attempt: finished ones from the shards, then those still in progress.

        An in-progress attempt whose kiosk process on this machine is gone is shown as incomplete.
        Damaged files are skipped and listed in `problems`.
        """
        stored: set[str] = set()
        for folder in self._shard_folders():
            for shard in sorted(folder.glob("*.json")):
                for record in self._read_records(shard):
                    stored.add(record.get("attempt_id", ""))
                    yield record
        yield from self._in_progress_view(stored)
