"""Staff accounts: names with PINs kept only as slow salted scrypt hashes (see pin_hash), checked without a leak.

Stored in results/staff/accounts.json (a TinyDB file written atomically, owner-only). Every change
is made under a file lock with a fresh read, so two terminals cannot lose each other's change.
A sign-in only reads the file: wrong PINs are counted per device (see throttle), so a patient at
the kiosk cannot lock a nurse's name everywhere. Every name and every PIN shape costs one full hash
at the current cost and gets the same words. A sign-in never raises: a damaged accounts file of any
shape keeps the kiosk locked and refuses every sign-in, naming the fix.
"""

from __future__ import annotations

import logging
import re
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from comprehend.staff import pin_hash
from comprehend.staff.pin_hash import PinCost, hash_pin, pin_matches, stored_cost
from comprehend.staff.pin_policy import new_pin_problem, valid_pin
from comprehend.staff.throttle import DeviceThrottle
from comprehend.store.files import PRIVATE_FILE, DamagedFileError, ensure_private_dir
from comprehend.store.storage import SafeJSONStorage, read_tinydb_file

STAFF_DIR = "staff"
ACCOUNTS_FILE = "accounts.json"
TABLE = "accounts"
NAME_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9 .'-]{0,39}")
WRONG = "That name and PIN do not match. Please try again."
TOO_MANY = "Too many wrong PINs on this screen. Please wait 5 minutes, then try again."
WAIT = "Too many wrong PINs on this screen. Please wait a few minutes, then try again."
DAMAGED = ("The staff accounts file cannot be read, so no one can sign in here. Staff: run "
           "'.venv/bin/python main.py staff list' in a terminal to see why, and restore the file from a backup.")
CANNOT_CHECK = "The PIN cannot be checked just now. Please try again; if it keeps happening, tell IT."
log = logging.getLogger(__name__)


class StaffError(Exception):
    """A staff request that cannot be done; the message says why in plain words."""


class LastAccountError(StaffError):
    """Removing this account would leave none, which unlocks the kiosk."""


@dataclass(frozen=True)
class SignIn:
    """The result of checking a name and PIN."""

    ok: bool
    name: str = ""
    message: str = ""


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _account_problem(key: object, account: object) -> str | None:
    """What is wrong with one stored account (never quoting its salt or hash); None when it is sound."""
    if not isinstance(key, str) or not isinstance(account, dict):
        return "an account is not a record"
    name = account.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name) or _key(name) != key:
        return "an account has no valid name"
    if stored_cost(account.get("pin")) is None:
        return "an account has no valid PIN hash"
    return None


def _drop_name_lock(account: dict) -> None:
    """Forget the per-name count and lock that older versions stored in the account."""
    account.pop("wrong", None)
    account.pop("locked_until", None)


def _this_device() -> str:
    try:
        return socket.gethostname() or "this-device"
    except OSError:
        return "this-device"


