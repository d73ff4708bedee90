"""The kiosk's own words: every language has every sentence, with the same placeholders, really translated."""

from __future__ import annotations

import string

import pytest

from comprehend.patient_id import patient_id_problem
from comprehend.words import ENGLISH, SPANISH, TABLES, language_name, words_for


def placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


@pytest.mark.parametrize("words", TABLES.values(), ids=lambda words: words.language)
def test_every_sentence_is_there_with_the_placeholders_of_english(words):
    """No empty sentence; `{number}` in English is `{number}` in every language (a typo would crash the kiosk)."""
    for name, sentence in words.text_fields().items():
        assert sentence.strip(), name
        assert placeholders(sentence) == placeholders(getattr(ENGLISH, name)), name


def test_placeholders_fill_in():
    """The format strings fill in as the screens fill them."""
    assert SPANISH.question_progress.format(number=2, of=9) == "Pregunta 2 de 9"
    assert SPANISH.score.format(right=5, total=7) == "Acertó 5 de 7 a la primera."
    assert ENGLISH.countdown.format(seconds=12).startswith("To keep your answers private, this screen will clear in 12 seconds.")


def test_spanish_is_translated_not_copied():
    """No Spanish sentence is the English one left in place."""
    copied = [name for name, sentence in SPANISH.text_fields().items() if sentence == getattr(ENGLISH, name)]
    assert copied == []


def test_a_language_without_a_table_falls_back_to_english():
    assert words_for("es") is SPANISH and words_for("en") is ENGLISH and words_for("fr") is ENGLISH


def test_languages_are_named_in_their_own_language():
    assert [language_name(code) for code in ("en", "es", "fr", "xx")] == ["English", "Español", "Français", "xx"]


def test_patient_id_problems_in_spanish():
    """The ID checks say what is wrong in the patient's language."""
    assert patient_id_problem("", SPANISH).startswith("Escriba su número de paciente.")
    assert "como mucho 32 letras" in patient_id_problem("x" * 40, SPANISH)
    assert "solo tiene letras, números y guiones" in patient_id_problem("a b", SPANISH)
    assert patient_id_problem("AB-12", SPANISH) == ""
