"""`staff add|list|remove|reset-pin`: managing staff accounts from a terminal (PINs typed hidden, twice)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Callable, TextIO

from comprehend.staff.accounts import LastAccountError, StaffAccounts, StaffError
from comprehend.staff.hint import staff_add_command
from comprehend.staff.pin_policy import new_pin_problem
from comprehend.store.files import DamagedFileError

PinReader = Callable[[str], str]
NEW_PIN_PROMPT = "New PIN (6 to 8 digits, not a common one, a repeat or a run): "


def ask_new_pin(read_pin: PinReader, out: TextIO) -> str | None:
    """Ask for a PIN twice (hidden); None after three failed tries."""
    for _ in range(3):
        pin = read_pin(NEW_PIN_PROMPT).strip()
        problem = new_pin_problem(pin)
        if problem:
            print(f"{problem[0].upper()}{problem[1:]}. Please try again.", file=out)
            continue
        if read_pin("Type the PIN again: ").strip() != pin:
            print("The two PINs are not the same. Please try again.", file=out)
            continue
        return pin
    return None


def _remove(accounts: StaffAccounts, name: str, results: Path, out: TextIO, err: TextIO, confirm: PinReader) -> int:
    """Remove an account; the last one only after the name is typed again (it unlocks the kiosk)."""
    try:
        accounts.remove(name)
    except LastAccountError as last:
        answer = confirm(f"{last}: anyone at the kiosk could then quit it. Type the name again to remove it anyway: ")
        if " ".join(answer.split()).casefold() != " ".join(name.split()).casefold():
            print("comprehend: Nothing was removed; the kiosk stays locked.", file=err)
            return 1
        accounts.remove(name, last_too=True)
        print(f"Removed the account {name}. There are no staff accounts now: the kiosk is NOT locked (setup mode) "
              f"until you add one with: {staff_add_command(results)}", file=out)
        return 0
    print(f"Removed the account {name}.", file=out)
    return 0


def run_staff(action: str, name: str | None, results: Path, out: TextIO, err: TextIO, read_pin: PinReader | None = None,
              confirm: PinReader | None = None) -> int:
    """Carry out one staff action; returns the exit code (0 done, 1 refused). PINs are read hidden (getpass)."""
    read_pin = read_pin or getpass.getpass
    confirm = confirm or input
    accounts = StaffAccounts(results)
    try:
        if action == "list":
            names = accounts.names()
            if not names:
                print(f"There are no staff accounts yet. Create one with: {staff_add_command(results)}", file=out)
            for staff_name in names:
                print(staff_name, file=out)
            return 0
        if action == "remove":
            return _remove(accounts, name or "", results, out, err, confirm)
        accounts.names()  # a damaged file is named before any PIN is asked
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
    except (EOFError, KeyboardInterrupt):
        print("\ncomprehend: stopped; nothing was changed.", file=err)
        return 1
