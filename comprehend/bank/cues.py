"""Test-wise cues: what lets a patient pick the right answer without knowing the key point.

From the standard item-writing guidance (NBME item-writing guide, Haladyna's rules), each rule is an
educator warning with the question, the cue and how to fix it:

- `absolute-words`: every wrong choice holds an absolute word ("always", "never", "siempre") and the
  answer holds none; `hedged-answer`: the answer is the only choice with a hedge ("may", "puede");
- `grammar-agreement`: the answer fits the question's grammar (a/an or one/many before a blank, a
  Spanish article's gender and number, "Who…?" answered by a person) and some wrong choices do not;
  `shared-form`: the wrong choices share a form ("It means…", "To…", an infinitive) the answer lacks;
- `length-pattern`: over the bank, the answer is the longest choice, or a wrong choice is longer than
  the answer, far more often than chance (a one-sided binomial test against 1 in the number of choices);
- `cue-guessing`: the expected score of a test-wise guesser who uses only these cues is more than
  10 points above chance (the figure itself is in the `check` summary line);
- `fact-ideas-unchecked`: a fact holds several ideas (sentences, or an "and"/"y" list) and each of its
  questions checks at most one of them.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from comprehend.bank.language_rules import Article, CueWords, LanguageRules
from comprehend.bank.model import Bank, Question
from comprehend.bank.text_words import SENTENCE_END, content_words, words

CUE_MIN_QUESTIONS = 6  # bank-wide figures mean little on fewer questions
CUE_MARGIN = 0.10  # warn when cue-guessing beats chance by more than 10 points
LENGTH_ALPHA = 0.05  # one-sided binomial test: "far more often than chance"
EXACT_TAIL_LIMIT = 400  # above this many questions the tail is computed with a normal approximation
BLANK = re.compile(r"_{2,}|\.\.\.|…")
HEAD_STOPS = frozenset("of in on with that which who for from to at by and or but so because after before when "
                       "while like as de del en con que para por y o".split())
VOWEL_SOUND = ("hour", "honest", "honor", "honour", "heir", "8", "11", "18")
CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "uti", "ure", "uro", "eu", "ewe")

Add = Callable[[str, str, str, str], None]  # (place, rule, message, hint)


@dataclass(frozen=True)
class CueFigure:
    """The bank-level figure: the expected score of a guesser who uses only cues, against chance."""

    path: str
    bank: str
    language: str
    questions: int
    guessing: float  # 0..1, exact expectation
    chance: float  # 0..1, the mean of 1/(choices)

    def describe(self) -> str:
        """'cue-guessing 31% vs chance 25%'."""
        return f"cue-guessing {self.guessing:.0%} vs chance {self.chance:.0%}"

    def as_dict(self) -> dict:
        """The figure as JSON-ready data (for `check --format json`)."""
        return {"path": self.path, "bank": self.bank, "language": self.language, "questions": self.questions,
                "cue_guessing": round(self.guessing, 4), "chance": round(self.chance, 4)}


def _quote(text: str, limit: int = 40) -> str:
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 1].rstrip()}…'"


def _choices(question: Question) -> list[str]:
    return [question.answer, *(wrong.text for wrong in question.wrong)]


def _hit(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return " ".join(found.group(0).lower().split()) if found else ""


# --- grammar ------------------------------------------------------------------------------------


def _before_blank(ask: str) -> str | None:
    """The words before the blank of a completion stem ("The balloon is put into a ___"), else None."""
    blank = BLANK.search(ask)
    if blank:
        return ask[: blank.start()]
    stripped = ask.rstrip()
    if not stripped or stripped[-1] in "?.!？":
        return None
    return stripped.rstrip(":-–— ")


def _vowel_sound(word: str) -> bool:
    if word.startswith(VOWEL_SOUND):
        return True
    if word.startswith(CONSONANT_SOUND):
        return False
    return word[0] in "aeiou"


def _english_head(choice: str) -> str:
    """The head noun of a short noun phrase: its last word before 'of', 'with', a comma..."""
    own = words(choice.split(",")[0]) or words(choice)
    head = own[0]
    for word in own:
        if word in HEAD_STOPS:
            break
        head = word
    return head


def _plural(word: str, cues: CueWords) -> bool:
    if word in cues.plural_words:
        return True
    if cues.noun_first:
        return word.endswith("s") and len(word) > 2
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def _gender(word: str, cues: CueWords) -> str:
    if word in cues.feminine_words:
        return "f"
    if word in cues.masculine_words:
        return "m"
    if word.endswith(("a", "as", "ión", "iones", "dad", "dades", "tud", "tudes")):
        return "f"
    if word.endswith(("o", "os")):
        return "m"
    return ""


def _fits_article(article: Article, choice: str, cues: CueWords) -> bool:
    own = words(choice)
    if not own:
        return True
    first = own[0]
    if article.vowel is not None and not first.isdigit() and _vowel_sound(first) != article.vowel:
        return False
    head = first if cues.noun_first else _english_head(choice)
    if article.number and not head.isdigit() and _plural(head, cues) != (article.number == "plural"):
        return False
    if article.gender:
        gender = _gender(first, cues)
        if gender and gender != article.gender:
            return False
    return True


@dataclass(frozen=True)
class _Grammar:
    """What the stem demands of a choice, and how to say it."""

    cue: str  # "the blank after 'an'", "'Who…?' asks for a person"
    hint: str
    fits: Callable[[str], bool]


def _grammar(question: Question, cues: CueWords) -> _Grammar | None:
    who = cues.who.search(question.ask)
    if who:
        asked = who.group(0).strip()
        return _Grammar(f"'{asked[0].upper() + asked[1:]}…?' asks for a person and the answer names one",
                        "name a person in every choice (a doctor, a nurse, your family…), or ask another way",
                        lambda choice: bool(cues.person.search(choice)))
    before = _before_blank(question.ask)
    if before is None:
        return None
    last = words(before)[-1:] or [""]
    article = cues.articles.get(last[0])
    if article is None:
        return None
    return _Grammar(f"the blank comes after '{last[0]}', which fits the answer",
                    "make every choice fit the words before the blank (a/an, one or many, el/la), "
                    "or end the stem before the article",
                    lambda choice: _fits_article(article, choice, cues))


def _shared_form(question: Question, cues: CueWords) -> str:
    """The form every wrong choice shares and the answer lacks ("'It means…'", "an infinitive"), or ''."""
    wrong = [words(w.text) for w in question.wrong]
    if len(wrong) < 2 or not all(wrong):
        return ""
    answer = words(question.answer)
    common = 0
    while common < 3 and all(len(w) > common and w[common] == wrong[0][common] for w in wrong):
        common += 1
    opening = wrong[0][:common]
    need = 2 if common >= 2 else 1 if common == 1 and opening[0] in cues.form_openings else 0
    if need and answer[:need] != opening[:need]:  # "It means less…" shares the form of "It means you…"
        return f"'{' '.join(question.wrong[0].text.split()[:common])}…'"
    for name, pattern in cues.first_word_forms:
        if all(pattern.match(w[0]) for w in wrong) and not (answer and pattern.match(answer[0])):
            return f"{name} ('{question.wrong[0].text.split()[0]}…')"
    return ""


# --- per question -------------------------------------------------------------------------------


def _question_cues(question: Question, rules: LanguageRules, add: Add) -> None:
    cues = rules.cues
    name = f"question '{question.id}'"
    place = f"question:{question.id}"
    choices = _choices(question)
    absolute = [_hit(cues.absolute, choice) for choice in choices]
    if not absolute[0] and all(absolute[1:]):
        found = ", ".join(f"'{word}'" for word in dict.fromkeys(absolute[1:]))
        add(place, "absolute-words",
            f"in {name} every wrong choice has an absolute word ({found}) and the answer has none",
            f"a patient who drops every choice with {found} gets it right without knowing; "
            "write the wrong choices without absolute words, as real mistakes a patient might make")
    hedged = [_hit(cues.hedge, choice) for choice in choices]
    if hedged[0] and not any(hedged[1:]):
        add(place, "hedged-answer",
            f"in {name} the answer is the only choice that hedges ('{hedged[0]}')",
            "patients learn that the careful choice is right; word a wrong choice with the same care, "
            "or say the answer plainly")
    grammar = _grammar(question, cues)
    if grammar and grammar.fits(question.answer):
        misfits = [w.text for w in question.wrong if not grammar.fits(w.text)]
        if misfits:
            add(place, "grammar-agreement",
                f"in {name} {grammar.cue}, but {len(misfits)} of {len(question.wrong)} wrong choices do not "
                f"({', '.join(_quote(text) for text in misfits)})", grammar.hint)
    form = _shared_form(question, cues)
    if form:
        add(place, "shared-form",
            f"in {name} every wrong choice has the form {form} and the answer does not",
            "the odd one out gives the answer away; give the answer the same form, or vary the wrong choices")


# --- the cue-guessing figure --------------------------------------------------------------------


def guess_steps(question: Question, rules: LanguageRules | None) -> tuple[list[int], list[str]]:
    """What a test-wise guesser keeps of a question's choices (0 is the answer), and the cues that narrowed them:
    drop the choices with absolute words, prefer hedged ones, then those that fit the question's grammar, then
    those echoing the question's words, then the longest. A step that would leave nothing is skipped."""
    choices = _choices(question)
    left = list(range(len(choices)))
    used: list[str] = []

    def keep(step: str, passes: Callable[[int], bool]) -> None:
        nonlocal left
        kept = [i for i in left if passes(i)]
        if kept and len(kept) < len(left):
            left = kept
            used.append(step)

    def keep_most(step: str, score: Callable[[int], int]) -> None:
        best = max(score(i) for i in left)
        if best > 0:
            keep(step, lambda i: score(i) == best)

    if rules is not None:
        cues = rules.cues
        keep("absolute", lambda i: not _hit(cues.absolute, choices[i]))
        keep("hedge", lambda i: bool(_hit(cues.hedge, choices[i])))
        grammar = _grammar(question, cues)
        if grammar:
            keep("grammar", lambda i: grammar.fits(choices[i]))
        asked = content_words(question.ask, rules)
        keep_most("echo", lambda i: len(asked & content_words(choices[i], rules)))
    keep_most("longest", lambda i: len(choices[i]))
    return left, used


def guess_chance(question: Question, rules: LanguageRules | None) -> float:
    """The exact chance that the test-wise guesser of `guess_steps` picks the answer (uniformly among what is left)."""
    left, _ = guess_steps(question, rules)
    return 1 / len(left) if 0 in left else 0.0


def cue_figure(bank: Bank, rules: LanguageRules | None) -> CueFigure:
    """The bank's cue-guessing figure and the chance score, both exact expectations."""
    questions = bank.questions
    guessing = statistics.fmean(guess_chance(q, rules) for q in questions) if questions else 0.0
    chance = statistics.fmean(1 / (1 + len(q.wrong)) for q in questions) if questions else 0.0
    return CueFigure(bank.path, bank.id, bank.language, len(questions), guessing, chance)


# --- length as a pattern over the bank ----------------------------------------------------------


def upper_tail(chances: list[float], observed: int) -> float:
    """P(X >= observed) where X counts successes of independent trials with these chances (Poisson binomial):
    exact up to EXACT_TAIL_LIMIT trials, else a normal approximation with continuity correction."""
    if observed <= 0:
        return 1.0
    if len(chances) <= EXACT_TAIL_LIMIT:
        counts = [1.0]
        for p in chances:
            counts = [a * (1 - p) + b * p for a, b in zip(counts + [0.0], [0.0] + counts)]
        return min(1.0, sum(counts[observed:]))
    mean = sum(chances)
    spread = math.sqrt(sum(p * (1 - p) for p in chances)) or 1e-12
    return 0.5 * math.erfc((observed - 0.5 - mean) / (spread * math.sqrt(2)))


