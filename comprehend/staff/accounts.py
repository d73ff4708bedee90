"""Staff accounts: names with PINs kept only as slow salted scrypt hashes, and a lock-out after wrong PINs.

Stored in results/staff/accounts.json (a TinyDB file written atomically, owner-only). Every change
is made under a file lock with a fresh read, so two terminals cannot lose each other's change, and
the count of wrong PINs survives a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from filelock import FileLock

from comprehend.store.files import PRIVATE_FILE, DamagedFileError, ensure_private_dir
from comprehend.store.storage import SafeJSONStorage, read_tinydb_file

STAFF_DIR = "staff"
ACCOUNTS_FILE = "accounts.json"
TABLE = "accounts"
MAX_WRONG_PINS = 5
LOCK_MINUTES = 5
PIN_PATTERN = re.compile(r"\d{4,8}")
NAME_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9 .'-]{0,39}")
# scrypt cost: about 50 ms and 16 MB per check here, so guessing 10,000 PINs offline takes minutes, not microseconds.
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


class StaffError(Exception):
    """A staff request that cannot be done; the message says why in plain words."""


@dataclass(frozen=True)
class SignIn:
    """The result of checking a name and PIN."""

    ok: bool
    name: str = ""
    message: str = ""


def valid_pin(pin: str) -> bool:
    """A PIN is 4 to 8 digits."""
    return PIN_PATTERN.fullmatch(pin) is not None


def hash_pin(pin: str, salt: bytes | None = None) -> dict:
    """A new salted scrypt hash of `pin`, as stored (hex text)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT)
    return {"scheme": "scrypt", "n": SCRYPT["n"], "r": SCRYPT["r"], "p": SCRYPT["p"], "salt": salt.hex(), "hash": digest.hex()}


def pin_matches(pin: str, stored: dict) -> bool:
    """True when `pin` gives the stored hash (compared in constant time)."""
    params = {"n": stored["n"], "r": stored["r"], "p": stored["p"], "maxmem": SCRYPT["maxmem"], "dklen": len(bytes.fromhex(stored["hash"]))}
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(stored["salt"]), **params)
    return hmac.compare_digest(digest.hex(), stored["hash"])


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class StaffAccounts:
    """The staff accounts of one results folder."""

    def __init__(self, results: Path, clock: Callable[[], datetime] | None = None):
        self.path = Path(results) / STAFF_DIR / ACCOUNTS_FILE
        self.clock = clock or (lambda: datetime.now().astimezone())

    # --- reading -----------------------------------------------------------------------
    def _read(self) -> dict[str, dict]:
        data = read_tinydb_file(self.path)  # DamagedFileError when unreadable
        return dict((data or {}).get(TABLE, {}))

    def names(self) -> list[str]:
        """Every account name, sorted."""
        return sorted((account["name"] for account in self._read().values()), key=str.casefold)

    def exist(self) -> bool:
        """True once at least one account exists. A damaged accounts file counts as existing (stay locked)."""
        try:
            return bool(self._read())
        except DamagedFileError:
            return True

    # --- changing ------------------------------------------------------------------------
    def _change(self, change: Callable[[dict[str, dict]], None]) -> None:
        ensure_private_dir(self.path.parent.parent)  # the results folder itself, owner-only
        ensure_private_dir(self.path.parent)
        with FileLock(str(self.path) + ".lock", timeout=30, mode=PRIVATE_FILE):
            accounts = self._read()
            change(accounts)
            SafeJSONStorage(self.path).write({TABLE: accounts})

    def add(self, name: str, pin: str) -> str:
        """Create an account; returns the name as stored."""
        name = " ".join(name.split())
        if not NAME_PATTERN.fullmatch(name):
            raise StaffError("a staff name starts with a letter and has at most 40 letters, digits, spaces, dots or hyphens")
        if not valid_pin(pin):
            raise StaffError("a PIN is 4 to 8 digits")

        def change(accounts: dict[str, dict]) -> None:
            if _key(name) in accounts:
                raise StaffError(f"there is already an account named {accounts[_key(name)]['name']}")
            accounts[_key(name)] = {"name": name, "pin": hash_pin(pin), "wrong": 0, "locked_until": None, "created_at": self._now()}

        self._change(change)
        return name

    def remove(self, name: str) -> None:
        """Delete an account."""

        def change(accounts: dict[str, dict]) -> None:
            if accounts.pop(_key(name), None) is None:
                raise StaffError(f"there is no account named {name}")

        self._change(change)

    def reset_pin(self, name: str, pin: str) -> None:
        """Give an account a new PIN (this also lifts a lock-out)."""
        if not valid_pin(pin):
            raise StaffError("a PIN is 4 to 8 digits")

        def change(accounts: dict[str, dict]) -> None:
            account = accounts.get(_key(name))
            if account is None:
                raise StaffError(f"there is no account named {name}")
            account.update(pin=hash_pin(pin), wrong=0, locked_until=None)

        self._change(change)

    def sign_in(self, name: str, pin: str) -> SignIn:
        """Check a name and PIN, counting wrong PINs; five in a row lock the name for five minutes."""
        result: list[SignIn] = []
        unknown = SignIn(False, message="That name and PIN do not match. Please try again.")

        def change(accounts: dict[str, dict]) -> None:
            account = accounts.get(_key(name))
            if account is None:
                hash_pin(pin)  # the same work as for a known name, so timing does not tell names apart
                result.append(unknown)
                return
            now = self.clock()
            locked_until = account.get("locked_until")
            if locked_until and datetime.fromisoformat(locked_until) > now:
                result.append(SignIn(False, message="This name is locked for a few minutes after too many wrong PINs. Please try again later."))
                return
            if valid_pin(pin) and pin_matches(pin, account["pin"]):
                account.update(wrong=0, locked_until=None)
                result.append(SignIn(True, name=account["name"]))
                return
            account["wrong"] = int(account.get("wrong", 0)) + 1
            if account["wrong"] >= MAX_WRONG_PINS:
                account.update(wrong=0, locked_until=(now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds"))
                result.append(SignIn(False, message="Too many wrong PINs. This name is locked for 5 minutes."))
                return
            result.append(unknown)

        try:
            self._change(change)
        except DamagedFileError:
            return SignIn(False, message="The staff accounts file cannot be read. Ask your IT contact to restore it.")
        return result[0]

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")
