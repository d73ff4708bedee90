"""Owner-only files and folders, atomic durable writes, and setting damaged files aside."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
TEMP_PREFIX = ".tmp-"


class DamagedFileError(Exception):
    """A results file could not be read; it is left untouched for staff to look at."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def ensure_private_dir(path: Path) -> Path:
    """Create a folder (and its parents) readable by the owner only; return it.

    A folder that already exists, belongs to this user and is open to others (e.g. results/ as a
    git checkout made it) is closed to owner-only too; parents that existed before are left alone.
    """
    path = Path(path)
    missing = [folder for folder in (path, *path.parents) if not folder.is_dir()]
    for folder in reversed(missing):  # each new folder, outermost first, owner-only whatever the umask
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(folder, PRIVATE_DIR)
    info = path.stat()
    if info.st_uid == os.getuid() and info.st_mode & 0o077:
        os.chmod(path, PRIVATE_DIR)
    return path


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a whole text file (UTF-8) atomically and owner-only; see atomic_write_bytes."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a whole file so that a crash leaves either the old or the new content, never a mix.

    The data goes to an owner-only temporary file in the same folder, is flushed to disk, then
    renamed over the target, and the folder entry is flushed too.
    """
    path = Path(path)
    folder = ensure_private_dir(path.parent)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, PRIVATE_FILE)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged file out of the way, untouched, and return its new name."""
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    os.replace(path, target)
    return target
