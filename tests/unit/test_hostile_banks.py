"""Hostile bank files: deep nesting, alias loops, pipes, devices and huge files are refused with file:line, never a crash or a hang.

The crashes (signal 11 in PyYAML's C composer) and hangs (a FIFO, /dev/zero) would take pytest down with
them, so those cases run `main.py` in a child process with a timeout and a memory cap.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from comprehend.bank.discovery import kiosk_banks
from comprehend.bank.loader import load_bank, parse_bank
from comprehend.bank.problems import BankError
from tests.conftest import KYPHOPLASTY, ROOT

MEMORY_CAP = 1024 * 1024 * 1024  # a child that reads /dev/zero runs out of this instead of the machine's memory
PROBLEM_LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$", re.MULTILINE)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_main(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """main.py in a child process: a crash shows as a negative return code, a hang as TimeoutExpired."""
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_cap_memory)


def deep_flow_list(depth: int) -> str:
    return "[" * depth + "]" * depth + "\n"


def deep_flow_mapping(depth: int) -> str:
    return "a: " + "{a: " * depth + "1" + "}" * depth + "\n"


def deep_block_list(depth: int) -> str:
    return "- " * depth + "x\n"  # block lists in compact form: each '- ' opens one more level


def deep_block_indent(depth: int) -> str:
    return "".join(" " * level + "a:\n" for level in range(depth)) + " " * depth + "b: 1\n"


NESTINGS = {"flow list": deep_flow_list, "flow mapping": deep_flow_mapping, "block list": deep_block_list}


def problem_lines(output: str) -> list[re.Match]:
    return list(PROBLEM_LINE.finditer(output))


@pytest.mark.parametrize("depth", [50_000, 200_000])
@pytest.mark.parametrize("shape", sorted(NESTINGS))
def test_deep_nesting_exits_cleanly_with_file_line_col(tmp_path, shape, depth):
    """50,000 and 200,000 levels used to kill the process (signal 11): now one error at the first level too deep."""
    path = tmp_path / "deep.yaml"
    path.write_text(NESTINGS[shape](depth))
    done = run_main("check", str(path))
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    found = problem_lines(done.stdout)
    assert [m["path"] for m in found] == [str(path)]
    assert "nested more than 20 deep" in found[0]["message"]
    assert int(found[0]["line"]) == 1
    assert "Traceback" not in done.stderr and "something went wrong" not in done.stderr


def test_deep_block_indentation_exits_cleanly(tmp_path):
    """Indented 'key:' lines 1,500 deep (as deep as fits in a bank's size limit) gave a bare RecursionError."""
    path = tmp_path / "deep.yaml"
    path.write_text(deep_block_indent(1_500))
    done = run_main("check", str(path))
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    found = problem_lines(done.stdout)
    assert len(found) == 1 and "nested more than 20 deep" in found[0]["message"]
    assert (int(found[0]["line"]), int(found[0]["col"])) == (21, 21)  # the 21st 'a:' opens the 21st group


@pytest.mark.parametrize("depth", [1_000, 5_000, 20_000])
@pytest.mark.parametrize("shape", sorted(NESTINGS) + ["block indent"])
def test_nesting_of_thousands_is_refused_not_a_recursion_error(shape, depth):
    """Nesting of 1,000 to 20,000 gave a bare RecursionError out of the loader."""
    if shape == "block indent" and depth > 1_000:
        pytest.skip("indentation this deep is larger than any bank may be")
    text = deep_block_indent(depth) if shape == "block indent" else NESTINGS[shape](depth)
    with pytest.raises(BankError) as caught:
        parse_bank(text, "deep.yaml")
    assert any("nested more than 20 deep" in p.message for p in caught.value.problems)


def test_twenty_levels_are_still_read():
    """The limit refuses only what no bank needs: 20 levels are read (and then found not to be a bank)."""
    with pytest.raises(BankError) as caught:
        parse_bank("a: " + "[" * 19 + "]" * 19 + "\n", "ok.yaml")
    assert not any("nested" in p.message for p in caught.value.problems)


@pytest.mark.parametrize("text, line, col", [
    ("a: &a [*a]\n", 1, 8),
    ("a: &a {b: *a}\n", 1, 11),
    ("a: &a\n  - x\n  - b: &b [*a]\n", 3, 12),
    ("id: x\nfacts: &f\n  - id: one\n    text: *f\n", 4, 11),
])
def test_recursive_alias_is_refused_with_its_place(text, line, col):
    """An alias inside the value it names (`a: &a [*a]`) gave a bare RecursionError."""
    with pytest.raises(BankError) as caught:
        parse_bank(text, "loop.yaml")
    loops = [p for p in caught.value.problems if "a loop with no end" in p.message]
    assert [(p.path, p.line, p.col) for p in loops] == [("loop.yaml", line, col)]


def test_an_alias_to_a_finished_value_still_works():
    """Plain aliases to a value above are still expanded as before."""
    text = ("id: demo\ntitle: &title A demo bank\nversion: 1\nfacts:\n  - id: one\n    text: The first point.\n"
            "    topic: *title\nquestions:\n  - id: q-one\n    fact: one\n    ask: What is the first point?\n"
            "    answer: The first one\n    wrong: [The last one]\n")
    assert parse_bank(text, "alias.yaml").facts[0].topic == "A demo bank"


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "x.yaml"
    os.mkfifo(path)
    return path


def test_a_fifo_named_as_a_bank_is_refused_at_once(fifo):
    """`check x.yaml` on a FIFO waited for ever for a writer."""
    done = run_main("check", str(fifo), timeout=60)
    assert done.returncode == 1
    assert f"{fifo}:1:1: error: this is not a regular file" in done.stdout


def test_a_fifo_in_the_questions_folder_is_named_and_the_rest_is_checked(tmp_path, fifo):
    """In a folder, a FIFO with a bank's name is listed as a problem (it was silently passed over) and the good bank is checked."""
    (tmp_path / "kyphoplasty.yaml").write_bytes(KYPHOPLASTY.read_bytes())
    done = run_main("check", str(tmp_path), timeout=60)
    assert f"{fifo}:1:1: error: this is not a regular file" in done.stdout
    assert "checked 2 banks: 1 valid, 1 with errors" in done.stdout


def test_a_device_is_refused_as_a_bank(tmp_path):
    """A link named like a bank that points at /dev/zero is refused, not read until memory runs out."""
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(BankError, match="this is not a regular file"):
        load_bank(link)


def _bank_with_source(tmp_path: Path, source: str) -> Path:
    text = KYPHOPLASTY.read_text(encoding="utf-8").replace("version:", f"source_file: {source}\nversion:", 1)
    path = tmp_path / "kyphoplasty.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("source", ["fifo", "/dev/zero"])
def test_a_source_file_that_is_a_fifo_or_a_device_is_refused_at_once(tmp_path, source):
    """source_file: pointing at a FIFO hung `check`; at /dev/zero it ate memory. Now: a warning naming it."""
    if source == "fifo":
        os.mkfifo(tmp_path / "fifo")
    bank = _bank_with_source(tmp_path, source)
    done = run_main("check", str(bank), timeout=60)
    assert done.returncode == 0, done.stdout[-800:] + done.stderr[-800:]
    assert re.search(rf"^{re.escape(str(bank))}:\d+:\d+: warning: the source material \S*{re.escape(source)} "
                     r"cannot be read \(it is not a regular file\)", done.stdout, re.MULTILINE), done.stdout[-800:]


@pytest.mark.parametrize("source", ["fifo", "/dev/zero"])
def test_check_source_option_refuses_a_fifo_or_a_device(tmp_path, source):
    """`check --source` reads through the same gate as source_file."""
    if source == "fifo":
        os.mkfifo(tmp_path / "fifo")
        source = str(tmp_path / "fifo")
    done = run_main("check", str(KYPHOPLASTY), "--source", source, timeout=60)
    assert "cannot be read (it is not a regular file)" in done.stdout, done.stdout[-800:] + done.stderr[-800:]


def test_a_huge_source_file_is_refused_without_reading_it(tmp_path):
    """A source material file far larger than any leaflet is refused by its size."""
    from comprehend.bank.lint import MAX_SOURCE_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no disk is used
    bank = load_bank(_bank_with_source(tmp_path, "huge.txt"))
    from comprehend.bank.lint import lint_bank

    messages = [p.message for p in lint_bank(bank) if p.rule == "source-unreadable"]
    assert messages == [f"the source material {huge} cannot be read (it is {(MAX_SOURCE_BYTES + 1) // 1024} KB; "
                        f"source material may be at most {MAX_SOURCE_BYTES // 1024} KB)"]


def _questions_with_hostile_banks(folder: Path, good: bool) -> Path:
    folder.mkdir()
    if good:
        (folder / "kyphoplasty.yaml").write_bytes(KYPHOPLASTY.read_bytes())
    (folder / "deep.yaml").write_text(deep_flow_list(60_000))
    (folder / "loop.yaml").write_text("a: &a [*a]\n")
    (folder / "indent.yaml").write_text(deep_block_indent(1_200))
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return folder


HOSTILE = ["deep.yaml", "indent.yaml", "loop.yaml", "pipe.yaml", "zero.yaml"]


def test_kiosk_discovery_returns_the_good_banks_and_a_problem_per_bad_one(tmp_path):
    """Hostile banks beside a good one: the kiosk gets the good one, and each bad file is named as a problem.

    Run in a child process: before the fix this crashed (signal 11) or hung the process doing it.
    """
    code = ("import sys; from pathlib import Path; from tests.unit.test_hostile_banks import discovery_report; "
            "print(discovery_report(Path(sys.argv[1])))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, preexec_fn=_cap_memory)
    assert done.returncode == 0, (done.returncode, done.stderr[-800:])
    assert done.stdout.split() == ["kyphoplasty", "kyphoplasty", *HOSTILE]


def discovery_report(tmp_path: Path) -> str:
    """The ids kiosk_choice and kiosk_banks return for a folder of hostile banks, then the files it names as problems."""
    from comprehend.bank.discovery import kiosk_choice

    folder = _questions_with_hostile_banks(tmp_path / "questions", good=True)
    choice = kiosk_choice(folder, None)
    assert all(p.severity == "error" and p.line >= 1 for p in choice.problems)
    named = sorted({Path(p.path).name for p in choice.problems})
    return " ".join([*(b.id for b in choice.banks), *(b.id for b in kiosk_banks(folder, None)), *named])


def test_kiosk_with_only_hostile_banks_exits_1_with_the_problems(tmp_path):
    """No good bank: `main.py` exits 1 and prints each problem, never a traceback or a signal."""
    folder = _questions_with_hostile_banks(tmp_path / "questions", good=False)
    done = run_main("kiosk", "--questions", str(folder), "--results", str(tmp_path / "results"))
    assert done.returncode == 1, (done.returncode, done.stderr[-800:])
    assert "Traceback" not in done.stderr and "something went wrong" not in done.stderr
    assert "the kiosk cannot start" in done.stderr
    for name in HOSTILE:
        assert str(folder / name) in done.stderr
    assert done.returncode != -signal.SIGSEGV
