"""Educator warnings: what makes a valid bank harder for patients (reading level, give-aways, gaps, copies, fit).

The test-wise cues (absolute words, hedges, grammar, length as a pattern, the cue-guessing figure, facts
with several ideas) are in comprehend/bank/cues.py.

Each warning is a Problem with severity "warning", a plain message, a short hint and the rule that
found it. Warnings never stop a bank from loading; `check --strict` treats them as failures.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from comprehend.bank.cues import CueFigure, check_cues
from comprehend.bank.fit import question_fit
from comprehend.bank.language_rules import ENGLISH_RULES, LanguageRules, Readability, rules_for
from comprehend.bank.model import Bank, Question
from comprehend.bank.problems import Problem
from comprehend.bank.regular_file import FileRefused, read_regular_file
from comprehend.bank.text_words import SENTENCE_END, content_words, words
from comprehend.words import words_for

MIN_GRADED_WORDS = 6  # a readability formula means little on a few words ("Yellow" scores grade 8.4)
MAX_SENTENCE_WORDS = 15
COPY_RUN_WORDS = 8
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # a leaflet or a web page is far smaller; a FIFO, a device or a huge file is refused
NEAR_SAME = 0.85
LONGEST_RATIO = 1.4  # the answer is 'clearly the longest' when this much longer than every wrong choice
LONGEST_MARGIN = 12  # ...and at least this many characters longer


def graded(text: str) -> bool:
    """True when a text is long enough for a reading score to mean something."""
    return len(words(text)) >= MIN_GRADED_WORDS


@dataclass(frozen=True)
class Text:
    """One piece of patient-facing text and where it stands."""

    where: str  # "the fact 'x'", "the question 'y'", ...
    place: str  # key into Bank.places
    text: str


def patient_texts(bank: Bank) -> list[Text]:
    """Every text a patient reads: facts, questions, choices, reasons and explanations."""
    texts = [Text(f"the fact '{fact.id}'", f"fact:{fact.id}:text", fact.text) for fact in bank.facts]
    for question in bank.questions:
        name = f"question '{question.id}'"
        texts.append(Text(f"the {name}", f"question:{question.id}:ask", question.ask))
        texts.append(Text(f"the answer of {name}", f"question:{question.id}:answer", question.answer))
        for number, wrong in enumerate(question.wrong):
            texts.append(Text(f"a wrong choice of {name}", f"question:{question.id}:wrong:{number}", wrong.text))
            if wrong.why:
                texts.append(Text(f"a 'why' of {name}", f"question:{question.id}:why:{number}", wrong.why))
        if question.explain:
            texts.append(Text(f"the explanation of {name}", f"question:{question.id}:explain", question.explain))
    return texts


@dataclass(frozen=True)
class LintResult:
    """The warnings for a bank, and the reading score of each text long enough to score (for the summary)."""

    problems: list[Problem]
    readability: Readability | None  # the formula of the bank's language; None when it has no rules
    scores: list[float]
    cue_guessing: CueFigure | None = None  # the score of a guesser by cues alone, against chance


class _Warnings:
    def __init__(self, bank: Bank):
        self.bank = bank
        self.rules = rules_for(bank.language)  # None: a language without rules
        self.found: list[Problem] = []
        self.scores: list[float] = []

    def add(self, place: str, rule: str, message: str, hint: str) -> None:
        line, col = self.bank.place(place)
        self.found.append(Problem(self.bank.path, line, col, "warning", message, hint, rule))


def _reading(bank: Bank, out: _Warnings) -> None:
    rules = out.rules
    if rules is None:
        out.add("bank", "language-not-checked",
                f"reading level and wording are not checked for the language '{bank.language}'",
                "have a speaker of the language read it with a patient in mind; checks exist for: en, es")
    for text in patient_texts(bank):
        if rules is not None:
            _reading_level(text, rules, out)
        for sentence in SENTENCE_END.split(text.text):
            count = len(words(sentence))
            if count > MAX_SENTENCE_WORDS:
                out.add(text.place, "long-sentence", f"a sentence in {text.where} has {count} words (more than {MAX_SENTENCE_WORDS})",
                        "split it into two sentences")


def _reading_level(text: Text, rules: LanguageRules, out: _Warnings) -> None:
    """The language's readability formula on a text long enough to score, else its longest words."""
    if graded(text.text):
        score = rules.score(text.text)
        out.scores.append(score)
        if rules.readability.too_hard(score):
            out.add(text.place, "reading-grade", f"{text.where} {rules.readability.describe(score)}",
                    "use shorter words and shorter sentences")
        return
    long_words = [word for word in words(text.text) if rules.syllables(word) > rules.long_word_syllables]
    if long_words:
        out.add(text.place, "reading-grade", f"{text.where} uses the long word '{long_words[0]}'",
                "use a shorter, everyday word")


