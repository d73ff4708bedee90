"""The parts of the educator warnings that depend on a bank's language.

English texts are graded with Flesch-Kincaid (grade 6 or lower); Spanish texts with Fernández-Huerta,
Spanish's adaptation of Flesch reading ease (70 or more, "fairly easy", about grade 6). Each language
also brings its function words (for "the answer repeats a word of the question"), its negatives (for
"not in small letters") and its "all of the above". A language without rules gets the checks that do
not depend on language, and one warning saying its reading level was not checked.

Each language also brings its test-wise cue words (`CueWords`, for comprehend/bank/cues.py): absolute
words ("always", "siempre"), hedges ("may", "puede"), the words that name a person (for "Who…?"),
the articles that fix what may follow a blank, and the openings that mark a shared form ("To…", "Para…").
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


NOT_BEFORE_NUMBER = frozenset({"every", "cada"})  # "1 out of every 100", "1 de cada 100" say how often, not "always"


def _words(text: str) -> re.Pattern[str]:
    """A pattern matching any of these '|'-separated words or phrases as whole words, in any case."""
    phrases = sorted((phrase.strip() for phrase in text.split("|") if phrase.strip()), key=len, reverse=True)
    parts = [re.escape(p).replace(r"\ ", r"\s+") + (r"(?!\s+\d)" if p in NOT_BEFORE_NUMBER else "") for p in phrases]
    return re.compile(r"\b(" + "|".join(parts) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """An article or determiner that, before a blank, fixes what may follow it."""

    number: str = ""  # "singular", "plural" or "" (either)
    vowel: bool | None = None  # English a/an: True when the next word must start with a vowel sound
    gender: str = ""  # Spanish: "m", "f" or "" (either)


@dataclass(frozen=True)
class CueWords:
    """The words a test-wise patient uses to guess without knowing (see comprehend/bank/cues.py)."""

    absolute: re.Pattern[str]  # "always", "never": wrong choices tend to hold them
    hedge: re.Pattern[str]  # "may", "some": careful answers tend to hold them
    who: re.Pattern[str]  # a question that asks for a person: "Who…?", "¿Quién…?"
    person: re.Pattern[str]  # words that name a person: "doctor", "nurse", "nobody"
    articles: dict[str, Article]  # the last word before a blank -> what must follow it
    form_openings: frozenset[str]  # one-word openings that mark a form by themselves: "to", "para"
    first_word_forms: tuple[tuple[str, re.Pattern[str]], ...]  # ("an infinitive", pattern of a first word)
    list_words: re.Pattern[str]  # what joins a list of ideas in one sentence: "and", "y"
    noun_first: bool  # after an article the noun comes first (Spanish) rather than last (English)
    plural_words: frozenset[str]  # plurals without a plain -s: "people", "men"
    feminine_words: frozenset[str] = frozenset()  # Spanish: nouns that are feminine against their ending ("mano")
    masculine_words: frozenset[str] = frozenset()  # Spanish: nouns that are masculine against their ending ("día")


@dataclass(frozen=True)
class LanguageRules:
    """What the warnings need to know about one language."""

    language: str
    readability: Readability
    long_word_syllables: int  # in texts too short to grade, a word of more syllables than this is flagged
    stop_words: frozenset[str]
    negative: re.Pattern[str]
    above: re.Pattern[str]
    cues: CueWords

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
    cues=CueWords(
        absolute=_words("always|never|nothing|nobody|no one|none|only|at all|for good|forever|every|everyone|"
                        "everybody|everything|all|completely|entirely|totally|absolutely|for sure|for certain"),
        hedge=_words("can|could|may|might|some|most|usually|often|sometimes|likely|probably|possibly|perhaps|"
                     "generally|mostly|a bit|a little|many|tends to|in most cases"),
        who=re.compile(r"^\W*(who|whom)\b", re.IGNORECASE),
        person=_words("doctor|doctors|nurse|nurses|surgeon|surgeons|team|teams|therapist|therapists|staff|person|people|"
                      "someone|somebody|anyone|anybody|everyone|everybody|nobody|no one|family|friend|friends|"
                      "pharmacist|helper|carer|caregiver|man|woman|men|women|child|children|he|she|i|we|"),
        articles={"a": Article("singular", vowel=False), "an": Article("singular", vowel=True),
                  "one": Article("singular"), "each": Article("singular"), "every": Article("singular"),
                  "another": Article("singular"), "this": Article("singular"), "that": Article("singular"),
                  "these": Article("plural"), "those": Article("plural"), "two": Article("plural"),
                  "three": Article("plural"), "several": Article("plural"), "many": Article("plural"),
                  "both": Article("plural"), "few": Article("plural")},
        form_openings=frozenset({"to"}),  # "To make a space": an infinitive
        first_word_forms=(("an -ing word", re.compile(
            r"^(?!(?:no|some|any|every)?things?$|morning$|evening$|during$|ceiling$|bring$|spring$|string$|"
            r"ring$|king$|sing$|swing$|wing$|ping$|sting$)[^\W\d_]{2,}ing$", re.IGNORECASE)),),
        list_words=re.compile(r"\band\b", re.IGNORECASE),
        noun_first=False,
        plural_words=frozenset("people men women children feet teeth mice geese data".split()),
    ),
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
    cues=CueWords(
        absolute=_words("siempre|nunca|jamás|nada|nadie|solo|sólo|solamente|únicamente|para siempre|todo|toda|todos|"
                        "todas|ninguno|ninguna|ningún|en absoluto|cada|completamente|totalmente|del todo|"
                        "de ningún modo|por completo"),
        hedge=_words("puede|pueden|podría|podrían|puedes|algún|alguno|alguna|algunos|algunas|la mayoría|"
                     "a menudo|a veces|suele|suelen|por lo general|normalmente|casi|quizás|quizá|tal vez|"
                     "probablemente|muchas veces|un poco|en general"),
        who=re.compile(r"^\W*(quién|quiénes|quien|quienes|a quién|a quiénes)\b", re.IGNORECASE),
        person=_words("médico|médica|médicos|médicas|doctor|doctora|doctores|enfermero|enfermera|enfermeros|"
                      "enfermeras|cirujano|cirujana|cirujanos|equipo|equipos|terapeuta|terapeutas|personal|"
                      "persona|personas|gente|alguien|nadie|cualquiera|familia|familiar|familiares|amigo|amiga|"
                      "amigos|farmacéutico|farmacéutica|hombre|mujer|hombres|mujeres|niño|niña|niños|él|ella|"
                      "ellos|ellas|yo|nosotros"),
        articles={"un": Article("singular", gender="m"), "una": Article("singular", gender="f"),
                  "unos": Article("plural", gender="m"), "unas": Article("plural", gender="f"),
                  "el": Article("singular", gender="m"), "la": Article("singular", gender="f"),
                  "los": Article("plural", gender="m"), "las": Article("plural", gender="f"),
                  "este": Article("singular", gender="m"), "esta": Article("singular", gender="f"),
                  "estos": Article("plural", gender="m"), "estas": Article("plural", gender="f"),
                  "dos": Article("plural"), "tres": Article("plural"), "varios": Article("plural", gender="m"),
                  "varias": Article("plural", gender="f")},
        form_openings=frozenset({"para", "significa"}),  # "Para hacer un espacio", "Significa que…"
        first_word_forms=(
            ("an infinitive", re.compile(r"^[^\W\d_]{2,}(ar|er|ir|ír)(se|lo|la|los|las|le|les)?$", re.IGNORECASE)),
            ("a gerund (-ando, -iendo)", re.compile(r"^[^\W\d_]{2,}(ando|iendo|yendo)(se|lo|la|los|las)?$", re.IGNORECASE)),
        ),
        list_words=re.compile(r"\b[ye]\b", re.IGNORECASE),
        noun_first=True,
        plural_words=frozenset(),
        feminine_words=frozenset("mano manos foto fotos radio moto".split()),
        masculine_words=frozenset("día días mapa mapas problema problemas sistema sistemas tema temas programa "
                                  "programas clima idioma".split()),
    ),
)

RULES = {rules.language: rules for rules in (ENGLISH_RULES, SPANISH_RULES)}


def rules_for(language: str) -> LanguageRules | None:
    """The rules for `language`, or None when there are none (only language-free checks then)."""
    return RULES.get(language)
