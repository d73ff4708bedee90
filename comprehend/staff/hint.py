"""The command that creates a staff account, as the "no staff account yet" messages print it.

It names the results folder whenever it is not the default one (`results/` in the folder the command
runs from), so following the message creates the account where the kiosk or review looks for it.
"""

from __future__ import annotations

import shlex
from pathlib import Path

RUN = ".venv/bin/python main.py"  # how the README runs every command, after its set-up
DEFAULT_RESULTS = Path("results")


def staff_add_command(results: Path | str, name: str = "NAME", action: str = "add") -> str:
    """`.venv/bin/python main.py staff add NAME`, with `--results DIR` when `results` is not the default folder."""
    command = f"{RUN} staff {action} {name}"
    if _is_default(Path(results)):
        return command
    return f"{command} --results {shlex.quote(str(results))}"


def _is_default(results: Path) -> bool:
    try:
        return results.resolve() == DEFAULT_RESULTS.resolve()
    except (OSError, RuntimeError):  # a link loop or a vanished folder: name it, to be safe
        return False
