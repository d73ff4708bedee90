"""The parts of the educator warnings that depend on a bank's language.

English texts are graded with Flesch-Kincaid (grade 6 or lower); Spanish texts with Fernández-Huerta,
Spanish's adaptation of Flesch reading ease (70 or more, "fairly easy", about grade 6). Each language
also brings its function words (for "the answer repeats a word of the question"), its negatives (for
"not in small letters") and its "all of the above". A language without rules gets the checks that do
not depend on language, and one warning saying its reading level was not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textstat.textstat import textstatistics  # textstat 0.7.3: one instance per language, offline (pyphen)


@dataclass(frozen=True)
class Readability:
    """A readability formula (a textstat method) and the score a patient text must reach."""

    name: str  # "grade" or "Fernández-Huerta score"
    summary_name: str  # as the `check` summary line names it: "reading grade"
    method: str  # the textstat method: "flesch_kincaid_grade", "fernandez_huerta"
    limit: float
    higher_is_easier: bool
    floor: float | None = None  # a grade below 0 means nothing more than 0

    def too_hard(self, score: float) -> bool:
        """True when `score` is past the limit on the hard side."""
        return score < self.limit if self.higher_is_easier else score > self.limit

    def worst(self, scores: list[float]) -> float:
        """The hardest of some scores."""
        return min(scores) if self.higher_is_easier else max(scores)

    def describe(self, score: float) -> str:
        """'reads at grade 7.2, above 6' or 'has a Fernández-Huerta score of 64.0, below 70'."""
        if self.higher_is_easier:
            return f"has a {self.name} of {score:.1f}, below {self.limit:g} (harder than grade 6)"
        return f"reads at {self.name} {score:.1f}, above {self.limit:g}"


@dataclass(frozen=True)
class LanguageRules:
    """What the warnings need to know about one language."""

    language: str
    readability: Readability
    long_word_syllables: int  # in texts too short to grade, a word of more syllables than this is flagged
    stop_words: frozenset[str]
    negative: re.Pattern[str]
    above: re.Pattern[str]

    def score(self, text: str) -> float:
        """The readability score of `text` by this language's formula (with its hyphenation dictionary)."""
        score = float(getattr(_statistics(self.language), self.readability.method)(text))
        floor = self.readability.floor
        return score if floor is None else max(floor, score)

    def syllables(self, word: str) -> int:
        """Syllables of one word, by this language's hyphenation dictionary."""
        return int(_statistics(self.language).syllable_count(word))


@lru_cache(maxsize=None)
def _statistics(language: str) -> textstatistics:
    stats = textstatistics()
    stats.set_lang({"en": "en_US", "es": "es"}.get(language, language))
    return stats


ENGLISH_RULES = LanguageRules(
    language="en",
    readability=Readability("grade", "reading grade", "flesch_kincaid_grade", 6.0, higher_is_easier=False, floor=0.0),
    long_word_syllables=4,  # "osteoporosis"
    stop_words=frozenset(
        "a an the and or but of to in on at for from by with as is are was were be been it its this that these those "
        "you your yours i me my we our they them their he she his her what which who whom when where why how do does "
        "did can could will would should may might must not no yes if then than so very more most less some any all "
        "after before about into out up down over under again also just only have has had get gets got".split()
    ),
    negative=re.compile(r"\b(not|except|never)\b"),
    above=re.compile(r"\b(all|none|both|neither) of (the )?(above|these)\b", re.IGNORECASE),
)

SPANISH_RULES = LanguageRules(
    language="es",
    readability=Readability("Fernández-Huerta score", "Fernández-Huerta score", "fernandez_huerta", 70.0, higher_is_easier=True),
    long_word_syllables=5,  # Spanish words run longer: "medicamento" has 5, "radiografía" 5
    stop_words=frozenset(
        "a al ante con contra de del desde en entre hacia hasta para por según sin sobre tras el la lo los las un una "
        "unos unas y e o u ni pero sino que qué quien quién cual cuál cuales cuáles como cómo cuando cuándo donde dónde "
        "cuanto cuánto es son era eran ser sido está están estar estaba ha han he hay haber tiene tienen tener puede "
        "pueden poder debe deben deber va van ir hace hacen hacer yo tú usted ustedes él ella ellos ellas nosotros "
        "me te se le les nos mi mis tu tus su sus nuestro nuestra este esta estos estas ese esa esos esas eso esto "
        "aquel muy más menos mucho mucha muchos muchas poco poca algo alguno alguna algunos algunas todo toda todos "
        "todas otro otra otros otras ya también solo sólo si sí no antes después luego entonces así bien".split()
    ),
    negative=re.compile(r"\b(no|nunca|jamás|excepto|salvo)\b"),
    above=re.compile(r"\b(todas|todos|ninguna|ninguno|ambas|ambos) (de )?(las |los )?(anteriores|de arriba)\b", re.IGNORECASE),
)

RULES = {rules.language: rules for rules in (ENGLISH_RULES, SPANISH_RULES)}


def rules_for(language: str) -> LanguageRules | None:
    """The rules for `language`, or None when there are none (only language-free checks then)."""
    return RULES.get(language)
