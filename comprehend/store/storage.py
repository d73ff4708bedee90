"""A TinyDB storage that never leaves a half-written file and refuses to read a damaged one.

TinyDB's own JSONStorage rewrites the file in place, so a crash during a write can corrupt it.
Here every write replaces the file atomically (see files.atomic_write_text), and a file that does
not hold a TinyDB document (or is a symbolic link, a FIFO, a folder) raises DamagedFileError instead of being
treated as empty.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from tinydb.storages import Storage

from comprehend.store.files import DamagedFileError, atomic_write_text


def read_json_file(path: Path) -> object | None:
    """The JSON held by a regular file; None when it does not exist; DamagedFileError when it cannot be read as JSON.

    A symbolic link, a FIFO or a folder is refused, never followed or waited on.
    """
    path = Path(path)
    try:
        kind = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DamagedFileError(path, f"it cannot be opened ({error.strerror})") from None
    if stat.S_ISLNK(kind):  # never read through a link under results/ (a planted accounts file, a FIFO)
        raise DamagedFileError(path, "it is a symbolic link, which comprehend never follows")
    if not stat.S_ISREG(kind):
        raise DamagedFileError(path, "it is not a regular file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DamagedFileError(path, f"it cannot be opened ({error.strerror})") from None
    if not raw.strip():
        raise DamagedFileError(path, "it is empty")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # ValueError: also ints over 4,300 digits
        raise DamagedFileError(path, f"it is not valid JSON ({error.__class__.__name__})") from None


def read_tinydb_file(path: Path) -> dict | None:
    """The content of a TinyDB JSON file; None when it does not exist; DamagedFileError when unreadable."""
    data = read_json_file(path)
    if data is not None and (not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values())):
        raise DamagedFileError(Path(path), "it does not hold TinyDB tables")
    return data


class SafeJSONStorage(Storage):
    """TinyDB storage with atomic, fsynced, owner-only writes and strict reads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def read(self) -> dict | None:
        return read_tinydb_file(self.path)

    def write(self, data: dict) -> None:
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        pass

