"""The results folder: which folder it is, whether it may be used, and opening folders under it without following links.

Rules (issue 11, items 1 and 6):
- The results folder must be a folder of its own: not a system folder, not one others can write to (a shared
  folder such as /tmp, or one an account file could be planted in), and owned by the user running comprehend.
  Otherwise it is refused with a message saying how to fix it, and nothing in it is read or changed.
- comprehend changes the mode only of what it created and of the results folder itself. An existing results
  folder open to others (0755, as a git checkout makes it) is closed to 0700, but only when it holds nothing
  but results; a folder that also holds other files is refused rather than closed.
- Below the results folder every folder is opened with O_NOFOLLOW, one component at a time, so a symbolic link
  anywhere under results/ is refused, never written through; folders are created owner-only and one that is
  open to others is closed; one owned by someone else is refused.

The results folder of a path is the nearest folder named to prepare_results_folder (every command does this
first, see cli.py); a folder asked for that is under none is taken as a results folder itself.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
SYSTEM_FOLDERS = frozenset({
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/media", "/mnt", "/opt", "/proc",
    "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/local", "/var", "/var/lib", "/var/tmp",
})
# What a results folder may hold besides results when it is closed to 0700 (README.md and .gitkeep come with a checkout).
RESULTS_ENTRIES = frozenset({
    "in-progress", "attempts", "staff", "reviews", "audit", "reports", "banks", "outbox", "README.md",
    ".gitkeep", ".gitignore",
})
_roots: set[str] = set()  # the results folders named so far (absolute paths as given)


class ResultsFolderError(OSError):
    """The results folder, a folder or file under it, or a file named with --out may not be used.

    An OSError (so every writer's `except OSError` catches it) whose message says why and what to do.
    """

    def __init__(self, path: Path, message: str, code: int = errno.EPERM):
        super().__init__(code, message, str(path))
        self.message = message

    def __str__(self) -> str:
        return self.message


def _is_results_entry(name: str) -> bool:
    return name in RESULTS_ENTRIES or name.startswith(("kiosk.log", ".tmp-")) or ".damaged-" in name


@functools.lru_cache(maxsize=1)
def _home() -> str:
    return os.path.realpath(os.path.expanduser("~"))


def _system_folder(real: str) -> bool:
    return real in SYSTEM_FOLDERS or real == _home()


def _ownership_problem(path: Path, info: os.stat_result) -> str | None:
    """Why a folder's owner or mode rules it out (None when it is the user's own and only they can write to it)."""
    if not stat.S_ISDIR(info.st_mode):
        return f"{path} is not a folder"
    if info.st_uid != os.geteuid():
        return (f"{path} belongs to another user (uid {info.st_uid}); run comprehend as that user, "
                "or give it a folder of its own with --results")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        if info.st_mode & stat.S_ISVTX:
            return (f"others can write to {path} (a shared folder, mode {stat.S_IMODE(info.st_mode):o}); "
                    "give comprehend a folder of its own with --results")
        return (f"others can write to {path} (mode {stat.S_IMODE(info.st_mode):o}); close it with "
                f"chmod 700 {path}, or give comprehend a folder of its own with --results")
    return None


def results_folder_problem(path: Path) -> str | None:
    """Why `path` cannot be the results folder, or None when it can (or does not exist yet). Changes nothing."""
    path = Path(path)
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    return _problem(path, real, info, real)


def _problem(path: Path, real: str, info: os.stat_result | None, listable: str | int) -> str | None:
    """results_folder_problem for a folder already looked at (`listable`: its path or an open descriptor)."""
    problem = _ownership_problem(path, info) if info else None
    if problem is None and _system_folder(real):
        return f"{path} is a system folder (or your home folder); give comprehend a folder of its own with --results"
    if problem is None and info and info.st_mode & 0o077:
        others = sorted(name for name in os.listdir(listable) if not _is_results_entry(name))
        if others:
            shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
            problem = (f"{path} is open to others (mode {stat.S_IMODE(info.st_mode):o}) and holds other files ({shown}); "
                       "give comprehend a folder of its own with --results")
    return problem


def name_results_folder(path: Path) -> Path:
    """Say that `path` is a results folder, so paths under it follow the results rules; checks come at first use."""
    _roots.add(os.path.abspath(path))
    return Path(path)


def prepare_results_folder(path: Path, create: bool = False) -> Path:
    """Name `path` as a results folder and check it (ResultsFolderError when it may not be used).

    An existing one open to others is closed to 0700; a missing one is made owner-only (with any missing
    parents) only when `create` is true, else when the first file is written.
    """
    path = Path(path)
    problem = results_folder_problem(path)
    if problem:
        raise ResultsFolderError(path, problem)
    name_results_folder(path)
    if create or os.path.exists(path):
        os.close(_open_root(path))
    return path


def _make_missing(path: Path) -> None:
    """Create `path` and its missing parents, each new folder owner-only whatever the umask."""
    missing = [folder for folder in (path, *path.parents) if not os.path.lexists(folder)]
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR)
        except FileExistsError:
            continue
        os.chmod(folder, PRIVATE_DIR)


def _open_root(root: Path) -> int:
    """An open descriptor of the checked results folder (created when missing), closed to 0700 when open to others."""
    real = os.path.realpath(root)
    if _system_folder(real):
        raise ResultsFolderError(root, _problem(root, real, None, real) or "")
    if not os.path.lexists(root):
        _make_missing(root)
        real = os.path.realpath(root)
    fd = os.open(real, _DIR_FLAGS)
    try:
        info = os.fstat(fd)
        problem = _problem(root, real, info, fd)
        if problem:
            raise ResultsFolderError(root, problem)
        if info.st_mode & 0o077:
            os.fchmod(fd, PRIVATE_DIR)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_child(parent_fd: int, name: str, shown: Path) -> int:
    """Open (creating it owner-only if missing) the folder `name` in `parent_fd`, never through a link."""
    created = False
    try:
        try:
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
        except FileNotFoundError:
            try:
                os.mkdir(name, PRIVATE_DIR, dir_fd=parent_fd)
                created = True
            except FileExistsError:  # made by another process meanwhile
                pass
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR) and stat.S_ISLNK(os.lstat(name, dir_fd=parent_fd).st_mode):
            raise ResultsFolderError(shown, f"{shown} is a symbolic link; comprehend never writes through one "
                                     "under the results folder. Move it away.", errno.ELOOP) from None
        if error.errno == errno.ENOTDIR:
            raise ResultsFolderError(shown, f"{shown} is not a folder; move it away", errno.ENOTDIR) from None
        raise
    try:
        info = os.fstat(fd)
        if info.st_uid != os.geteuid():
            raise ResultsFolderError(shown, f"{shown} belongs to another user (uid {info.st_uid}); move it away")
        if created or info.st_mode & 0o077:
            os.fchmod(fd, PRIVATE_DIR)
    except BaseException:
        os.close(fd)
        raise
    return fd


def root_of(path: Path) -> Path | None:
    """The nearest results folder named so far that holds (or is) `path`; None when there is none."""
    absolute = os.path.abspath(path)
    for candidate in (absolute, *(str(parent) for parent in Path(absolute).parents)):
        if candidate in _roots:
            return Path(candidate)
    return None


def open_private_dir(path: Path) -> int:
    """An open descriptor of the folder `path` under its results folder, each missing folder made owner-only.

    The caller closes it. Raises ResultsFolderError (an OSError) for a link, a foreign folder or a refused
    results folder; `path` under no results folder named so far is taken as a results folder itself.
    """
    root = root_of(path)
    if root is None:
        root = prepare_results_folder(path)
    fd = _open_root(root)
    shown = root
    try:
        for name in Path(os.path.abspath(path)).relative_to(root).parts:
            shown = shown / name
            child = _open_child(fd, name, shown)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd
