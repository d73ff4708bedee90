"""Test-wise cue warnings (issue 13): each rule triggered and not triggered, in English and Spanish; the
cue-guessing figure computed exactly; the cue-laden fixture banks draw each warning at its marked line."""

from __future__ import annotations

import io
import json
import math
import re

import pytest
import yaml

from comprehend.bank.cues import cue_figure, fact_ideas, guess_chance, upper_tail
from comprehend.bank.language_rules import ENGLISH_RULES, SPANISH_RULES, rules_for
from comprehend.bank.lint import lint, lint_bank
from comprehend.bank.loader import load_bank, parse_bank
from comprehend.check import run_check
from tests.conftest import FIXTURES

CUE_RULES = {"absolute-words", "hedged-answer", "grammar-agreement", "shared-form", "length-pattern",
             "cue-guessing", "fact-ideas-unchecked"}
FILLERS = {  # plain questions with no cue, to make a bank big enough for the bank-wide rules
    "en": [("Which colour is snow?", "White", ["Brown", "Green", "Black"]),  # all choices of one length: 1 in 4
           ("What cuts bread?", "A knife", ["A spoon", "A brush", "A stick"]),
           ("Where do fish live?", "In water", ["In trees", "In caves", "In boxes"])],
    "es": [("¿De qué color es la nieve?", "Blanca", ["Marrón", "Morada", "Dorada"]),
           ("¿Con qué se corta el pan?", "Un cuchillo", ["Un cucharón", "Un martillo", "Un ladrillo"]),
           ("¿Dónde viven los peces?", "En el agua", ["En el aire", "En la nube", "En la casa"])],
}


def bank_text(questions: list[tuple[str, str, list[str]]], *, language: str = "en", fact: str = "Snow is cold.",
              fillers: int = 0) -> str:
    """A bank of one fact and these (ask, answer, wrong choices), plus some plain filler questions."""
    rows = list(questions) + [FILLERS[language][n % 3] for n in range(fillers)]
    return yaml.safe_dump({
        "id": "cue-test", "title": "Cue test", "version": 1, "language": language,
        "facts": [{"id": "f", "text": fact}],
        "questions": [{"id": f"q{n}", "fact": "f", "ask": ask, "answer": answer, "wrong": wrong}
                      for n, (ask, answer, wrong) in enumerate(rows)],
    }, allow_unicode=True, sort_keys=False)


def found(text: str) -> list:
    return [p for p in lint_bank(parse_bank(text, "bank.yaml")) if p.rule in CUE_RULES]


def rules(text: str) -> set[str]:
    return {problem.rule for problem in found(text)}


def one(question: tuple[str, str, list[str]], language: str = "en") -> set[str]:
    return rules(bank_text([question], language=language))


# --- absolute words and hedges ------------------------------------------------------------------

@pytest.mark.parametrize(("language", "cued", "fair"), [
    ("en", ("What goes into your knee?", "Medicine", ["Only water", "Nothing at all", "Air, always"]),
     ("What goes into your knee?", "Medicine", ["Only water", "Nothing at all", "Air"])),
    ("en", ("How long does it last?", "A few days", ["For good", "Every day", "All your life"]),
     ("How long does it last?", "A few days, never for good", ["For good", "Every day", "All your life"])),
    ("es", ("¿Qué le ponen en la rodilla?", "Medicina", ["Solo agua", "Nada en absoluto", "Aire, siempre"]),
     ("¿Qué le ponen en la rodilla?", "Medicina", ["Solo agua", "Nada en absoluto", "Aire"])),
    ("es", ("¿Cuánto dura?", "Unos días", ["Para siempre", "Todo el año", "Nunca se pasa"]),
     ("¿Cuánto dura?", "Unos días, nunca para siempre", ["Para siempre", "Todo el año", "Nunca se pasa"])),
])
def test_every_wrong_choice_absolute_and_the_answer_not(language, cued, fair):
    [problem] = [p for p in found(bank_text([cued], language=language)) if p.rule == "absolute-words"]
    assert f"in question 'q0' every wrong choice has an absolute word" in problem.message and problem.hint
    assert "absolute-words" not in one(fair, language)  # one plain wrong choice, or an absolute answer too


