"""QuizRun: the order of questions, shuffled choices, teach-to-goal rounds and scoring.

Pure and deterministic given the bank and a seed: no screens, no files, no clock. The kiosk asks
`current` what to show, and reports what the patient chose with `answer()` or `reteach_done()`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from comprehend.bank.model import Bank, Fact, Question
from comprehend.scoring import Figures, compute_figures, decide_outcome


@dataclass(frozen=True)
class Choice:
    """One choice as shown to the patient."""

    text: str
    correct: bool
    why: str = ""


@dataclass(frozen=True)
class Ask:
    """Show a question: `number` of `of` in this round."""

    question: Question
    fact: Fact
    choices: tuple[Choice, ...]
    round: int
    number: int
    of: int


@dataclass(frozen=True)
class Reteach:
    """Teach a missed fact again before it is re-asked."""

    fact: Fact
    explain: str
    round: int
    number: int
    of: int


@dataclass(frozen=True)
class Answer:
    """One answer as given: which question, in which round, the choice text and whether it was right."""

    question_id: str
    fact_id: str
    round: int
    choice: str
    correct: bool
    at: str = ""


@dataclass(frozen=True)
class Feedback:
    """What the patient is told after answering."""

    correct: bool
    chosen: Choice
    answer: str
    explain: str
    why: str
    fact: Fact


def feedback_for(ask: Ask, index: int) -> Feedback:
    """What to show after the choice at `index` of `ask`: right or not, the answer, why, the explanation."""
    chosen = ask.choices[index]
    return Feedback(chosen.correct, chosen, ask.question.answer, ask.question.explain, chosen.why, ask.fact)


def shuffled_choices(question: Question, seed: int, round_number: int) -> list[Choice]:
    """The choices of a question in the order attempt `seed` shows them in a round (the same every time)."""
    choices = [Choice(question.answer, True)] + [Choice(w.text, False, w.why) for w in question.wrong]
    random.Random(f"{seed}:{question.id}:{round_number}").shuffle(choices)
    return choices


def preview_ask(bank: Bank, question: Question, number: int, seed: int = 0) -> Ask:
    """A question shown on its own (educator preview): choices shuffled as round 1 of attempt `seed` would."""
    return Ask(question, bank.fact(question.fact), tuple(shuffled_choices(question, seed, 1)), 1, number, len(bank.questions))


class QuizError(Exception):
    """The quiz was asked to do something its state does not allow (a bug in the caller)."""


class QuizRun:
    """One patient's pass through one bank, with teach-to-goal rounds until each fact is mastered."""

    def __init__(self, bank: Bank, seed: int):
        self.bank = bank
        self.seed = seed
        self.answers: list[Answer] = []
        self._asked: dict[str, int] = {}  # question id -> times asked
        self._last_order: dict[str, tuple[str, ...]] = {}
        first_facts = [f.id for f in bank.facts if bank.questions_for(f.id)]
        self.total = len(first_facts)
        self._round = 1
        self._plan: list[tuple[str, str]] = [("ask", fact) for fact in first_facts]
        self._missed_this_round: list[str] = []
        self._position = 0
        self._step: Ask | Reteach | None = None
        self._prepare()

    # --- reading the state -------------------------------------------------------------
    @property
    def current(self) -> Ask | Reteach | None:
        """What to show now; None when the attempt is finished."""
        return self._step

    @property
    def finished(self) -> bool:
        """True once every fact is mastered or out of rounds."""
        return self._step is None

    @property
    def round(self) -> int:
        """The round being taken: 1 is the first pass, later rounds re-teach what was missed."""
        return self._round

    def figures(self) -> Figures:
        """First-try score, rounds per fact and facts never mastered, from the answers so far."""
        return compute_figures(self.answers, self.total)

    def outcome(self) -> str:
        """ready / needs-discussion when finished, incomplete before."""
        critical = [f.id for f in self.bank.facts if self.bank.is_critical(f.id)]
        return decide_outcome(self.figures(), self.bank.pass_mark, critical, self.finished)

    # --- acting ------------------------------------------------------------------------
    def answer(self, index: int, at: str = "") -> Feedback:
        """Record the choice at `index` of the current question and return the feedback to show."""
        step = self._step
        if not isinstance(step, Ask):
            raise QuizError("there is no question to answer now")
        if not 0 <= index < len(step.choices):
            raise QuizError(f"choice {index} is not one of the {len(step.choices)} choices")
        feedback = feedback_for(step, index)
        chosen = feedback.chosen
        self.answers.append(Answer(step.question.id, step.fact.id, step.round, chosen.text, chosen.correct, at))
        if not chosen.correct:
            self._missed_this_round.append(step.fact.id)
        self._advance()
        return feedback

    def reteach_done(self) -> None:
        """The patient has read the re-taught fact: go on to re-ask it."""
        if not isinstance(self._step, Reteach):
            raise QuizError("there is nothing being re-taught now")
        self._advance()

    @classmethod
    def replay(cls, bank: Bank, seed: int, answers: list[Answer]) -> "QuizRun":
        """Rebuild a run from stored answers (for resuming), checking each fits what would be asked."""
        run = cls(bank, seed)
        for given in answers:
            while isinstance(run.current, Reteach):
                run.reteach_done()
            step = run.current
            if not isinstance(step, Ask) or step.question.id != given.question_id:
                raise QuizError(f"stored answer to {given.question_id} does not fit this bank and seed")
            texts = [c.text for c in step.choices]
            if given.choice not in texts:
                raise QuizError(f"stored choice {given.choice!r} is not a choice of {given.question_id}")
            run.answer(texts.index(given.choice), given.at)
        return run

    # --- inner workings ----------------------------------------------------------------
    def _advance(self) -> None:
        self._position += 1
        self._prepare()

    def _prepare(self) -> None:
        if self._position >= len(self._plan):
            if not self._next_round():
                self._step = None
                return
        kind, fact_id = self._plan[self._position]
        fact = self.bank.fact(fact_id)
        asks = [entry for entry in self._plan if entry[0] == "ask"]
        number = asks.index((kind, fact_id)) + 1 if kind == "ask" else asks.index(("ask", fact_id)) + 1
        if kind == "reteach":
            last = self._last_question(fact_id)
            self._step = Reteach(fact, last.explain if last else "", self._round, number, len(asks))
        else:
            question = self._pick_question(fact_id)
            self._step = Ask(question, fact, self._shuffle(question), self._round, number, len(asks))

    def _next_round(self) -> bool:
        missed = list(dict.fromkeys(self._missed_this_round))
        if not missed or self._round > self.bank.max_rounds:
            return False
        self._round += 1
        self._plan = [entry for fact in missed for entry in (("reteach", fact), ("ask", fact))]
        self._missed_this_round = []
        self._position = 0
        return True

    def _last_question(self, fact_id: str) -> Question | None:
        for answer in reversed(self.answers):
            if answer.fact_id == fact_id:
                return self.bank.question(answer.question_id)
        return None

    def _pick_question(self, fact_id: str) -> Question:
        """The least-asked question on this fact (bank order breaks ties), so re-asks use another wording."""
        candidates = self.bank.questions_for(fact_id)
        question = min(candidates, key=lambda q: self._asked.get(q.id, 0))
        self._asked[question.id] = self._asked.get(question.id, 0) + 1
        return question

    def _shuffle(self, question: Question) -> tuple[Choice, ...]:
        choices = shuffled_choices(question, self.seed, self._round)
        order = tuple(c.text for c in choices)
        if len(choices) > 1 and order == self._last_order.get(question.id):
            choices = choices[1:] + choices[:1]  # re-asked the same way: move the choices round
        self._last_order[question.id] = tuple(c.text for c in choices)
        return tuple(choices)
