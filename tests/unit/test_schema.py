"""The JSON Schema for editors: generated from the loader's definitions, shipped banks pass, broken ones fail."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from comprehend.bank.discovery import bank_files
from comprehend.bank.json_schema import SCHEMA_COMMENT, bank_schema, bank_schema_text
from comprehend.bank.loader import parse_bank
from comprehend.bank.problems import BankError
from comprehend.cli import main
from tests.conftest import ROOT

QUESTIONS = ROOT / "questions"
SHIPPED = bank_files([QUESTIONS])
VALID = """\
id: ok
title: OK
version: 1
facts:
  - id: f
    text: A fact.
questions:
  - id: q
    fact: f
    ask: A question?
    answer: Blue
    wrong:
      - Red
      - text: Green
        why: Because.
"""


def test_the_shipped_schema_is_the_generated_one():
    """questions/bank.schema.json is never edited by hand: regenerate it with `python main.py schema`."""
    assert (QUESTIONS / "bank.schema.json").read_text() == bank_schema_text()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_bank_validates_and_names_the_schema(path):
    text = path.read_text()
    assert text.splitlines()[0] == SCHEMA_COMMENT
    jsonschema.validate(yaml.safe_load(text), bank_schema())


def test_a_valid_bank_passes_both():
    parse_bank(VALID)
    jsonschema.validate(yaml.safe_load(VALID), bank_schema())


BROKEN = {
    "unknown key": VALID.replace("    answer: Blue\n", "    answer: Blue\n    anser: Blue\n"),
    "missing answer": VALID.replace("    answer: Blue\n", ""),
    "number as text": VALID.replace("title: OK", "title: 12"),
    "yes/no as text": VALID.replace("    answer: Blue\n", "    answer: yes\n"),
    "bad id": VALID.replace("id: ok", "id: Not OK"),
    "version zero": VALID.replace("version: 1", "version: 0"),
    "pass mark above 1": VALID.replace("version: 1", "version: 1\npass_mark: 1.5"),
    "max rounds text": VALID.replace("version: 1", "version: 1\nmax_rounds: many"),
    "no wrong choices": VALID.replace("      - Red\n      - text: Green\n        why: Because.\n", "      []\n").replace("    wrong:\n      []", "    wrong: []"),
    "six wrong choices": VALID.replace("      - Red\n", "".join(f"      - Red {n}\n" for n in range(6))),
    "empty text": VALID.replace("text: A fact.", "text: ' '"),
    "top level list": "- id: ok\n",
    "critical not yes/no": VALID.replace("    fact: f\n", "    fact: f\n    critical: sometimes\n"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_banks_the_loader_rejects_the_schema_rejects_too(name):
    text = BROKEN[name]
    with pytest.raises(BankError):
        parse_bank(text)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), bank_schema())


def test_schema_command_writes_the_file(tmp_path, capsys):
    assert main(["schema", "--questions", str(tmp_path)]) == 0
    assert (tmp_path / "bank.schema.json").read_text() == bank_schema_text()
    assert "yaml-language-server" in capsys.readouterr().out
