"""Educator warnings for a Spanish bank: Fernández-Huerta instead of Flesch-Kincaid, Spanish words and negatives."""

from __future__ import annotations

from comprehend.bank.language_rules import ENGLISH_RULES, SPANISH_RULES
from comprehend.bank.lint import lint_bank
from comprehend.bank.loader import load_bank, parse_bank
from tests.conftest import KYPHOPLASTY_ES

CLEAN_ES = """\
id: lint-test
title: Prueba
version: 1
language: es
facts:
  - id: sky
    text: El cielo es azul en un día claro.
  - id: snow
    text: La nieve es fría.
questions:
  - id: sky-colour
    fact: sky
    critical: true
    ask: ¿De qué color es un cielo claro?
    answer: Azul
    wrong:
      - Verde
      - Rojo
    explain: En un día claro el cielo es azul.
  - id: sky-again
    fact: sky
    critical: true
    ask: En un día claro, ¿de qué color es el cielo?
    answer: Azul
    wrong:
      - Amarillo
      - Negro
  - id: snow-feel
    fact: snow
    ask: ¿Cómo se siente la nieve?
    answer: Fría
    wrong:
      - Caliente
      - Templada
"""


def found(text: str) -> list:
    return lint_bank(parse_bank(text, "banco.es.yaml"))


def rules(text: str) -> set[str]:
    return {problem.rule for problem in found(text)}


def test_the_clean_spanish_bank_and_the_bundled_translation_have_no_warnings():
    assert found(CLEAN_ES) == []
    assert lint_bank(load_bank(KYPHOPLASTY_ES)) == []


def test_hard_spanish_is_graded_with_fernandez_huerta():
    """A dense Spanish sentence scores below 70 and is flagged with the Spanish formula's name."""
    hard = CLEAN_ES.replace("text: La nieve es fría.",
                            "text: La precipitación cristaliza la humedad atmosférica generando considerable refrigeración.")
    [warning] = [w for w in found(hard) if w.rule == "reading-grade"]
    assert "Fernández-Huerta score of" in warning.message and "below 70" in warning.message


def test_plain_spanish_is_not_judged_by_the_english_formula():
    """Plain Spanish that Flesch-Kincaid (an English formula) would put above grade 6 passes the Spanish one."""
    text = "La cifoplastia arregla un hueso roto de la columna vertebral."
    assert ENGLISH_RULES.score(text) > 6 and not SPANISH_RULES.readability.too_hard(SPANISH_RULES.score(text))
    assert "reading-grade" not in rules(CLEAN_ES.replace("text: La nieve es fría.", f"text: {text}"))


def test_long_spanish_words_in_short_texts():
    """In a text too short to grade, a word of more than 5 syllables is flagged; "caliente" (3) is not."""
    assert "reading-grade" in rules(CLEAN_ES.replace("- Caliente", "- Desproporcionadamente"))


def test_spanish_negative_in_small_letters():
    """'no' in a question is easy to miss: written NO it is not flagged."""
    asks_no = CLEAN_ES.replace("ask: ¿Cómo se siente la nieve?", "ask: ¿Cómo no se siente la nieve?")
    assert "unmarked-negative" in rules(asks_no)
    assert "unmarked-negative" not in rules(asks_no.replace("Cómo no se", "Cómo NO se"))


def test_todas_las_anteriores():
    assert "all-of-the-above" in rules(CLEAN_ES.replace("- Templada", "- Todas las anteriores"))


def test_accented_words_count_as_whole_words():
    """The answer repeating 'día' from the question is caught (split at the accent it was 'd' and 'a', too short to
    count); Spanish small words ('es') are not."""
    echo = CLEAN_ES.replace("ask: ¿Cómo se siente la nieve?", "ask: ¿Cómo es la nieve de día?").replace(
        "answer: Fría", "answer: Fría de día")
    assert "answer-echoes-question" in rules(echo)
    assert "answer-echoes-question" not in rules(CLEAN_ES.replace("answer: Fría", "answer: Es fría"))


def test_a_language_without_rules_gets_one_plain_warning():
    """French: no reading-level rules exist, and the educator is told so once, not left believing it was checked."""
    french = CLEAN_ES.replace("language: es", "language: fr")
    warnings = found(french)
    assert [w.rule for w in warnings] == ["language-not-checked"]
    assert "not checked for the language 'fr'" in warnings[0].message
