"""Educator warnings: each rule with a bank that triggers it and one that does not; --strict, --format json."""

from __future__ import annotations

import io
import json

import pytest

from comprehend.bank.lint import lint_bank
from comprehend.bank.loader import load_bank, parse_bank
from comprehend.check import run_check
from tests.conftest import KYPHOPLASTY

CLEAN = """\
id: lint-test
title: Lint test
version: 1
facts:
  - id: sky
    text: The sky is blue on a clear day.
  - id: snow
    text: Snow is cold.
questions:
  - id: sky-colour
    fact: sky
    critical: true
    ask: What colour is a clear sky?
    answer: Blue
    wrong:
      - Green
      - Red
    explain: On a clear day the sky is blue.
  - id: sky-again
    fact: sky
    critical: true
    ask: On a clear day, the sky is what colour?
    answer: Blue
    wrong:
      - Yellow
      - Black
  - id: snow-feel
    fact: snow
    ask: How does snow feel?
    answer: Cold
    wrong:
      - Hot
      - Warm
"""


def warnings(text: str, source=None) -> list:
    return lint_bank(parse_bank(text, "bank.yaml"), source)


def rules(text: str, source=None) -> set[str]:
    return {problem.rule for problem in warnings(text, source)}


def test_the_clean_bank_has_no_warnings():
    assert warnings(CLEAN) == []


def test_kyphoplasty_bank_has_no_warnings():
    """The shipped bank is fixed, not the rules."""
    assert lint_bank(load_bank(KYPHOPLASTY)) == []


def test_reading_grade_above_6():
    hard = CLEAN.replace("text: Snow is cold.", "text: Precipitation crystallizes atmospheric moisture, generating considerable refrigeration.")
    [problem] = [p for p in warnings(hard) if p.rule == "reading-grade"]
    assert problem.line == 8 and problem.col == 11
    assert "the fact 'snow' reads at grade" in problem.message and problem.hint


def test_sentence_over_15_words():
    long = CLEAN.replace("text: Snow is cold.", "text: Snow is cold and wet and white and it falls from the sky in the winter on the town.")
    assert "long-sentence" in rules(long)
    split = CLEAN.replace("text: Snow is cold.", "text: Snow is cold and wet and white. It falls from the sky in the winter on the town.")
    assert "long-sentence" not in rules(split)


def test_right_answer_clearly_the_longest():
    give_away = CLEAN.replace("    answer: Cold\n", "    answer: Cold, like ice in the freezer at home\n")
    assert "longest-answer" in rules(give_away)
    balanced = give_away.replace("      - Hot\n", "      - Hot, like a pan on the stove at home\n")
    assert "longest-answer" not in rules(balanced)


def test_answer_repeats_a_word_of_the_question_the_wrong_choices_lack():
    echo = CLEAN.replace("ask: How does snow feel?\n    answer: Cold", "ask: How does snow feel?\n    answer: Snow feels cold")
    [problem] = [p for p in warnings(echo) if p.rule == "answer-echoes-question"]
    assert "'feel'" in problem.message or "'snow'" in problem.message
    fair = echo.replace("      - Hot\n      - Warm\n", "      - Snow feels hot\n      - Snow feels warm\n")
    assert "answer-echoes-question" not in rules(fair)


@pytest.mark.parametrize("choice", ["All of the above", "none of these"])
def test_all_or_none_of_the_above(choice):
    assert "all-of-the-above" in rules(CLEAN.replace("      - Warm\n", f"      - {choice}\n"))


def test_unmarked_negative():
    small = CLEAN.replace("ask: How does snow feel?", "ask: Which of these does snow not feel like?")
    assert "unmarked-negative" in rules(small)
    capitals = CLEAN.replace("ask: How does snow feel?", "ask: Which of these does snow NOT feel like?")
    assert "unmarked-negative" not in rules(capitals)


def test_fact_no_question_asks_about():
    extra = CLEAN.replace("questions:\n", "  - id: rain\n    text: Rain is wet.\nquestions:\n")
    [problem] = [p for p in warnings(extra) if p.rule == "fact-not-asked"]
    assert "'rain'" in problem.message


def test_critical_fact_in_only_one_wording():
    one = CLEAN.replace("  - id: snow-feel\n    fact: snow\n", "  - id: snow-feel\n    fact: snow\n    critical: true\n")
    assert "critical-one-wording" in rules(one)
    assert "critical-one-wording" not in rules(CLEAN)


def test_near_duplicate_wrong_choices():
    alike = CLEAN.replace("      - Hot\n      - Warm\n", "      - Very hot indeed\n      - Very hot, indeed\n")
    assert "near-duplicate-choices" in rules(alike)


def test_wrong_choice_that_says_the_same_as_the_answer():
    same = CLEAN.replace("      - Hot\n", "      - It is cold\n").replace("    answer: Cold\n", "    answer: It's cold\n")
    assert "wrong-same-as-answer" in rules(same)


def test_text_copied_from_the_source(tmp_path):
    source = tmp_path / "material.txt"
    source.write_text("Long ago people said that when the day is clear, the sky is blue and bright.")
    copied = CLEAN.replace("text: The sky is blue on a clear day.", "text: When the day is clear the sky is blue and bright.")
    [problem] = [p for p in warnings(copied, source) if p.rule == "copied-text"]
    assert "shares 11 words in a row with the source material: 'when the day is clear the sky is blue and bright'" in problem.message
    assert (problem.line, problem.col) == (6, 11)
    assert "copied-text" not in rules(CLEAN, source)


def test_source_file_key_is_read_relative_to_the_bank(tmp_path):
    (tmp_path / "material.txt").write_text("Snow is cold and wet and white and soft in the winter.")
    text = CLEAN.replace("version: 1\n", "version: 1\nsource_file: material.txt\n").replace(
        "text: Snow is cold.", "text: Snow is cold and wet and white and soft.")
    path = tmp_path / "bank.yaml"
    path.write_text(text)
    assert "copied-text" in {p.rule for p in lint_bank(load_bank(path))}


def test_question_that_does_not_fit_80x24():
    crowded = CLEAN.replace("      - Hot\n      - Warm\n", "".join(f"      - A warm day number {n} in the summer sun by the sea\n" for n in range(5)))
    crowded = crowded.replace("ask: How does snow feel?", "ask: " + "How does snow feel when you hold it in your hand outside? " * 3)
    [problem] = [p for p in warnings(crowded) if p.rule == "does-not-fit"]
    assert "the question and its choices need" in problem.message and "rows of 19" in problem.message  # 24 less the progress, nurse and hint bars


def test_warnings_pass_unless_strict(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(CLEAN.replace("ask: How does snow feel?", "ask: What does snow not feel like?"))
    out = io.StringIO()
    assert run_check([path], out) == 0
    text = out.getvalue()
    assert f"{path}:29:10: warning: question 'snow-feel' asks with 'not' in small letters Hint: write it in capitals" in text
    assert "(0 errors, 1 warning)" in text and "reading grade mean" in text
    assert run_check([path], io.StringIO(), strict=True) == 1


def test_json_format_for_editors(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(CLEAN.replace("      - Warm\n", "      - All of the above\n"))
    out = io.StringIO()
    run_check([path], out, fmt="json")
    report = json.loads(out.getvalue())
    [problem] = report["problems"]
    assert problem["rule"] == "all-of-the-above" and problem["severity"] == "warning" and problem["line"] == 33
    assert report["ok"] is True and report["warnings"] == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\n")
    out = io.StringIO()
    assert run_check([broken], out, fmt="json") == 1
    assert json.loads(out.getvalue())["problems"][0]["severity"] == "error"