def _ids(questions: list[Question], limit: int = 6) -> str:
    shown = ", ".join(f"'{q.id}'" for q in questions[:limit])
    return shown + (f" and {len(questions) - limit} more" if len(questions) > limit else "")


def _length_pattern(bank: Bank, add: Add) -> None:
    questions = list(bank.questions)
    if len(questions) < CUE_MIN_QUESTIONS:
        return
    answer_longest = [q for q in questions if len(q.answer) > max(len(w.text) for w in q.wrong)]
    wrong_longest = [q for q in questions if max(len(w.text) for w in q.wrong) > len(q.answer)]
    odds = [1 / (1 + len(q.wrong)) for q in questions]
    total = len(questions)
    if upper_tail(odds, len(answer_longest)) < LENGTH_ALPHA:
        add("bank", "length-pattern",
            f"the right answer is the longest choice in {len(answer_longest)} of {total} questions "
            f"(by chance about {sum(odds):.0f}): {_ids(answer_longest)}",
            "patients learn to pick the longest choice; in some of these make a wrong choice the longest, "
            "or shorten the answer")
    padded = [1 - p for p in odds]
    if upper_tail(padded, len(wrong_longest)) < LENGTH_ALPHA:
        add("bank", "length-pattern",
            f"a wrong choice is longer than the answer in {len(wrong_longest)} of {total} questions "
            f"(by chance about {sum(padded):.0f}); patients can learn that the longest choice is wrong",
            "do not pad wrong choices: let the answer be the longest about as often as any choice, "
            "with all choices of similar length")


