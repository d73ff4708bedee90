"""The domain (banks, quiz, scoring, store, export) never imports Textual."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

DOMAIN = [
    "comprehend.bank",
    "comprehend.bank.loader",
    "comprehend.bank.discovery",
    "comprehend.quiz",
    "comprehend.scoring",
    "comprehend.record",
    "comprehend.session",
    "comprehend.store",
    "comprehend.check",
    "comprehend.export",
    "comprehend.patient_id",
    "comprehend.words",
    "comprehend.bank.lint",
    "comprehend.bank.language_rules",
    "comprehend.cli",
]


def test_domain_modules_import_without_textual():
    """Importing every domain module in a fresh interpreter leaves textual out of sys.modules."""
    code = "import sys\n" + "".join(f"import {m}\n" for m in DOMAIN) + "print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_kiosk_does_import_textual():
    """The check above can fail: importing the kiosk does bring textual in."""
    code = "import sys\nimport comprehend.kiosk.app\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
