"""`check` compares a translation (`<id>.<language>.yaml`) with its original: exactly the same fact and question ids."""

from __future__ import annotations

import io
import shutil

from comprehend.check import run_check
from tests.conftest import SMALL_BANK


def translated(text: str) -> str:
    """The small bank in 'Spanish' (the words do not matter to the id check)."""
    return text.replace("title: A small test bank", "title: Un banco pequeño").replace("version: 2", "version: 2\nlanguage: es")


def setup(tmp_path, change=lambda text: text):
    shutil.copy(SMALL_BANK, tmp_path / "small.yaml")
    (tmp_path / "small.es.yaml").write_text(change(translated(SMALL_BANK.read_text())))
    out = io.StringIO()
    code = run_check([tmp_path], out)
    return code, out.getvalue()


def test_a_translation_with_the_same_ids_passes(tmp_path):
    code, text = setup(tmp_path)
    assert code == 0 and "2 valid, 0 with errors" in text


def test_a_missing_question_is_an_error_in_the_translation(tmp_path):
    code, text = setup(tmp_path, lambda t: t[: t.index("  - id: sky-again")])
    assert code == 1
    assert f"{tmp_path / 'small.es.yaml'}:2:1: error: the es translation of 'small' has no question 'sky-again'" in text
    assert "1 valid, 1 with errors" in text and "3 facts and 4 questions in the valid banks" in text


def test_an_extra_fact_a_moved_question_and_a_changed_critical_mark(tmp_path):
    def change(t):
        t = t.replace("questions:\n", "  - id: rain\n    text: Llueve.\nquestions:\n")
        t = t.replace("  - id: grass-colour\n    fact: grass\n", "  - id: grass-colour\n    fact: snow\n")
        return t.replace("  - id: sky-again\n    fact: sky\n    critical: true\n", "  - id: sky-again\n    fact: sky\n")
    code, text = setup(tmp_path, change)
    assert code == 1
    assert "has the fact 'rain', which" in text
    assert "the question 'grass-colour' asks about the fact 'snow', but in the original about 'grass'" in text
    assert "the question 'sky-again' is not critical, unlike the original" in text


def test_a_translation_must_say_its_language(tmp_path):
    code, text = setup(tmp_path, lambda t: t.replace("language: es", "language: en"))
    assert code == 1 and "has the same language ('en')" in text
