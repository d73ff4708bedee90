"""A log file under the results folder that is owner-only and never written through a symbolic link."""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

from comprehend.store.files import PRIVATE_FILE, ensure_private_dir
from comprehend.store.results_folder import ResultsFolderError

_FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def open_private_log(path: Path):
    """Open `path` for appending text: created 0600, refused when it is a link, not a regular file, or not ours."""
    path = Path(path)
    ensure_private_dir(path.parent)
    try:
        fd = os.open(path, _FLAGS | getattr(os, "O_NONBLOCK", 0), PRIVATE_FILE)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ResultsFolderError(path, f"{path} is a symbolic link; comprehend never writes through one. "
                                     "Move it away.", errno.ELOOP) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ResultsFolderError(path, f"{path} is not a regular file; move it away")
        if info.st_uid != os.geteuid():
            raise ResultsFolderError(path, f"{path} belongs to another user (uid {info.st_uid}); move it away")
        os.fchmod(fd, PRIVATE_FILE)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "a", encoding="utf-8")


class PrivateLogHandler(logging.FileHandler):
    """logging.FileHandler that opens its file with open_private_log (owner-only, no link followed)."""

    def __init__(self, path: Path):
        super().__init__(path, encoding="utf-8")

    def _open(self):
        return open_private_log(Path(self.baseFilename))