@pytest.mark.parametrize(("language", "cued", "fair"), [
    ("en", ("How will you feel after?", "You may be a bit sore", ["Very sore for a year", "Numb", "Just the same"]),
     ("How will you feel after?", "You may be a bit sore", ["You might be sore for a year", "Numb", "Just the same"])),
    ("es", ("¿Cómo se sentirá?", "Le puede doler un poco", ["Muy mal un año", "Dormida", "Igual que antes"]),
     ("¿Cómo se sentirá?", "Le puede doler un poco", ["A veces mal un año", "Dormida", "Igual que antes"])),
])
def test_the_answer_is_the_only_hedged_choice(language, cued, fair):
    [problem] = [p for p in found(bank_text([cued], language=language)) if p.rule == "hedged-answer"]
    assert "the answer is the only choice that hedges" in problem.message
    assert "hedged-answer" not in one(fair, language)


@pytest.mark.parametrize(("language", "text"), [("en", "1 out of every 100 people"), ("es", "1 de cada 100 personas")])
def test_every_before_a_number_is_not_absolute(language, text):
    """'1 out of every 100' says how often, not 'always': it is not dropped as an absolute word."""
    cues = rules_for(language).cues
    assert not cues.absolute.search(text)
    assert cues.absolute.search(text.replace("1 out of every 100 people", "every person").replace("1 de cada 100 personas", "cada persona"))


# --- grammar --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "cued", "fair"), [
    ("en", ("The doctor gives the medicine with an", "injection", ["pill", "cream", "drip"]),
     ("The doctor gives the medicine with an", "injection", ["oral pill", "ointment", "IV drip"])),
    ("en", ("Kyphoplasty fixes a ___ in your spine.", "broken bone", ["deep cuts", "bad nerves", "torn muscles"]),
     ("Kyphoplasty fixes a ___ in your spine.", "broken bone", ["deep cut", "bad nerve", "torn muscle"])),
    ("en", ("After it, you should avoid these", "heavy lifts", ["long walk", "warm bath", "hot shower"]),
     ("After it, you should avoid these", "heavy lifts", ["long walks", "warm baths", "hot showers"])),
    ("es", ("El médico le da la medicina con una", "inyección", ["comprimido", "ungüento", "tubo"]),
     ("El médico le da la medicina con una", "inyección", ["pastilla", "crema", "vía"])),
    ("es", ("Después debe evitar las", "cargas pesadas", ["paseo largo", "baño caliente", "ducha fría"]),
     ("Después debe evitar las", "cargas pesadas", ["caminatas largas", "siestas", "duchas frías"])),
])
def test_only_the_answer_fits_the_words_before_the_blank(language, cued, fair):
    [problem] = [p for p in found(bank_text([cued], language=language)) if p.rule == "grammar-agreement"]
    assert "the blank comes after" in problem.message and "which fits the answer" in problem.message
    assert "grammar-agreement" not in one(fair, language)


@pytest.mark.parametrize(("language", "cued", "fair"), [
    ("en", ("Who says when you can drive?", "Your doctor will tell you", ["The day after", "It is on the box", "After a week"]),
     ("Who says when you can drive?", "Your doctor will tell you", ["Your friend", "The nurse at the desk", "Nobody, you choose"])),
    ("es", ("¿Quién le dice cuándo puede manejar?", "Su médico se lo dirá", ["Al día siguiente", "Está en la caja", "Tras una semana"]),
     ("¿Quién le dice cuándo puede manejar?", "Su médico se lo dirá", ["Un amigo", "La enfermera de la entrada", "Nadie, usted elige"])),
])
def test_who_answered_by_something_that_is_not_a_person(language, cued, fair):
    [problem] = [p for p in found(bank_text([cued], language=language)) if p.rule == "grammar-agreement"]
    assert "asks for a person and the answer names one, but 3 of 3 wrong choices do not" in problem.message
    assert "grammar-agreement" not in one(fair, language)


