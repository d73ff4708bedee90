"""`staff add|list|remove|reset-pin`: managing staff accounts from a terminal (PINs typed hidden, twice)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Callable, TextIO

from comprehend.staff.accounts import StaffAccounts, StaffError, valid_pin
from comprehend.store.files import DamagedFileError

PinReader = Callable[[str], str]


def ask_new_pin(read_pin: PinReader, out: TextIO) -> str | None:
    """Ask for a PIN twice (hidden); None after three failed tries."""
    for _ in range(3):
        pin = read_pin("New PIN (4 to 8 digits): ").strip()
        if not valid_pin(pin):
            print("A PIN is 4 to 8 digits. Please try again.", file=out)
            continue
        if read_pin("Type the PIN again: ").strip() != pin:
            print("The two PINs are not the same. Please try again.", file=out)
            continue
        return pin
    return None


def run_staff(action: str, name: str | None, results: Path, out: TextIO, err: TextIO, read_pin: PinReader | None = None) -> int:
    """Carry out one staff action; returns the exit code (0 done, 1 refused). PINs are read hidden (getpass)."""
    read_pin = read_pin or getpass.getpass
    accounts = StaffAccounts(results)
    try:
        if action == "list":
            names = accounts.names()
            if not names:
                print("There are no staff accounts yet. Create one with: python main.py staff add NAME", file=out)
            for staff_name in names:
                print(staff_name, file=out)
            return 0
        if action == "remove":
            accounts.remove(name or "")
            print(f"Removed the account {name}.", file=out)
            return 0
        pin = ask_new_pin(read_pin, out)
        if pin is None:
            print("comprehend: no PIN was set.", file=err)
            return 1
        if action == "add":
            stored = accounts.add(name or "", pin)
            print(f"Created the account {stored}. The kiosk is now locked: F12 opens the staff menu.", file=out)
        else:
            accounts.reset_pin(name or "", pin)
            print(f"Set a new PIN for {name}.", file=out)
        return 0
    except StaffError as error:
        print(f"comprehend: {error}.", file=err)
        return 1
    except DamagedFileError as damaged:
        print(f"comprehend: the staff accounts file {damaged.path} cannot be read ({damaged.reason}); "
              "restore it from a backup. It was not changed.", file=err)
        return 1
