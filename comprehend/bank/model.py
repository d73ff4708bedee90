"""What a bank is: immutable dataclasses built only by the loader."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fact:
    """One key point of the material, in plain words."""

    id: str
    text: str
    topic: str = ""
    source: str = ""


@dataclass(frozen=True)
class WrongChoice:
    """A wrong choice, with an optional reason shown when a patient picks it."""

    text: str
    why: str = ""


@dataclass(frozen=True)
class Question:
    """A multiple-choice question that asks about one fact."""

    id: str
    fact: str
    ask: str
    answer: str
    wrong: tuple[WrongChoice, ...]
    explain: str = ""
    critical: bool = False


@dataclass(frozen=True)
class Approval:
    """Who approved a bank version for use with patients: a clinician's name, their role, and the ISO date."""

    by: str
    role: str
    on: str  # YYYY-MM-DD, checked by the loader

    def sentence(self) -> str:
        """'Bank approved by Dr Ann Lee (spine surgeon) on 2026-11-30', for staff screens and reports."""
        return f"Bank approved by {self.by} ({self.role}) on {self.on}"


@dataclass(frozen=True)
class Bank:
    """One YAML file: facts, questions about them, and how the quiz is scored."""

    id: str
    title: str
    version: int
    facts: tuple[Fact, ...]
    questions: tuple[Question, ...]
    language: str = "en"
    pass_mark: float = 0.8
    max_rounds: int = 3
    source: str = ""
    approved: Approval | None = None  # None: a draft, not approved by a clinician (part of the content and its hash)
    source_file: str = field(default="", compare=False)  # the material, for the copied-text check
    content_hash: str = field(default="", compare=False)
    path: str = field(default="", compare=False)
    # where each part stands in the file: "fact:<id>:text", "question:<id>:wrong:<n>", ... -> (line, col)
    places: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def place(self, key: str) -> tuple[int, int]:
        """The line and column of a part of the bank (1, 1 when not known)."""
        return self.places.get(key, (1, 1))

    def fact(self, fact_id: str) -> Fact:
        """Return the fact with this id (KeyError if there is none)."""
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def question(self, question_id: str) -> Question:
        """Return the question with this id (KeyError if there is none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def questions_for(self, fact_id: str) -> tuple[Question, ...]:
        """The questions that ask about one fact, in bank order."""
        return tuple(q for q in self.questions if q.fact == fact_id)

    def is_critical(self, fact_id: str) -> bool:
        """A fact is critical when any question about it is marked critical."""
        return any(q.critical for q in self.questions_for(fact_id))

    @property
    def approval_sentence(self) -> str:
        """Who approved this version, or that it is a draft (staff words, in English like every staff screen)."""
        if self.approved is None:
            return f"Bank version {self.version} is a draft: not approved by a clinician"
        return self.approved.sentence()

    @property
    def short_hash(self) -> str:
        """The first 8 characters of the content hash, for screens and reports."""
        return self.content_hash[:8]