class StaffAccounts:
    """The staff accounts of one results folder, seen from one device (a kiosk or a review PC)."""

    def __init__(self, results: Path, clock: Callable[[], datetime] | None = None, *,
                 cost: PinCost | None = None, device: str | None = None):
        self.path = Path(results) / STAFF_DIR / ACCOUNTS_FILE
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.cost = cost or pin_hash.DEFAULT_COST
        self.device = device or _this_device()
        self._throttle: DeviceThrottle | None = None
        self._decoy: dict | None = None  # hashed for unknown names, so they cost what a real name costs

    # --- reading -----------------------------------------------------------------------
    def _read(self) -> dict[str, dict]:
        """Every account, checked; DamagedFileError (naming the file and why) for any other shape."""
        try:
            data = read_tinydb_file(self.path)
        except DamagedFileError:
            raise
        except Exception as error:  # deep nesting (RecursionError), a 10,000-digit number (ValueError), ...
            raise DamagedFileError(self.path, f"it cannot be read as JSON ({error.__class__.__name__})") from None
        table = (data or {}).get(TABLE, {})
        for key, account in table.items():
            problem = _account_problem(key, account)
            if problem:
                raise DamagedFileError(self.path, problem)
        return dict(table)

    def names(self) -> list[str]:
        """Every account name, sorted (DamagedFileError when the file is damaged)."""
        return sorted((account["name"] for account in self._read().values()), key=str.casefold)

    def exist(self) -> bool:
        """True once at least one account exists. A damaged accounts file counts as existing (stay locked)."""
        try:
            return bool(self._read())
        except Exception:
            return True

    # --- changing ------------------------------------------------------------------------
    def _change(self, change: Callable[[dict[str, dict]], None]) -> None:
        """Apply `change` under the file lock to a fresh read; StaffError when the file cannot be saved."""
        try:
            ensure_private_dir(self.path.parent.parent)  # the results folder itself, owner-only
            ensure_private_dir(self.path.parent)
            lock = Path(str(self.path) + ".lock")
            if lock.is_symlink():  # opening it would truncate whatever it points to
                raise StaffError(f"the staff accounts could not be saved: {lock} is a symbolic link; remove it")
            with FileLock(str(lock), timeout=30, mode=PRIVATE_FILE):
                accounts = self._read()
                change(accounts)
                SafeJSONStorage(self.path).write({TABLE: accounts})
        except Timeout:
            raise StaffError("the staff accounts could not be saved: another program holds them; try again") from None
        except OSError as error:
            raise StaffError(f"the staff accounts could not be saved ({error.strerror or error})") from None

    def _check_new_pin(self, pin: str) -> None:
        problem = new_pin_problem(pin)
        if problem:
            raise StaffError(problem)

    def add(self, name: str, pin: str) -> str:
        """Create an account; returns the name as stored."""
        name = " ".join(name.split())
        if not NAME_PATTERN.fullmatch(name):
            raise StaffError("a staff name starts with a letter and has at most 40 letters, digits, spaces, dots or hyphens")
        self._check_new_pin(pin)
        record = hash_pin(pin, self.cost)

        def change(accounts: dict[str, dict]) -> None:
            if _key(name) in accounts:
                raise StaffError(f"there is already an account named {accounts[_key(name)]['name']}")
            accounts[_key(name)] = {"name": name, "pin": record, "created_at": self._now()}

        self._change(change)
        return name

    def remove(self, name: str, *, last_too: bool = False) -> None:
        """Delete an account; removing the last one (which unlocks the kiosk) needs last_too=True."""

        def change(accounts: dict[str, dict]) -> None:
            if _key(name) not in accounts:
                raise StaffError(f"there is no account named {name}")
            if len(accounts) == 1 and not last_too:
                raise LastAccountError(f"{accounts[_key(name)]['name']} is the last staff account; removing it unlocks the kiosk")
            del accounts[_key(name)]

        self._change(change)

    def reset_pin(self, name: str, pin: str) -> None:
        """Give an account a new PIN."""
        self._check_new_pin(pin)
        record = hash_pin(pin, self.cost)

        def change(accounts: dict[str, dict]) -> None:
            account = accounts.get(_key(name))
            if account is None:
                raise StaffError(f"there is no account named {name}")
            account["pin"] = record
            _drop_name_lock(account)

        self._change(change)

    # --- signing in ------------------------------------------------------------------------
    @property
    def throttle(self) -> DeviceThrottle:
        """This device's count of wrong PINs (read on first use)."""
        if self._throttle is None:
            self._throttle = DeviceThrottle(self.path.parent, self.device, self.clock)
        return self._throttle

    def sign_in(self, name: str, pin: str) -> SignIn:
        """Check a name and PIN. Never raises: any failure is logged (no PIN, no name) and answered calmly."""
        try:
            return self._sign_in(name, pin)
        except Exception as error:
            log.error("a staff sign-in could not be checked (%s)", error.__class__.__name__)
            return SignIn(False, message=CANNOT_CHECK)

    def _sign_in(self, name: str, pin: str) -> SignIn:
        if self._decoy is None:  # random salt and hash at today's cost: checking it costs one hash and never matches
            self._decoy = {"scheme": "scrypt", "n": self.cost.n, "r": self.cost.r, "p": self.cost.p,
                           "salt": secrets.token_hex(16), "hash": secrets.token_hex(32)}
        try:
            accounts = self._read()
        except DamagedFileError as damaged:
            log.error("staff sign-in refused: the accounts file %s cannot be read (%s)", damaged.path, damaged.reason)
            pin_matches("0", self._decoy)  # the same cost as any other answer
            return SignIn(False, message=DAMAGED)
        account = accounts.get(_key(name)) if isinstance(name, str) else None
        stored = account["pin"] if account is not None else self._decoy
        shaped = valid_pin(pin)
        matched = pin_matches(pin if shaped else "0", stored) and shaped and account is not None
        if self.throttle.waiting():
            return SignIn(False, message=WAIT)
        if not matched:
            return SignIn(False, message=TOO_MANY if self.throttle.failed() else WRONG)
        self.throttle.succeeded()
        if stored_cost(stored) != self.cost:
            self._rehash(account["name"], pin, stored)
        return SignIn(True, name=account["name"])

    def _rehash(self, name: str, pin: str, old: dict) -> None:
        """Store a hash at today's cost after a right PIN checked against an older one (best effort)."""
        record = hash_pin(pin, self.cost)

        def change(accounts: dict[str, dict]) -> None:
            account = accounts.get(_key(name))
            if account is not None and account["pin"] == old:  # unless its PIN changed meanwhile
                account["pin"] = record
                _drop_name_lock(account)

        try:
            self._change(change)
        except Exception as error:
            log.warning("a PIN hash could not be renewed at the new cost (%s); it is tried again at the next sign-in",
                        error.__class__.__name__)

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")


__all__ = ["LastAccountError", "SignIn", "StaffAccounts", "StaffError", "valid_pin"]