def _answer_is_clearly_longest(question: Question) -> bool:
    longest_wrong = max(len(wrong.text) for wrong in question.wrong)
    return len(question.answer) >= LONGEST_RATIO * longest_wrong and len(question.answer) - longest_wrong >= LONGEST_MARGIN


def _give_aways(bank: Bank, out: _Warnings) -> None:
    rules = out.rules
    for question in bank.questions:
        prefix = f"question:{question.id}"
        name = f"question '{question.id}'"
        if _answer_is_clearly_longest(question):
            out.add(f"{prefix}:answer", "longest-answer", f"in {name} the right answer is clearly the longest choice",
                    "make the wrong choices as long and as detailed as the answer, or shorten the answer")
        if rules is None:
            continue  # the rules below need the language's words
        asked = content_words(question.ask, rules)
        shared = (asked & content_words(question.answer, rules)) - set().union(*(content_words(w.text, rules) for w in question.wrong))
        if shared:
            out.add(f"{prefix}:answer", "answer-echoes-question",
                    f"in {name} the right answer repeats '{sorted(shared)[0]}' from the question, and no wrong choice does",
                    "use that word in a wrong choice too, or say the answer another way")
        for number, choice in enumerate([question.answer, *(wrong.text for wrong in question.wrong)]):
            above = rules.above.search(choice)
            if above:
                place = f"{prefix}:answer" if number == 0 else f"{prefix}:wrong:{number - 1}"
                out.add(place, "all-of-the-above", f"in {name} a choice says '{above.group(0)}'",
                        "give each choice its own meaning; patients find 'all/none of the above' confusing")
        negative = rules.negative.search(question.ask)
        if negative:
            out.add(f"{prefix}:ask", "unmarked-negative", f"{name} asks with '{negative.group(0)}' in small letters",
                    f"write it in capitals ({negative.group(0).upper()}) so it is not missed, or ask the question the positive way")


def _coverage(bank: Bank, out: _Warnings) -> None:
    for fact in bank.facts:
        questions = bank.questions_for(fact.id)
        if not questions:
            out.add(f"fact:{fact.id}", "fact-not-asked", f"no question asks about the fact '{fact.id}'",
                    "add a question, or move the point into another fact")
        elif bank.is_critical(fact.id) and len(questions) < 2:
            out.add(f"fact:{fact.id}", "critical-one-wording", f"the critical fact '{fact.id}' is asked in only one wording",
                    "add a second question on it, so a patient who missed it is re-asked another way")


def _fold(text: str) -> str:
    return " ".join(words(text))