@pytest.mark.parametrize(("language", "cued", "fair", "form"), [
    ("en", ("Why is a small cut better?", "Less blood loss", ["It means no risks", "It means no medicine", "It means bed rest"]),
     ("Why is a small cut better?", "It means less blood loss", ["It means no risks", "It means no medicine", "It means bed rest"]),
     "'It means…'"),
    ("en", ("Why is a small cut better?", "Less blood loss", ["It means you bleed", "It means you rest", "It means you heal"]),
     ("Why is a small cut better?", "It means less blood loss", ["It means you bleed", "It means you rest", "It means you heal"]),
     "'It means you…'"),
    ("en", ("What is the balloon for?", "It makes a space", ["To give medicine", "To take the bone out", "To stay in"]),
     ("What is the balloon for?", "To make a space", ["To give medicine", "To take the bone out", "To stay in"]),
     "'To…'"),
    ("en", ("What else can break a spine bone?", "A bad fall", ["Drinking water", "Taking a bath", "Sleeping late"]),
     ("What else can break a spine bone?", "Falling hard", ["Drinking water", "Taking a bath", "Sleeping late"]),
     "an -ing word"),
    ("es", ("¿Qué suele romper estos huesos?", "Que el hueso está débil", ["Pasar mucho tiempo sentado", "Comer azúcar", "Dormir de lado"]),
     ("¿Qué suele romper estos huesos?", "Tener el hueso débil", ["Pasar mucho tiempo sentado", "Comer azúcar", "Dormir de lado"]),
     "an infinitive"),
    ("es", ("¿Para qué es el globo?", "Hace un hueco", ["Para dar medicina", "Para sacar el hueso", "Para quedarse"]),
     ("¿Para qué es el globo?", "Para hacer un hueco", ["Para dar medicina", "Para sacar el hueso", "Para quedarse"]),
     "'Para…'"),
])
def test_wrong_choices_share_a_form_the_answer_lacks(language, cued, fair, form):
    [problem] = [p for p in found(bank_text([cued], language=language)) if p.rule == "shared-form"]
    assert f"every wrong choice has the form {form}" in problem.message
    assert "shared-form" not in one(fair, language)


# --- length as a pattern ------------------------------------------------------------------------

