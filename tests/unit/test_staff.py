"""Staff accounts: PINs only as scrypt hashes, owner-only file, wrong PINs counted per device, any file shape survived."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from datetime import datetime, timedelta, timezone

import pytest

from comprehend.cli import main
from comprehend.staff import pin_hash
from comprehend.staff.accounts import DAMAGED, TOO_MANY, WAIT, WRONG, StaffAccounts, StaffError
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
    staff.add("Ann Lee", "135799")
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
    accounts.add("Bo Chan", "135799")
    raw = (results_dir / "staff" / "accounts.json").read_text()
    stored = json.loads(raw)["accounts"]
    # the PIN is no stored value (a random hex salt or hash may contain the digits 1357 by chance)
    assert "135799" not in {value for account in stored.values() for value in _strings(account)}
    assert all(re.fullmatch(r"[0-9a-f]{32}", a["pin"]["salt"]) and re.fullmatch(r"[0-9a-f]{64}", a["pin"]["hash"])
               for a in stored.values())
    hashes = {account["pin"]["hash"] for account in stored.values()}
    assert len(hashes) == 2 and all(account["pin"]["scheme"] == "scrypt" for account in stored.values())


def test_accounts_file_and_folder_are_owner_only(accounts, results_dir):
    path = results_dir / "staff" / "accounts.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_right_pin_signs_in_with_the_stored_name(accounts):
    result = accounts.sign_in("  ann   LEE ", "135799")
    assert result.ok and result.name == "Ann Lee"


@pytest.mark.parametrize("name, pin", [("Ann Lee", "135798"), ("Nobody", "135799"), ("Ann Lee", ""), ("Ann Lee", "13a799")])
def test_wrong_name_or_pin_gets_the_same_calm_message(accounts, name, pin):
    """A wrong PIN and an unknown name cannot be told apart."""
    result = accounts.sign_in(name, pin)
    assert not result.ok
    assert result.message == WRONG


def test_five_wrong_pins_make_this_device_wait_five_minutes_even_after_a_restart(accounts, results_dir, clock):
    for _ in range(4):
        assert not accounts.sign_in("Ann Lee", "000000").ok
    fifth = accounts.sign_in("Ann Lee", "000000")
    assert fifth.message == TOO_MANY
    restarted = StaffAccounts(results_dir, clock, device=accounts.device)  # a new process reads the count from disk
    assert not restarted.sign_in("Ann Lee", "135799").ok
    clock.now += timedelta(minutes=4, seconds=59)
    assert restarted.sign_in("Ann Lee", "135799").message == WAIT
    clock.now += timedelta(seconds=2)
    assert restarted.sign_in("Ann Lee", "135799").ok


def test_a_right_pin_resets_the_count_of_wrong_ones(accounts):
    for _ in range(4):
        accounts.sign_in("Ann Lee", "000000")
    assert accounts.sign_in("Ann Lee", "135799").ok
    for _ in range(4):
        accounts.sign_in("Ann Lee", "000000")
    assert accounts.sign_in("Ann Lee", "135799").ok


def test_reset_pin_replaces_it(accounts):
    accounts.reset_pin("Ann Lee", "2468035")
    assert accounts.sign_in("Ann Lee", "2468035").ok
    assert not accounts.sign_in("Ann Lee", "135799").ok


def test_remove_and_list(accounts):
    accounts.add("bo chan", "908172")
    assert accounts.names() == ["Ann Lee", "bo chan"]
    accounts.remove("BO CHAN")
    assert accounts.names() == ["Ann Lee"]
    with pytest.raises(StaffError, match="no account named"):
        accounts.remove("Bo Chan")


@pytest.mark.parametrize("name, pin, message", [
    ("Ann Lee", "570913", "already an account"),
    ("", "570913", "starts with a letter"),
    ("[b]x", "570913", "starts with a letter"),
    ("Cy", "123", "6 to 8 digits"),
    ("Cy", "123456789", "6 to 8 digits"),
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
    result = staff.sign_in("Ann Lee", "135799")
    assert not result.ok and result.message == DAMAGED
    assert path.read_text() == "{ broken"


def pins(*typed):
    answers = iter(typed)
    return lambda prompt: next(answers)


def test_staff_add_command_asks_twice_and_retries_on_a_mismatch(results_dir):
    out, err = io.StringIO(), io.StringIO()
    code = run_staff("add", "Ann Lee", results_dir, out, err, read_pin=pins("135799", "135798", "12", "135799", "135799"))
    assert code == 0
    assert "not the same" in out.getvalue() and "6 to 8 digits" in out.getvalue()
    assert StaffAccounts(results_dir).sign_in("Ann Lee", "135799").ok


def test_staff_add_gives_up_after_three_bad_tries(results_dir):
    out, err = io.StringIO(), io.StringIO()
    assert run_staff("add", "Ann Lee", results_dir, out, err, read_pin=pins("1", "2", "3")) == 1
    assert "no PIN was set" in err.getvalue()
    assert not StaffAccounts(results_dir).exist()


def test_staff_commands_from_the_command_line(results_dir, monkeypatch, capsys):
    """add (PIN via getpass), list, reset-pin, remove; a missing NAME is bad usage (exit 2)."""
    typed = iter(["135799", "135799", "246813", "246813"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert main(["staff", "add", "Ann Lee", "--results", str(results_dir)]) == 0
    assert main(["staff", "list", "--results", str(results_dir)]) == 0
    assert "Ann Lee" in capsys.readouterr().out
    assert main(["staff", "reset-pin", "Ann Lee", "--results", str(results_dir)]) == 0
    assert StaffAccounts(results_dir).sign_in("Ann Lee", "246813").ok
    assert main(["staff", "remove", "--results", str(results_dir)]) == 2
    monkeypatch.setattr("builtins.input", lambda prompt="": "Ann Lee")  # the last account: confirmed by typing the name
    assert main(["staff", "remove", "Ann Lee", "--results", str(results_dir)]) == 0
    assert main(["staff", "remove", "Ann Lee", "--results", str(results_dir)]) == 1
    assert "no account named Ann Lee" in capsys.readouterr().err


def test_creating_an_account_closes_an_open_results_folder(tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    os.chmod(folder, 0o755)
    StaffAccounts(folder).add("Ann Lee", "135799")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# --- issue 11: every accounts-file shape, write failures, timing, per-device throttle, new PINs -----

DAMAGED_SHAPES = {
    "missing pin": {"accounts": {"ann lee": {"name": "Ann Lee"}}},
    "string entry": {"accounts": {"ann lee": "Ann Lee"}},
    "n is 3": {"accounts": {"ann lee": {"name": "Ann Lee", "pin": {"scheme": "scrypt", "n": 3, "r": 8, "p": 1,
                                                                     "salt": "ab" * 16, "hash": "cd" * 32}}}},
    "huge n": {"accounts": {"ann lee": {"name": "Ann Lee", "pin": {"scheme": "scrypt", "n": 2**60, "r": 8, "p": 1,
                                                                     "salt": "ab" * 16, "hash": "cd" * 32}}}},
    "salt not hex": {"accounts": {"ann lee": {"name": "Ann Lee", "pin": {"scheme": "scrypt", "n": 2**14, "r": 8, "p": 1,
                                                                           "salt": "zz", "hash": "cd" * 32}}}},
    "pin is a list": {"accounts": {"ann lee": {"name": "Ann Lee", "pin": ["scrypt"]}}},
    "name is a number": {"accounts": {"ann lee": {"name": 7, "pin": {}}}},
}
RAW_SHAPES = {
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep nesting in a table": b'{"accounts": {"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    "huge number": b'{"accounts": {"x": {"name": "X", "pin": {"n": 1' + b"0" * 10_000 + b"}}}}",
    "random bytes": bytes(range(256)) * 4,
    "accounts is a list": b'{"accounts": []}',
    "a JSON string": b'"accounts"',
}


def _damaged_files():
    cases = [(label, json.dumps(shape).encode()) for label, shape in DAMAGED_SHAPES.items()]
    return cases + list(RAW_SHAPES.items())


@pytest.mark.parametrize("label, raw", _damaged_files(), ids=[label for label, _ in _damaged_files()])
def test_a_damaged_accounts_file_of_any_shape_keeps_the_kiosk_locked_and_refuses_calmly(results_dir, label, raw):
    """Never raises, stays locked (exist), refuses every sign-in pointing staff to `staff list`, changes nothing."""
    staff = StaffAccounts(results_dir)
    path = results_dir / "staff" / "accounts.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    assert staff.exist()
    for name, pin in [("Ann Lee", "1357"), ("Nobody", "123"), ("x", "")]:
        result = staff.sign_in(name, pin)
        assert not result.ok and "staff list" in result.message and "cannot be read" in result.message
    assert path.read_bytes() == raw and sorted(p.name for p in path.parent.iterdir()) == ["accounts.json"]


@pytest.mark.parametrize("label, raw", _damaged_files(), ids=[label for label, _ in _damaged_files()])
def test_staff_commands_name_a_damaged_accounts_file_and_change_nothing(results_dir, label, raw):
    path = results_dir / "staff" / "accounts.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    for action in ("list", "remove", "add"):
        out, err = io.StringIO(), io.StringIO()
        assert run_staff(action, "Ann Lee", results_dir, out, err, read_pin=pins("570913", "570913"),
                         confirm=lambda prompt: "Ann Lee") == 1
        assert "accounts.json" in err.getvalue() and "restore it" in err.getvalue()
    assert path.read_bytes() == raw


def test_wrong_pins_lock_this_device_not_the_name(results_dir, clock):
    """Five wrong PINs at the kiosk make the kiosk wait; the nurse still signs in at the review PC."""
    kiosk = StaffAccounts(results_dir, clock, device="kiosk-1")
    kiosk.add("Ann Lee", "570913")
    answers = [kiosk.sign_in("Ann Lee", "000000").message for _ in range(5)]
    assert answers[-1] == TOO_MANY
    assert not kiosk.sign_in("Ann Lee", "570913").ok  # this device waits, even for the right PIN
    assert StaffAccounts(results_dir, clock, device="review-pc").sign_in("Ann Lee", "570913").ok
    restarted = StaffAccounts(results_dir, clock, device="kiosk-1")  # the count is kept on disk per device
    assert restarted.sign_in("Ann Lee", "570913").message == WAIT
    clock.now += timedelta(minutes=5, seconds=1)
    assert restarted.sign_in("Ann Lee", "570913").ok


@pytest.mark.parametrize("name, pin", [("Ann Lee", "000000"), ("Nobody", "000000"), ("Ann Lee", "123"),
                                       ("Nobody", "123"), ("Ann Lee", ""), ("Ann Lee", "13a7"), ("", "57091312345")])
def test_every_name_and_pin_shape_gets_the_same_words_and_one_full_hash(results_dir, clock, monkeypatch, name, pin):
    """An unknown name, a wrong PIN and a PIN of the wrong shape cost one hash at the current cost and read the same."""
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    staff.add("Ann Lee", "570913")
    costs = []
    real = pin_hash._scrypt

    def counting(pin_bytes, salt, cost):
        costs.append(cost)
        return real(pin_bytes, salt, cost)

    monkeypatch.setattr(pin_hash, "_scrypt", counting)
    messages = [staff.sign_in(name, pin).message for _ in range(5)]
    assert messages == [WRONG] * 4 + [TOO_MANY]
    assert costs == [staff.cost] * 5
    costs.clear()
    assert staff.sign_in(name, pin).message == WAIT and costs == [staff.cost]


def test_a_failed_write_of_the_wrong_pin_count_neither_crashes_nor_lets_a_pin_in(results_dir, clock, monkeypatch):
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    staff.add("Ann Lee", "570913")

    def full_disk(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("comprehend.staff.throttle.atomic_write_text", full_disk)
    assert [staff.sign_in("Ann Lee", "111111").ok for _ in range(4)] == [False] * 4
    assert staff.sign_in("Ann Lee", "111111").message == TOO_MANY  # counted in memory
    assert not staff.sign_in("Ann Lee", "570913").ok


def test_a_read_only_accounts_folder_or_a_symlinked_lock_does_not_crash_sign_in(results_dir, clock, tmp_path, monkeypatch):
    """Signing in only reads; the rehash of an old hash is skipped (and logged) when it cannot be written."""
    path = results_dir / "staff" / "accounts.json"
    path.parent.mkdir(parents=True)
    legacy = pin_hash.hash_pin("1357", pin_hash.LEGACY)
    path.write_text(json.dumps({"accounts": {"ann lee": {"name": "Ann Lee", "pin": legacy, "wrong": 0, "locked_until": None}}}))
    target = tmp_path / "outside.txt"
    target.write_text("not yours")
    (path.parent / "accounts.json.lock").symlink_to(target)
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    assert staff.sign_in("Ann Lee", "1357").ok
    assert not staff.sign_in("Ann Lee", "1358").ok
    assert target.read_text() == "not yours"
    assert json.loads(path.read_text())["accounts"]["ann lee"]["pin"] == legacy  # not rewritten through the lock
    (path.parent / "accounts.json.lock").unlink()

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("comprehend.store.files.tempfile.mkstemp", read_only)
    assert staff.sign_in("Ann Lee", "1357").ok
    with pytest.raises(StaffError, match="could not be saved"):
        staff.add("Bo Chan", "570913")


def test_an_old_four_digit_pin_with_the_old_cost_still_signs_in_and_is_rehashed(results_dir, clock):
    path = results_dir / "staff" / "accounts.json"
    path.parent.mkdir(parents=True)
    legacy = pin_hash.hash_pin("1357", pin_hash.LEGACY)
    path.write_text(json.dumps({"accounts": {"ann lee": {"name": "Ann Lee", "pin": legacy, "wrong": 2, "locked_until": None}}}))
    staff = StaffAccounts(results_dir, clock)
    assert staff.sign_in("Ann Lee", "1357").ok
    stored = json.loads(path.read_text())["accounts"]["ann lee"]["pin"]
    assert stored["n"] == staff.cost.n and stored["p"] == staff.cost.p and stored["hash"] != legacy["hash"]
    assert staff.sign_in("Ann Lee", "1357").ok and not staff.sign_in("Ann Lee", "1358").ok


def test_the_default_cost_is_the_strong_one_and_tests_use_a_cheap_one():
    """The benchmark (benchmarks/pin_check.py) times the strong cost; here only its parameters are checked."""
    assert pin_hash.STRONG.n * pin_hash.STRONG.r * pin_hash.STRONG.p >= 2**16 * 8
    assert pin_hash.STRONG.n > pin_hash.LEGACY.n
    assert pin_hash.DEFAULT_COST != pin_hash.STRONG  # the autouse fixture in tests/conftest.py


@pytest.mark.parametrize("pin", ["0000", "1357", "12345", "000000", "111111", "123456", "654321", "121212", "123123",
                                 "112233", "12345678", "87654321", "11111111", "890123", "246810", "123456789", "12a456"])
def test_new_pins_are_6_to_8_digits_and_not_common_repeats_or_runs(accounts, pin):
    with pytest.raises(StaffError):
        accounts.add("Cy Dow", pin)
    with pytest.raises(StaffError):
        accounts.reset_pin("Ann Lee", pin)


def test_a_good_six_digit_pin_is_accepted(accounts):
    accounts.add("Cy Dow", "570913")
    assert accounts.sign_in("Cy Dow", "570913").ok


def test_removing_the_last_account_says_it_unlocks_the_kiosk_and_asks_to_confirm(results_dir):
    staff = StaffAccounts(results_dir)
    staff.add("Ann Lee", "570913")
    out, err = io.StringIO(), io.StringIO()
    asked = []
    assert run_staff("remove", "Ann Lee", results_dir, out, err, confirm=lambda p: asked.append(p) or "no") == 1
    assert "unlocks the kiosk" in asked[0] and staff.names() == ["Ann Lee"]
    assert "Nothing was removed" in err.getvalue()
    out = io.StringIO()
    assert run_staff("remove", "ann lee", results_dir, out, err, confirm=lambda p: "Ann Lee") == 0
    assert not staff.exist() and "NOT locked" in out.getvalue()
    with pytest.raises(StaffError):
        StaffAccounts(results_dir).remove("Ann Lee")


@pytest.mark.parametrize("raw", [b"\xff\xfe garbage", b"[" * 100_000 + b"]" * 100_000, b'{"wrong": "5", "wait_until": null}',
                                 b'{"wrong": 1' + b"0" * 10_000 + b', "wait_until": null}', b'{"wrong": 0, "wait_until": "soon"}',
                                 b'{"wrong": 0, "wait_until": "2026-11-02T09:00:00"}', b"[]", b""])
def test_a_damaged_wrong_pin_count_is_set_aside_and_named_and_sign_in_goes_on(results_dir, clock, raw, caplog):
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    staff.add("Ann Lee", "570913")
    count = results_dir / "staff" / "devices" / "kiosk-1.json"
    count.parent.mkdir(parents=True)
    count.write_bytes(raw)
    assert staff.sign_in("Ann Lee", "570913").ok
    [aside] = count.parent.glob("kiosk-1.json.damaged-*")
    assert aside.read_bytes() == raw and aside.name in caplog.text


def test_a_far_future_wait_in_the_count_file_is_cut_to_one_wait(results_dir, clock):
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    staff.add("Ann Lee", "570913")
    count = results_dir / "staff" / "devices" / "kiosk-1.json"
    count.parent.mkdir(parents=True)
    count.write_text(json.dumps({"wrong": 0, "wait_until": "9999-01-01T00:00:00+00:00"}))
    assert staff.sign_in("Ann Lee", "570913").message == WAIT
    clock.now += timedelta(minutes=5, seconds=1)
    assert staff.sign_in("Ann Lee", "570913").ok


def test_the_wrong_pin_count_is_never_written_through_a_symlink(results_dir, clock, tmp_path):
    """results/staff/devices pointing elsewhere: nothing is written there, and the count still holds in memory."""
    staff = StaffAccounts(results_dir, clock, device="kiosk-1")
    staff.add("Ann Lee", "570913")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (results_dir / "staff" / "devices").symlink_to(outside)
    answers = [staff.sign_in("Ann Lee", "111111").message for _ in range(5)]
    assert answers[-1] == TOO_MANY and list(outside.iterdir()) == []