def _alike(a: str, b: str) -> bool:
    """At least NEAR_SAME alike; the cheap upper bounds first (they give the same answer, faster)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= NEAR_SAME and matcher.quick_ratio() >= NEAR_SAME and matcher.ratio() >= NEAR_SAME


def _choices_alike(bank: Bank, out: _Warnings) -> None:
    rules = out.rules or ENGLISH_RULES
    for question in bank.questions:
        prefix = f"question:{question.id}"
        name = f"question '{question.id}'"
        answer = _fold(question.answer)
        for number, wrong in enumerate(question.wrong):
            if _alike(_fold(wrong.text), answer) or (
                content_words(wrong.text, rules) and content_words(wrong.text, rules) == content_words(question.answer, rules)
            ):
                out.add(f"{prefix}:wrong:{number}", "wrong-same-as-answer",
                        f"in {name} the wrong choice '{wrong.text}' says almost the same as the answer",
                        "make the wrong choice clearly wrong")
        for first in range(len(question.wrong)):
            for second in range(first + 1, len(question.wrong)):
                a, b = _fold(question.wrong[first].text), _fold(question.wrong[second].text)
                if _alike(a, b):
                    out.add(f"{prefix}:wrong:{second}", "near-duplicate-choices",
                            f"in {name} two wrong choices are nearly the same: '{question.wrong[first].text}' and '{question.wrong[second].text}'",
                            "replace one with a different plausible mistake")


def _copied(bank: Bank, source: str, out: _Warnings) -> None:
    source_words = words(source)
    runs = {tuple(source_words[i : i + COPY_RUN_WORDS]) for i in range(len(source_words) - COPY_RUN_WORDS + 1)}
    for text in patient_texts(bank):
        own = words(text.text)
        for i in range(len(own) - COPY_RUN_WORDS + 1):
            if tuple(own[i : i + COPY_RUN_WORDS]) in runs:
                end = i
                while end + 1 <= len(own) - COPY_RUN_WORDS and tuple(own[end + 1 : end + 1 + COPY_RUN_WORDS]) in runs:
                    end += 1  # the whole copied run, not just its first eight words
                copied = own[i : end + COPY_RUN_WORDS]
                out.add(text.place, "copied-text",
                        f"{text.where} shares {len(copied)} words in a row with the source material: '{' '.join(copied)}'",
                        "say it in your own plain words")
                break


def _fit(bank: Bank, out: _Warnings) -> None:
    for question in bank.questions:
        fit = question_fit(question, question.explain, words=words_for(bank.language))
        if not fit.fits:
            parts = []
            if fit.question_rows > fit.question_room:
                parts.append(f"the question and its choices need {fit.question_rows} rows of {fit.question_room}")
            if fit.feedback_rows > fit.feedback_room:
                parts.append(f"its feedback needs {fit.feedback_rows} rows of {fit.feedback_room}")
            out.add(f"question:{question.id}", "does-not-fit", f"question '{question.id}' does not fit a kiosk at 80x24: {' and '.join(parts)}",
                    "shorten the question, the choices, the 'why' or the explanation, or use fewer wrong choices")


def source_text_for(bank: Bank, source_file: Path | None) -> tuple[str | None, Problem | None]:
    """The source material to compare with: --source, else the bank's source_file (relative to the bank)."""
    path = source_file
    if path is None and bank.source_file:
        path = Path(bank.path).parent / bank.source_file
    if path is None:
        return None, None
    try:
        return read_regular_file(path, MAX_SOURCE_BYTES, "source material").decode("utf-8", errors="replace"), None
    except FileRefused as refused:
        line, col = bank.place("bank")
        return None, Problem(bank.path, line, col, "warning", f"the source material {path} cannot be read ({refused.reason})",
                             "check the path in source_file or --source", "source-unreadable")


def lint_bank(bank: Bank, source_file: Path | None = None) -> list[Problem]:
    """Every warning for a valid bank, in file order."""
    return lint(bank, source_file).problems


def lint(bank: Bank, source_file: Path | None = None) -> LintResult:
    """Every warning for a valid bank, in file order, with the reading scores found on the way."""
    out = _Warnings(bank)
    _reading(bank, out)
    _give_aways(bank, out)
    figure = check_cues(bank, out.rules, out.add)  # absolute words, hedges, grammar, length pattern, ideas
    _coverage(bank, out)
    _choices_alike(bank, out)
    _fit(bank, out)
    source, problem = source_text_for(bank, source_file)
    if problem:
        out.found.append(problem)
    if source:
        _copied(bank, source, out)
    return LintResult(sorted(out.found), out.rules.readability if out.rules else None, out.scores, figure)
