"""Appending records to a shared TinyDB file safely: under a file lock, with a fresh read inside it."""

from __future__ import annotations

import logging
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb import TinyDB

from comprehend.store.files import PRIVATE_FILE, DamagedFileError, ensure_private_dir, set_aside
from comprehend.store.storage import SafeJSONStorage, read_tinydb_file

log = logging.getLogger(__name__)
LOCK_TIMEOUT_SECONDS = 30


class StoreError(Exception):
    """The results folder could not be written; the message says what to do (no health data in it)."""


def append_records(path: Path, table: str, records: list[dict]) -> DamagedFileError | None:
    """Add `records` to `table` of the TinyDB file at `path`; return the damage found, if any.

    Several processes may append at once: the file lock serialises them and a fresh TinyDB inside
    the lock sees every earlier record (TinyDB caches ids per process). A damaged file is renamed
    aside untouched and a new file is started. Raises StoreError when the file cannot be written.
    """
    damage = None
    try:
        ensure_private_dir(path.parent)
        with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS, mode=PRIVATE_FILE):
            try:
                read_tinydb_file(path)
            except DamagedFileError as damaged:
                moved = set_aside(path)
                damage = damaged
                log.error("results file %s could not be read (%s); set aside as %s", path, damaged.reason, moved.name)
            with TinyDB(path, storage=SafeJSONStorage) as db:
                db.table(table).insert_multiple(records)
    except Timeout:
        raise StoreError(f"{path} is locked by another program for too long; try again") from None
    except OSError as error:
        raise StoreError(f"could not save to {path} ({error.strerror}); check the disk and its permissions") from None
    return damage
