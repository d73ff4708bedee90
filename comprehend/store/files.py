"""Owner-only files and folders, atomic durable writes, and setting damaged files aside.

Under the results folder, folders are opened without following links (see results_folder); a file named with
--out, outside it, is written owner-only in a folder that must exist and whose mode is left alone.
"""

from __future__ import annotations

import os
import stat
import tempfile
from datetime import datetime
from pathlib import Path

from comprehend.store.results_folder import PRIVATE_DIR, ResultsFolderError, open_private_dir, root_of

PRIVATE_FILE = 0o600
TEMP_PREFIX = ".tmp-"
__all__ = ["PRIVATE_DIR", "PRIVATE_FILE", "TEMP_PREFIX", "DamagedFileError", "ensure_private_dir", "atomic_write_text",
           "atomic_write_bytes", "out_file_problem", "write_out_file", "set_aside"]


class DamagedFileError(Exception):
    """A results file could not be read; it is left untouched for staff to look at."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def ensure_private_dir(path: Path) -> Path:
    """Make sure a folder under the results folder (or the results folder itself) exists owner-only; return it.

    Missing folders are created 0700; an existing one under the results folder that is open to others is
    closed; nothing above the results folder is changed. Raises ResultsFolderError (an OSError) for a
    symbolic link, a folder of another user, or a results folder that may not be used.
    """
    os.close(open_private_dir(Path(path)))
    return Path(path)


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
    _replace_atomically(folder, path, data)


def _replace_atomically(folder: Path, path: Path, data: bytes) -> None:
    """Temporary owner-only file in `folder`, fsync, rename over `path` (a link there is replaced, not followed)."""
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


def out_file_problem(path: Path) -> str | None:
    """Why a file named with --out cannot be written (None when it can); the folder must exist already."""
    path = Path(path)
    if root_of(path.parent) is not None:
        return None  # inside the results folder: written by the results rules
    if not path.parent.is_dir():
        return f"there is no folder {path.parent}; create it first, or choose another place for {path.name}"
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return f"{path} is a symbolic link; give the real file name instead"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file; choose another name"
    return None


def write_out_file(path: Path, data: bytes) -> None:
    """Write the file a user named with --out: atomically and owner-only, its folder left as it is.

    Inside the results folder the results rules apply (atomic_write_bytes). Elsewhere the folder must exist
    (it is never created nor chmodded) and a symbolic link or a non-regular file at `path` is refused.
    """
    path = Path(path)
    if root_of(path.parent) is not None:
        atomic_write_bytes(path, data)
        return
    problem = out_file_problem(path)
    if problem:
        raise ResultsFolderError(path, problem)
    _replace_atomically(path.parent, path, data)


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
