"""Before anything else: can this Python run comprehend? If not, one short sentence naming the set-up, never a traceback.

Only the standard library, and syntax any Python 3 reads, so that a wrong Python (the system one,
without the packages the README's set-up installs into .venv) gets the sentence, not an error.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec

# The import names of the packages in pyproject.toml's dependencies (a test keeps the two in step).
DEPENDENCIES = ("textual", "yaml", "tinydb", "filelock", "fpdf", "textstat", "textual_serve")
SET_UP = "python3 -m venv .venv && .venv/bin/pip install -e ."
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the checkout, where main.py and .venv are


def missing_packages() -> list:
    """The dependencies this Python cannot import (found without importing them, so a start stays fast)."""
    missing = []
    for name in DEPENDENCIES:
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def setup_problem(argv: list) -> str:
    """What stops this Python from running comprehend, as a sentence saying what to type instead; "" when nothing does."""
    if sys.version_info < (3, 11):
        why = f"comprehend needs Python 3.11 or newer, and {sys.executable} is {sys.version.split()[0]}"
    else:
        missing = missing_packages()
        if not missing:
            return ""
        why = f"this Python ({sys.executable}) lacks the packages comprehend needs"
    return why_and_what_to_type(why, argv)


def why_and_what_to_type(why: str, argv: list) -> str:
    """`why`, then the command to type: the same one with the Python set up in .venv (and how to set it up if it is not)."""
    import shlex  # only when there is something to say: a start stays fast

    here = os.path.abspath(os.getcwd()) == ROOT
    python = os.path.join(".venv", "bin", "python") if here else os.path.join(ROOT, ".venv", "bin", "python")
    main = "main.py" if here else os.path.join(ROOT, "main.py")
    command = " ".join([shlex.quote(python), shlex.quote(main), *(shlex.quote(arg) for arg in argv)])
    venv = os.path.join(ROOT, ".venv")
    if os.path.realpath(sys.prefix) == os.path.realpath(venv):  # the .venv itself lacks them: install again
        pip = os.path.join(".venv", "bin", "pip") if here else os.path.join(venv, "bin", "pip")
        install = f"{shlex.quote(pip)} install -e ." if here else f"cd {shlex.quote(ROOT)} && {shlex.quote(pip)} install -e ."
        return f"comprehend: {why}. Install them into .venv with: {install} — then run: {command}"
    if os.path.exists(os.path.join(venv, "bin", "python")):
        return f"comprehend: {why}. Use the Python set up in .venv instead: {command}"
    setup = SET_UP if here else f"cd {shlex.quote(ROOT)} && {SET_UP}"
    return f"comprehend: {why}. Set it up once with: {setup} — then run: {command}"