def _length_bank(answer_longest: int, total: int, language: str = "en") -> str:
    rows = []
    for n in range(total):
        if n < answer_longest:
            rows.append((f"Question {n}?", f"The long right answer {n}", [f"Short {n}", f"Brief {n}", f"Tiny {n}"]))
        else:
            rows.append((f"Question {n}?", f"Right {n}", [f"A much longer wrong one {n}", f"Brief {n}", f"Tiny {n}"]))
    return bank_text(rows, language=language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_answer_longest_far_more_often_than_chance(language):
    [problem] = [p for p in found(_length_bank(8, 12, language)) if p.rule == "length-pattern"]
    assert "the right answer is the longest choice in 8 of 12 questions (by chance about 3)" in problem.message
    assert problem.line == 1  # the bank's line
    assert "length-pattern" not in rules(_length_bank(3, 12, language))  # 3 of 12 with 4 choices: chance


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wrong_choice_padded_longest_far_more_often_than_chance(language):
    [problem] = [p for p in found(_length_bank(0, 16, language)) if p.rule == "length-pattern"]
    assert "a wrong choice is longer than the answer in 16 of 16 questions (by chance about 12)" in problem.message
    assert "length-pattern" not in rules(_length_bank(4, 16, language))


def test_the_old_pattern_rule_is_folded_into_length_pattern():
    """One length rule over the bank: the old 'more than half' rule is gone."""
    text = _length_bank(8, 12)
    assert "longest-answer-pattern" not in {p.rule for p in lint_bank(parse_bank(text, "bank.yaml"))}


def test_length_pattern_needs_a_few_questions():
    assert "length-pattern" not in rules(_length_bank(5, 5))


def test_binomial_tail_exact_and_approximate():
    # P(X >= 16) for X ~ Binomial(36, 1/4)
    exact = sum(math.comb(36, k) * 0.25**k * 0.75 ** (36 - k) for k in range(16, 37))
    assert upper_tail([0.25] * 36, 16) == pytest.approx(exact, rel=1e-9)
    assert upper_tail([0.25] * 36, 0) == 1.0
    big = sum(math.comb(1000, k) * 0.25**k * 0.75 ** (1000 - k) for k in range(275, 1001))
    assert upper_tail([0.25] * 1000, 275) == pytest.approx(big, rel=0.05)  # normal approximation


# --- the cue-guessing figure --------------------------------------------------------------------

def test_guessing_is_an_exact_expectation():
    bank = parse_bank(bank_text([
        ("What goes into your knee?", "Medicine", ["Only water", "Nothing at all", "Air, always"]),  # absolutes: 1
        ("Which colour?", "Red", ["Tan", "Sky", "Ink"]),  # all the same length: 1/4
        ("Which one?", "Yes", ["No", "Maybe so", "Hi"]),  # the longest is wrong: 0
    ]), "bank.yaml")
    rules = rules_for("en")
    assert [guess_chance(q, rules) for q in bank.questions] == [1.0, 0.25, 0.0]
    figure = cue_figure(bank, rules)
    assert figure.guessing == pytest.approx(1.25 / 3) and figure.chance == pytest.approx(0.25)
    assert figure.describe() == "cue-guessing 42% vs chance 25%"


def test_guessing_prefers_hedges_grammar_and_echoes():
    rules = rules_for("en")
    hedged, who, echo = parse_bank(bank_text([
        ("How might it feel?", "It may be sore", ["It will be very sore for a year", "Numb"]),
        ("Who tells you?", "Your nurse", ["On the box, in the bag", "At the desk"]),
        ("What does the cement do?", "The cement holds", ["It melts away slowly over days", "It goes soft"]),
    ]), "bank.yaml").questions
    assert guess_chance(hedged, rules) == 1.0
    assert guess_chance(who, rules) == 1.0
    assert guess_chance(echo, rules) == 1.0
    assert guess_chance(echo, None) == 0.0  # a language without rules: only the longest counts


@pytest.mark.parametrize("language", ["en", "es"])
def test_cue_guessing_warning_above_chance_plus_ten_points(language):
    cued = ("What goes into your knee?", "Medicine, through a needle", ["Only water", "Nothing at all", "Air, always"]) \
        if language == "en" else ("¿Qué le ponen?", "Medicina, con una aguja", ["Solo agua", "Nada en absoluto", "Aire, siempre"])
    heavy = bank_text([cued] * 3, language=language, fillers=3)
    [problem] = [p for p in found(heavy) if p.rule == "cue-guessing"]
    assert "a patient guessing by cues alone would get" in problem.message and "cue-guessing" in problem.message
    light = bank_text([cued], language=language, fillers=9)
    figure = lint(parse_bank(light, "bank.yaml")).cue_guessing
    assert (figure.guessing, figure.chance) == (pytest.approx(0.325), pytest.approx(0.25))  # (1 + 9/4) / 10
    assert "cue-guessing" not in rules(light)


def test_cue_guessing_in_the_summary_line_and_in_json(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(bank_text([("Which colour?", "Red", ["Tan", "Sky", "Ink"])]))
    out = io.StringIO()
    run_check([path], out)
    assert out.getvalue().rstrip().endswith("; cue-guessing 25% vs chance 25%")
    out = io.StringIO()
    run_check([path], out, fmt="json")
    report = json.loads(out.getvalue())
    [figure] = report["cue_guessing"]
    assert figure == {"path": str(path), "bank": "cue-test", "language": "en", "questions": 1, "cue_guessing": 0.25, "chance": 0.25}
    assert report["summary"].endswith("cue-guessing 25% vs chance 25%")


def test_several_banks_each_have_their_figure(tmp_path):
    (tmp_path / "a.yaml").write_text(bank_text([("Which colour?", "Red", ["Tan", "Sky", "Ink"])]))
    (tmp_path / "b.yaml").write_text(bank_text([("Which?", "Red", ["Tan"])]).replace("id: cue-test", "id: other"))
    out = io.StringIO()
    run_check([tmp_path], out)
    assert "; a.yaml cue-guessing 25% vs chance 25%; b.yaml cue-guessing 50% vs chance 50%" in out.getvalue()


# --- facts with several ideas -------------------------------------------------------------------

@pytest.mark.parametrize(("language", "fact", "ideas"), [
    ("en", "Bone cement fills the space. It gets hard and holds the bone.", 2),
    ("en", "Risks include infection, bleeding and nerve harm.", 3),
    ("en", "It takes about 1 to 2 hours.", 1),
    ("en", "Heart and lung disease can make it less safe.", 1),  # "and" inside one idea, not a list
    ("en", "Tell your care team about any allergies and any health problems you have.", 2),
    ("es", "El cemento llena el hueco. Se pone duro.", 2),
    ("es", "Puede haber infección, sangrado y daño en un nervio.", 3),
])
def test_the_ideas_of_a_fact(language, fact, ideas):
    assert len(fact_ideas(fact, ENGLISH_RULES if language == "en" else SPANISH_RULES)) == ideas


@pytest.mark.parametrize(("language", "fact", "narrow", "wide"), [
    ("en", "Bone cement fills the space. It gets hard and holds the bone still.",
     ("What fills the space?", "Bone cement", ["Air", "Water", "A rod"]),
     ("What does the cement do?", "It fills the space and gets hard", ["It melts", "It goes soft", "It leaves"])),
    ("es", "Puede haber infección, sangrado y daño en un nervio.",
     ("¿Qué riesgo hay?", "Una infección", ["Perder el pelo", "Un resfriado", "Ninguno"]),
     ("¿Qué riesgos hay?", "Infección o sangrado", ["Perder el pelo", "Un resfriado", "Ninguno"])),
])
def test_a_fact_with_several_ideas_whose_questions_check_only_one(language, fact, narrow, wide):
    [problem] = [p for p in found(bank_text([narrow, narrow], language=language, fact=fact))
                 if p.rule == "fact-ideas-unchecked"]
    assert "the fact 'f' holds" in problem.message and "never checked" in problem.message
    assert problem.line == bank_text([narrow], language=language, fact=fact).splitlines().index("facts:") + 2
    assert "fact-ideas-unchecked" not in rules(bank_text([narrow, wide], language=language, fact=fact))
    assert "fact-ideas-unchecked" not in rules(bank_text([narrow], language=language, fact="Snow is cold."))


# --- languages without rules, and the fixture banks ---------------------------------------------

def test_a_language_without_rules_gets_the_length_rules_only():
    text = _length_bank(8, 12).replace("language: en", "language: fr")
    assert rules(text) == {"length-pattern", "cue-guessing"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_odd_choices_never_break_the_rules(language):
    """Choices of punctuation, digits, a leading comma or one letter, after a blank and after 'Who': no exception."""
    odd = [", apple", "—", "42", "x", "ÿ" * 500, "¿?", "a, b, c and d"]
    rows = [(ask, answer, [w for w in odd if w != answer][:5])
            for ask in ("Who is it?", "It goes in with an", "Put it in the ___ now", "¿Quién?", "Lo hace una")
            for answer in odd]
    text = bank_text(rows, language=language, fact="One. Two, three and four. , y .")
    problems = lint_bank(parse_bank(text, "bank.yaml"))
    assert all(p.message for p in problems)


MARK = re.compile(r"#\s*draws:\s*(.+)$")


@pytest.mark.parametrize("name", ["cue-laden.yaml", "cue-laden.es.yaml"])
def test_the_cue_laden_bank_draws_each_warning_at_its_line(name):
    """Every warning of the fixture bank is at a line marked 'draws: rule', and every mark is drawn."""
    path = FIXTURES / "banks" / name
    marked = {(number, rule.strip()) for number, line in enumerate(path.read_text().splitlines(), start=1)
              if (mark := MARK.search(line)) for rule in mark.group(1).split(",")}
    drawn = {(p.line, p.rule) for p in lint_bank(load_bank(path))}
    assert drawn == marked
    assert CUE_RULES <= {rule for _, rule in marked}
