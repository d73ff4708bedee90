"""Reading a bank or its source material: regular files only, and never more than a limit.

A FIFO named `x.yaml` would block `open` until a writer comes, and `/dev/zero` would be read until
memory runs out. The file is opened without blocking, checked with fstat to be a regular file, and
read up to its limit, so anything else is refused at once with a plain reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileRefused(Exception):
    """The file cannot be used: `kind` is missing, folder, not-regular, too-big or unreadable; `reason` says it in plain words."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


def read_regular_file(path: str | Path, limit: int, what: str = "a bank") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raise FileRefused for anything else."""
    try:
        descriptor = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise FileRefused("missing", "there is no such file") from None
    except IsADirectoryError:
        raise FileRefused("folder", "it is a folder, not a file") from None
    except OSError as error:
        raise FileRefused("unreadable", error.strerror or "it cannot be read") from None
    chunks: list[bytes] = []
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused("folder", "it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not-regular", "it is not a regular file")
        if info.st_size > limit:
            raise FileRefused("too-big", f"it is {info.st_size // 1024} KB; {what} may be at most {limit // 1024} KB")
        size = 0
        while size <= limit:  # the file may have grown since fstat
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise FileRefused("unreadable", error.strerror or "it cannot be read") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileRefused("too-big", f"it is more than {limit // 1024} KB; {what} may be at most {limit // 1024} KB")
    return data
