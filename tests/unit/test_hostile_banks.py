"""Hostile bank files: deep nesting, alias loops, pipes, devices and huge files are refused with file:line, never a crash or a hang.

The crashes (signal 11 in PyYAML's C composer) and hangs (a FIFO, /dev/zero) would take pytest down with
them, so those cases run `main.py` in a child process with a timeout and a memory cap.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest

from comprehend.bank.loader import parse_bank
from comprehend.bank.problems import BankError
from tests.conftest import ROOT

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
