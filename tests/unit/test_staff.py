"""Staff accounts: PINs only as scrypt hashes, owner-only file, five wrong PINs lock a name for five minutes."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from datetime import datetime, timedelta, timezone

import pytest

from comprehend.cli import main
from comprehend.staff.accounts import StaffAccounts, StaffError
from comprehend.staff.commands import run_staff


class MovableClock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return MovableClock()


@pytest.fixture
def accounts(results_dir, clock):
    staff = StaffAccounts(results_dir, clock)
    staff.add("Ann Lee", "1357")
    return staff


def _strings(value) -> list[str]:
    """Every string (and number, as text) held anywhere in a JSON value."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [str(value)]


def test_pin_is_stored_only_as_a_salted_scrypt_hash(accounts, results_dir):
    """The file holds no PIN, and two accounts with the same PIN get different hashes."""
    accounts.add("Bo Chan", "1357")
    raw = (results_dir / "staff" / "accounts.json").read_text()
    stored = json.loads(raw)["accounts"]
    # the PIN is no stored value (a random hex salt or hash may contain the digits 1357 by chance)
    assert "1357" not in {value for account in stored.values() for value in _strings(account)}
    assert all(re.fullmatch(r"[0-9a-f]{32}", a["pin"]["salt"]) and re.fullmatch(r"[0-9a-f]{64}", a["pin"]["hash"])
               for a in stored.values())
    hashes = {account["pin"]["hash"] for account in stored.values()}
    assert len(hashes) == 2 and all(account["pin"]["scheme"] == "scrypt" for account in stored.values())


def test_accounts_file_and_folder_are_owner_only(accounts, results_dir):
    path = results_dir / "staff" / "accounts.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_right_pin_signs_in_with_the_stored_name(accounts):
    result = accounts.sign_in("  ann   LEE ", "1357")
    assert result.ok and result.name == "Ann Lee"


@pytest.mark.parametrize("name, pin", [("Ann Lee", "1358"), ("Nobody", "1357"), ("Ann Lee", ""), ("Ann Lee", "13a7")])
def test_wrong_name_or_pin_gets_the_same_calm_message(accounts, name, pin):
    """A wrong PIN and an unknown name cannot be told apart."""
    result = accounts.sign_in(name, pin)
    assert not result.ok
    assert result.message == "That name and PIN do not match. Please try again."


def test_five_wrong_pins_lock_the_name_for_five_minutes_even_after_a_restart(accounts, results_dir, clock):
    for _ in range(4):
        assert not accounts.sign_in("Ann Lee", "0000").ok
    fifth = accounts.sign_in("Ann Lee", "0000")
    assert "locked for 5 minutes" in fifth.message
    restarted = StaffAccounts(results_dir, clock)  # a new process reads the lock from disk
    assert not restarted.sign_in("Ann Lee", "1357").ok
    clock.now += timedelta(minutes=4, seconds=59)
    assert "locked" in restarted.sign_in("Ann Lee", "1357").message
    clock.now += timedelta(seconds=2)
    assert restarted.sign_in("Ann Lee", "1357").ok


def test_a_right_pin_resets_the_count_of_wrong_ones(accounts):
    for _ in range(4):
        accounts.sign_in("Ann Lee", "0000")
    assert accounts.sign_in("Ann Lee", "1357").ok
    for _ in range(4):
        accounts.sign_in("Ann Lee", "0000")
    assert accounts.sign_in("Ann Lee", "1357").ok


def test_reset_pin_replaces_it_and_lifts_a_lock(accounts):
    for _ in range(5):
        accounts.sign_in("Ann Lee", "0000")
    accounts.reset_pin("Ann Lee", "24680")
    assert accounts.sign_in("Ann Lee", "24680").ok
    assert not accounts.sign_in("Ann Lee", "1357").ok


def test_remove_and_list(accounts):
    accounts.add("bo chan", "9999")
    assert accounts.names() == ["Ann Lee", "bo chan"]
    accounts.remove("BO CHAN")
    assert accounts.names() == ["Ann Lee"]
    with pytest.raises(StaffError, match="no account named"):
        accounts.remove("Bo Chan")


@pytest.mark.parametrize("name, pin, message", [
    ("Ann Lee", "1234", "already an account"),
    ("", "1234", "starts with a letter"),
    ("[b]x", "1234", "starts with a letter"),
    ("Cy", "123", "4 to 8 digits"),
    ("Cy", "123456789", "4 to 8 digits"),
])
def test_add_refuses_bad_names_pins_and_duplicates(accounts, name, pin, message):
    with pytest.raises(StaffError, match=message):
        accounts.add(name, pin)


def test_no_accounts_means_not_locked_and_a_damaged_file_keeps_it_locked(results_dir):
    staff = StaffAccounts(results_dir)
    assert not staff.exist()
    path = results_dir / "staff" / "accounts.json"
    path.parent.mkdir(parents=True)
    path.write_text("{ broken")
    assert staff.exist()
    result = staff.sign_in("Ann Lee", "1357")
    assert not result.ok and "cannot be read" in result.message
    assert path.read_text() == "{ broken"


def pins(*typed):
    answers = iter(typed)
    return lambda prompt: next(answers)


def test_staff_add_command_asks_twice_and_retries_on_a_mismatch(results_dir):
    out, err = io.StringIO(), io.StringIO()
    code = run_staff("add", "Ann Lee", results_dir, out, err, read_pin=pins("1357", "1358", "12", "1357", "1357"))
    assert code == 0
    assert "not the same" in out.getvalue() and "4 to 8 digits" in out.getvalue()
    assert StaffAccounts(results_dir).sign_in("Ann Lee", "1357").ok


def test_staff_add_gives_up_after_three_bad_tries(results_dir):
    out, err = io.StringIO(), io.StringIO()
    assert run_staff("add", "Ann Lee", results_dir, out, err, read_pin=pins("1", "2", "3")) == 1
    assert "no PIN was set" in err.getvalue()
    assert not StaffAccounts(results_dir).exist()


def test_staff_commands_from_the_command_line(results_dir, monkeypatch, capsys):
    """add (PIN via getpass), list, reset-pin, remove; a missing NAME is bad usage (exit 2)."""
    typed = iter(["1357", "1357", "2468", "2468"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert main(["staff", "add", "Ann Lee", "--results", str(results_dir)]) == 0
    assert main(["staff", "list", "--results", str(results_dir)]) == 0
    assert "Ann Lee" in capsys.readouterr().out
    assert main(["staff", "reset-pin", "Ann Lee", "--results", str(results_dir)]) == 0
    assert StaffAccounts(results_dir).sign_in("Ann Lee", "2468").ok
    assert main(["staff", "remove", "--results", str(results_dir)]) == 2
    assert main(["staff", "remove", "Ann Lee", "--results", str(results_dir)]) == 0
    assert main(["staff", "remove", "Ann Lee", "--results", str(results_dir)]) == 1
    assert "no account named Ann Lee" in capsys.readouterr().err


def test_creating_an_account_closes_an_open_results_folder(tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    os.chmod(folder, 0o755)
    StaffAccounts(folder).add("Ann Lee", "1357")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
