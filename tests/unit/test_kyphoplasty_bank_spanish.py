"""The bundled Spanish kyphoplasty bank (v3, issue 13): neutral wording and the English bank's medical fixes."""

from __future__ import annotations

import re

from comprehend.bank.cues import cue_figure
from comprehend.bank.language_rules import SPANISH_RULES


def all_texts(bank):
    """Every text a patient reads, with where it is."""
    for fact in bank.facts:
        yield f"fact {fact.id}", fact.text
    for q in bank.questions:
        yield f"question {q.id}", q.ask
        yield f"answer of {q.id}", q.answer
        yield f"explain of {q.id}", q.explain or ""
        for wrong in q.wrong:
            yield f"wrong choice of {q.id}", wrong.text
            yield f"why of {q.id}", wrong.why or ""


def found(bank, pattern: str) -> list[tuple[str, str]]:
    return [(where, text) for where, text in all_texts(bank) if re.search(pattern, text, re.IGNORECASE)]


def test_neutral_spanish_understood_in_latin_america_and_spain(spanish_kyphoplasty_bank):
    """acostarse (not tumbarse), picazón, lugar exacto, frágil, la mayoría (not casi todos), poco frecuentes
    (not raros, which also means strange), postura (not estar de pie), ¿A cuántas personas…? (not ¿Cada cuánto…?)."""
    avoided = (r"\btumb|\bpicor\b|sitio justo|débil(es)? y finos?|casi tod[oa]s|\brar[oa]s?\b|estar de pie"
               r"|cada cuánto|\bcoger\b|\bcoja\b")
    assert found(spanish_kyphoplasty_bank, avoided) == []


def test_anesthesia_is_named_and_not_as_sleep_medicine(spanish_kyphoplasty_bank):
    """'la anestesia', not 'la medicina para dormir' (which assumes the patient will be asleep)."""
    assert found(spanish_kyphoplasty_bank, r"medicina para dormir") == []
    assert found(spanish_kyphoplasty_bank, r"\bla anestesia\b")


def test_comfort_not_no_pain_and_the_first_comfort_question_carries_pressure(spanish_kyphoplasty_bank):
    bank = spanish_kyphoplasty_bank
    assert "presión" in bank.fact("comfort-medicine").text
    questions = bank.questions_for("comfort-medicine")
    assert "presión" in questions[0].answer.lower()
    for question in questions:
        assert not re.search(r"no (sienta|sentirá) dolor|sin dolor", question.answer, re.I), question.id


def test_serious_problems_are_rare_and_your_doctor_tells_your_own_risk(spanish_kyphoplasty_bank):
    fact = spanish_kyphoplasty_bank.fact("risks-rare").text
    assert "problemas graves son poco frecuentes" in fact and "su propio riesgo" in fact
    assert found(spanish_kyphoplasty_bank, r"1 de cada 100|1 %|sí se sabe") == []


def test_cement_leakage_is_not_taught_as_rare(spanish_kyphoplasty_bank):
    for question in spanish_kyphoplasty_bank.questions_for("cement-leak"):
        for text in (question.answer, question.explain or ""):
            assert not re.search(r"poco frecuente|\braro\b|riesgos raros", text, re.I), question.id


def test_no_words_the_article_does_not_support(spanish_kyphoplasty_bank):
    """The balloon is filled so it gets bigger (not 'inflado'); exercise does not 'evitar otras roturas';
    no 'solo del cuello', no breakfast brushing eating aside."""
    invented = r"\binfla|evitar (otras|nuevas) roturas|del cuello, no|desayun"
    assert found(spanish_kyphoplasty_bank, invented) == []


def test_a_cue_guesser_scores_near_chance(spanish_kyphoplasty_bank):
    """Dropping absolute words, preferring hedges, grammar, echoes and the longest choice: within chance + 10 points."""
    figure = cue_figure(spanish_kyphoplasty_bank, SPANISH_RULES)
    assert figure.guessing <= figure.chance + 0.10


def test_the_points_come_in_the_english_order(kyphoplasty_bank, spanish_kyphoplasty_bank):
    """Round 1 asks the first question of each fact in file order: a Spanish patient meets the points,
    and the first wording of each, in the same order as an English one."""
    assert [f.id for f in spanish_kyphoplasty_bank.facts] == [f.id for f in kyphoplasty_bank.facts]
    assert [q.id for q in spanish_kyphoplasty_bank.questions] == [q.id for q in kyphoplasty_bank.questions]
