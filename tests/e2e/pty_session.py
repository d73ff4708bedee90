"""One shell command in a pseudo-terminal of 80×24: read what it shows, type answers to prompts, stop it.

A pseudo-terminal, not pipes, so the command meets what it meets in a clinic's terminal: getpass
reads the PIN from the terminal, and Textual draws its screens.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from pathlib import Path
from typing import Callable

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|[=>78cDEHMNOZ])")


def plain(raw: bytes) -> str:
    """What the terminal shows as text: escape sequences (colours, moves, queries) left out."""
    return ESCAPES.sub("", raw.decode("utf-8", "replace")).replace("\r", "")


class PtySession:
    """`bash -c COMMAND` in `cwd` with `env`, in its own session and process group, on a new 80×24 terminal."""

    def __init__(self, command: str, cwd: Path, env: dict[str, str], size: tuple[int, int] = (80, 24)):
        self.raw = b""
        self.status: int | None = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: the terminal is its controlling terminal (pty.fork made it so)
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                os.chdir(cwd)
                os.execvpe("bash", ["bash", "-c", command], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    @property
    def text(self) -> str:
        return plain(self.raw)

    def _read_some(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the command and every child closed the terminal
            chunk = b""
        if chunk:
            self.raw += chunk
        else:
            self._reap(block=True)

    def _drain(self) -> None:
        """Read what the ended command left in the terminal."""
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                return
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw += chunk

    def _reap(self, block: bool = False) -> None:
        if self.status is not None:
            return
        pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        if pid:
            self.status = os.waitstatus_to_exitcode(status)

    def wait_for(self, done: Callable[[str], bool], timeout: float, on_output: Callable[[str], None] | None = None) -> bool:
        """Read until `done(text)` or the command ends or `timeout` seconds pass; True when `done` came true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text
            if on_output:
                on_output(text)
            if done(text):
                return True
            if self.status is not None:
                self._drain()
                return done(self.text)
            self._read_some(min(0.2, max(0.0, deadline - time.monotonic())))
            self._reap()
        return done(self.text)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def stop(self, grace: float = 10.0) -> None:
        """SIGTERM to the whole process group, SIGKILL after `grace` seconds; the terminal is closed."""
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
            if self.status is not None:
                break
            try:
                os.killpg(self.pid, sig)
            except ProcessLookupError:
                pass
            self.wait_for(lambda _text: self.status is not None, wait)
        try:
            os.close(self.fd)
        except OSError:
            pass
