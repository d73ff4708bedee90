"""DeviceThrottle: wrong PINs are counted per device (this kiosk, that review PC), never per staff name.

Five wrong PINs in a row make this device wait five minutes before it checks another PIN, whatever
name is typed; other devices are not affected, so a patient at the kiosk cannot lock a nurse out of
review. The count lives in memory and in results/staff/devices/<device>.json, so restarting the
kiosk does not clear it. Saving is best effort: a full disk is logged and the count in memory still
holds, so a failed write can never let a PIN through.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from comprehend.store.files import atomic_write_text, set_aside

MAX_WRONG_PINS = 5
WAIT_MINUTES = 5
DEVICES_DIR = "devices"
log = logging.getLogger(__name__)


def device_file_name(device: str) -> str:
    """A safe file name for a device id (letters, digits, dot, dash, underscore)."""
    return (re.sub(r"[^A-Za-z0-9._-]", "_", device)[:64].lstrip(".") or "device") + ".json"


class DeviceThrottle:
    """Counts this device's wrong PINs in a row and says how long it must wait."""

    def __init__(self, staff_dir: Path, device: str, clock: Callable[[], datetime]):
        self.path = Path(staff_dir) / DEVICES_DIR / device_file_name(device)
        self.clock = clock
        self.wrong = 0
        self.wait_until: datetime | None = None
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("the wrong-PIN count %s cannot be read (%s); counting from memory", self.path, error.strerror)
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            wrong, until = data["wrong"], data["wait_until"]
            if type(wrong) is not int or not 0 <= wrong <= MAX_WRONG_PINS:
                raise ValueError("wrong count")
            self.wrong = wrong
            self.wait_until = None if until is None else datetime.fromisoformat(until)
            if self.wait_until is not None and self.wait_until.tzinfo is None:
                raise ValueError("time without a zone")
            longest = self.clock() + timedelta(minutes=WAIT_MINUTES)
            if self.wait_until is not None and self.wait_until > longest:  # never longer than one wait
                self.wait_until = longest
        except Exception:  # any shape at all: set it aside, name it, start a fresh count
            self.wrong, self.wait_until = 0, None
            if self._symlinked():
                log.warning("the wrong-PIN count %s is damaged; not set aside (a symbolic link is on its path)", self.path)
                return
            try:
                moved = set_aside(self.path)
                log.warning("the wrong-PIN count %s was damaged and is set aside as %s", self.path, moved.name)
            except OSError as error:
                log.warning("the wrong-PIN count %s is damaged and could not be set aside (%s)", self.path, error.strerror)

    def _symlinked(self) -> bool:
        """True when the count file or its folders (devices/, staff/) is a symbolic link: nothing is written there."""
        return any(path.is_symlink() for path in (self.path, self.path.parent, self.path.parent.parent))

    def _save(self) -> None:
        if self._symlinked():
            log.warning("the wrong-PIN count %s is not saved: a symbolic link is on its path; it is kept in memory", self.path)
            return
        until = None if self.wait_until is None else self.wait_until.isoformat(timespec="seconds")
        try:
            atomic_write_text(self.path, json.dumps({"wrong": self.wrong, "wait_until": until}))
        except OSError as error:
            log.warning("the wrong-PIN count %s could not be saved (%s); it is kept in memory", self.path, error.strerror)

    def waiting(self) -> bool:
        """True while this device must wait before checking another PIN."""
        if self.wait_until is None:
            return False
        if self.clock() >= self.wait_until:
            self.wait_until = None
            self._save()
            return False
        return True

    def failed(self) -> bool:
        """Count one wrong PIN; True when this one makes the device wait."""
        self.wrong += 1
        locked = self.wrong >= MAX_WRONG_PINS
        if locked:
            self.wrong, self.wait_until = 0, self.clock() + timedelta(minutes=WAIT_MINUTES)
        self._save()
        return locked

    def succeeded(self) -> None:
        """A right PIN: the count starts again."""
        if self.wrong or self.wait_until:
            self.wrong, self.wait_until = 0, None
            self._save()