# --- facts with several ideas -------------------------------------------------------------------


def fact_ideas(text: str, rules: LanguageRules) -> list[str]:
    """The ideas of a fact: its sentences, or the items of an 'and' list in a one-sentence fact."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if content_words(s, rules)]
    if len(sentences) >= 2:
        return sentences
    if len(sentences) == 1 and rules.cues.list_words.search(sentences[0]):
        parts = [part.strip(" .") for part in re.split(r",|" + rules.cues.list_words.pattern, sentences[0], flags=re.IGNORECASE)]
        parts = [part for part in parts if content_words(part, rules)]
        # "infection, bleeding and nerve harm" is a list; "heart and lung disease" is one idea
        if len(parts) >= 3 or (len(parts) == 2 and all(len(content_words(part, rules)) >= 2 for part in parts)):
            return parts
    return sentences


def _checked(text: str, idea_words: list[set[str]], rules: LanguageRules) -> set[int]:
    """The ideas a text checks: those it shares a word with that no other idea has, else any word."""
    own = content_words(text, rules)
    if not own:
        return set()
    every = [set().union(*(w for j, w in enumerate(idea_words) if j != i)) for i in range(len(idea_words))]
    distinct = {i for i, w in enumerate(idea_words) if own & (w - every[i])}
    return distinct or {i for i, w in enumerate(idea_words) if own & w}


def _fact_ideas(bank: Bank, rules: LanguageRules, add: Add) -> None:
    asking: dict[str, list[Question]] = {}
    for question in bank.questions:
        asking.setdefault(question.fact, []).append(question)
    for fact in bank.facts:
        questions = asking.get(fact.id, [])
        ideas = fact_ideas(fact.text, rules)
        if not questions or len(ideas) < 2:
            continue
        idea_words = [content_words(idea, rules) for idea in ideas]
        checked = []
        for question in questions:
            found = _checked(question.answer, idea_words, rules) or _checked(question.ask, idea_words, rules)
            checked.append(found)
        if any(len(found) >= 2 for found in checked):
            continue
        missed = [ideas[i] for i in range(len(ideas)) if not any(i in found for found in checked)]
        asked = "; ".join(
            f"'{q.id}' checks " + (_quote(ideas[min(found)]) if found else "none of them")
            for q, found in zip(questions, checked))
        add(f"fact:{fact.id}", "fact-ideas-unchecked",
            f"the fact '{fact.id}' holds {len(ideas)} ideas and each of its questions checks at most one ({asked})"
            + (f"; never checked: {', '.join(_quote(idea) for idea in missed)}" if missed else ""),
            "one idea per fact: split it into facts with their own questions, so a patient who misses one idea "
            "is re-asked that idea")


def check_cues(bank: Bank, rules: LanguageRules | None, add: Add) -> CueFigure:
    """Add every cue warning of the bank; return its cue-guessing figure."""
    if rules is not None:
        for question in bank.questions:
            _question_cues(question, rules, add)
        _fact_ideas(bank, rules, add)
    _length_pattern(bank, add)
    figure = cue_figure(bank, rules)
    if figure.questions >= CUE_MIN_QUESTIONS and figure.guessing > figure.chance + CUE_MARGIN:
        add("bank", "cue-guessing",
            f"a patient guessing by cues alone would get {figure.guessing:.0%} right, against {figure.chance:.0%} "
            f"by chance ({figure.describe()})",
            "fix the cue warnings above (absolute words, hedges, grammar, length, words echoed from the question) "
            "until the figure is within 10 points of chance")
    return figure
