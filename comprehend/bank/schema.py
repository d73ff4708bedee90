"""The bank format as data: the keys of each part, their kinds, limits and defaults.

The loader validates against these definitions, so the format is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # an ISO date; the loader also checks it is a real day
MAX_WRONG_CHOICES = 5
MAX_FACTS = 500  # a consent bank has tens; these bound the work a runaway file can cause
MAX_QUESTIONS = 1000


@dataclass(frozen=True)
class Key:
    """One key of a mapping in the bank format."""

    name: str
    kind: str  # "id", "text", "date", "int", "number", "bool", "list", "mapping" (its keys are `item`)
    help: str
    required: bool = False
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    min_items: int | None = None
    max_items: int | None = None
    item: "Shape | None" = None


@dataclass(frozen=True)
class Shape:
    """A mapping in the bank format: what it is called in messages and the keys it takes."""

    name: str
    keys: tuple[Key, ...]
    text_shorthand: str | None = field(default=None)  # a plain string may stand for this key

    def key(self, name: str) -> Key | None:
        """The definition of one key, or None when the shape has no such key."""
        for key in self.keys:
            if key.name == name:
                return key
        return None

    @property
    def names(self) -> list[str]:
        """The names of every key this shape takes."""
        return [key.name for key in self.keys]


WRONG_CHOICE = Shape(
    "wrong choice",
    (
        Key("text", "text", "the wrong choice as the patient sees it", required=True),
        Key("why", "text", "why this choice is wrong, shown when a patient picks it"),
    ),
    text_shorthand="text",
)

FACT = Shape(
    "fact",
    (
        Key("id", "id", "a short name, unique in the bank", required=True),
        Key("topic", "text", "groups the key points screen and reports", default=""),
        Key("text", "text", "the key point in plain words", required=True),
        Key("source", "text", "the section of the material it comes from", default=""),
    ),
)

QUESTION = Shape(
    "question",
    (
        Key("id", "id", "a short name, unique in the bank", required=True),
        Key("fact", "id", "the id of the fact this question asks about", required=True),
        Key("critical", "bool", "a point every patient must understand", default=False),
        Key("ask", "text", "the question", required=True),
        Key("answer", "text", "the one right choice", required=True),
        Key(
            "wrong",
            "list",
            "the wrong choices: text, or {text, why}",
            required=True,
            min_items=1,
            max_items=MAX_WRONG_CHOICES,
            item=WRONG_CHOICE,
        ),
        Key("explain", "text", "shown after the answer", default=""),
    ),
)

APPROVAL = Shape(
    "bank approval",
    (
        Key("by", "text", "the name of the clinician who approved this version", required=True),
        Key("role", "text", "their role, such as spine surgeon or nurse educator", required=True),
        Key("on", "date", "the day they approved it, as YYYY-MM-DD", required=True),
    ),
)

BANK = Shape(
    "bank",
    (
        Key("id", "id", "a short name for the bank", required=True),
        Key("title", "text", "the title patients see", required=True),
        Key("version", "int", "bumped when the wording changes", required=True, minimum=1),
        Key("language", "text", "the language code, such as en or es", default="en"),
        Key(
            "pass_mark",
            "number",
            "share of questions right on the first try to be ready",
            default=0.8,
            minimum=0,
            maximum=1,
            exclusive_minimum=True,
        ),
        Key(
            "max_rounds",
            "int",
            "how many times a missed point is re-taught and re-asked",
            default=3,
            minimum=1,
            maximum=10,
        ),
        Key("source", "text", "the title of the material", default=""),
        Key("source_file", "text", "a text file of the material, to warn about copied sentences", default=""),
        Key("approved", "mapping", "who approved this version for patients: by, role, on; leave it out for a draft",
            item=APPROVAL),
        Key("facts", "list", "the key points", required=True, min_items=1, max_items=MAX_FACTS, item=FACT),
        Key("questions", "list", "the questions", required=True, min_items=1, max_items=MAX_QUESTIONS, item=QUESTION),
    ),
)
