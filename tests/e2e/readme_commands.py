"""The README's ```sh command blocks, and how a test runs each line as a new clinic would (copied as written).

Rules, one per kind of line (`plan` applies them):

1. A comment or blank line is not a command. A line ending in `\\` goes on on the next line.
2. The test command (`… && .venv/bin/python -m pytest`, what CI runs): its set-up before the last
   `&&` runs; the pytest part is left out (it is CI itself, and would run this test again).
3. Commands that stay up until someone stops them — the kiosk (`main.py` with no command, or `kiosk`),
   `review`, `preview` and `serve` — run in a pseudo-terminal of 80×24 and must come up (the kiosk and
   preview: the welcome screen; review: the sign-in form, not "no staff account yet"; serve: its
   "serving the kiosk" line and its port taking connections); then they are stopped (SIGTERM).
   A kiosk must show the setup banner ("NOT locked") exactly when no `staff add` has run for its
   results folder.
4. `staff add` and `staff reset-pin` get a PIN typed into the pseudo-terminal at each PIN prompt.
5. The files a clinic brings, named by `--certfile` and `--keyfile`, are made first (a self-signed
   certificate, with openssl); without openssl, the line is skipped and said to be.
6. Every other line must exit 0. No line may print a traceback or "something went wrong".

Each line runs in its own shell (`bash -c`), as if typed into a new terminal, from the copy's top folder.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

LONG_RUNNING = ("kiosk", "review", "preview", "serve")
PIN_COMMANDS = ("add", "reset-pin")


@dataclass
class Step:
    """One README line, and what the test does with it."""

    line: str  # as written in the README
    command: str  # what runs (the line, or its set-up part for the test command)
    kind: str = "run"  # run | comes-up
    subcommand: str = ""  # the main.py command of the line's last part ("kiosk" when none)
    results: str = "results"  # the --results folder it names
    types_pin: bool = False
    brings: dict[str, str] = field(default_factory=dict)  # option -> file the clinic brings (--certfile, --keyfile)
    port: int | None = None  # serve's --port
    note: str = ""  # why the command differs from the line


def sh_blocks(readme: str) -> list[list[str]]:
    """The command lines of each ```sh block, comments and blank lines left out, continued lines joined."""
    blocks = []
    for body in re.findall(r"^```sh\n(.*?)^```", readme, flags=re.S | re.M):
        lines: list[str] = []
        pending = ""
        for raw in body.splitlines():
            text = pending + raw
            if text.rstrip().endswith("\\"):
                pending = text.rstrip()[:-1] + " "
                continue
            pending = ""
            if text.strip() and not text.lstrip().startswith("#"):
                lines.append(text.strip())
        blocks.append(lines)
    return blocks


def _last_part(command: str) -> list[str]:
    """The words of the last `&&` part of a line, its trailing comment dropped."""
    try:
        words = shlex.split(command.split("&&")[-1], comments=True)
    except ValueError:
        return []
    return words


def _main_command(words: list[str]) -> tuple[str, list[str]]:
    """The main.py (or comprehend) command in `words`, and the words after it; ("", []) when it runs neither."""
    for index, word in enumerate(words):
        if word.endswith("main.py") or Path(word).name == "comprehend":
            rest = words[index + 1:]
            return (rest[0] if rest and not rest[0].startswith("-") else "kiosk"), rest
    return "", []


def _option(words: list[str], name: str) -> str | None:
    for index, word in enumerate(words):
        if word == name and index + 1 < len(words):
            return words[index + 1]
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
    return None


def plan(line: str) -> Step:
    """What the test does with one README line (the rules in this module's docstring)."""
    step = Step(line=line, command=line)
    parts = [part.strip() for part in line.split("&&")]
    if len(parts) > 1 and re.search(r"(^|\s)(-m\s+)?pytest(\s|$)", parts[-1]):
        step.command = " && ".join(parts[:-1])
        step.note = "the pytest part is left out (rule 2)"
    words = _last_part(step.command)
    subcommand, rest = _main_command(words)
    step.subcommand = subcommand
    step.results = _option(rest, "--results") or "results"
    if subcommand in LONG_RUNNING:
        step.kind = "comes-up"
    if subcommand == "staff" and rest[1:2] and rest[1] in PIN_COMMANDS:
        step.types_pin = True
    for option in ("--certfile", "--keyfile"):
        named = _option(rest, option)
        if named:
            step.brings[option] = named
    if subcommand == "serve":
        step.port = int(_option(rest, "--port") or 8000)
    return step
