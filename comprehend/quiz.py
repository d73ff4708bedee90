"""QuizRun: the order of questions, shuffled choices, teach-to-goal rounds and scoring.

Pure and deterministic given the bank and a seed: no screens, no files, no clock. The kiosk asks
`current` what to show, and reports what the patient chose with `answer()` or `reteach_done()`.

A patient may stop at any step and ask for the nurse (`ask_for_nurse()`): the attempt ends there,
needs discussion, and its first-try score counts only the round-1 questions answered. After round 1,
a patient who missed more than half is offered the nurse instead of more rounds (a `NurseOffer`
step: `ask_for_nurse()` or `keep_going()`).
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
    rounds: int = 1  # how many rounds there can be in all (1 + the bank's max_rounds)


@dataclass(frozen=True)
class Reteach:
    """Teach a missed fact again before it is re-asked."""

    fact: Fact
    explain: str
    round: int
    number: int
    of: int
    rounds: int = 1  # how many rounds there can be in all (1 + the bank's max_rounds)


@dataclass(frozen=True)
class NurseOffer:
    """After round 1, `missed` of `of` points were missed: go over them with the nurse, or try again here."""

    missed: int
    of: int


# Where a patient asked for the nurse (stored in the record as `asked_for_nurse_from`).
FROM_QUESTION = "question"
FROM_FEEDBACK = "feedback"
FROM_RETEACH = "reteach"
FROM_OFFER = "offer"
ASKED_FROM = (FROM_QUESTION, FROM_FEEDBACK, FROM_RETEACH, FROM_OFFER)


def offers_nurse(missed: int, of: int) -> bool:
    """True when more than half of the points were missed in round 1 (the nurse is offered)."""
    return missed * 2 > of


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
        self._step: Ask | Reteach | NurseOffer | None = None
        self._offered = False  # the nurse was offered after round 1 (once)
        self.asked_for_nurse = ""  # where the patient asked for the nurse (one of ASKED_FROM), "" when they did not
        self._prepare()

    # --- reading the state -------------------------------------------------------------
    @property
    def current(self) -> Ask | Reteach | NurseOffer | None:
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

    @property
    def rounds(self) -> int:
        """How many rounds there can be in all: round 1 and up to the bank's max_rounds of going over it again."""
        return 1 + self.bank.max_rounds

    @property
    def asked_first(self) -> int:
        """The facts the first-try score counts: all of them, or those asked in round 1 before the patient stopped."""
        if self.asked_for_nurse and self._round == 1:
            return sum(1 for answer in self.answers if answer.round == 1)
        return self.total

    def figures(self) -> Figures:
        """First-try score, rounds per fact and facts never mastered, from the answers so far."""
        return compute_figures(self.answers, self.asked_first)

    def outcome(self) -> str:
        """ready / needs-discussion when finished, incomplete before; always needs-discussion after asking for the nurse."""
        critical = [f.id for f in self.bank.facts if self.bank.is_critical(f.id)]
        return decide_outcome(self.figures(), self.bank.pass_mark, critical, self.finished, bool(self.asked_for_nurse))

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

    def keep_going(self) -> None:
        """The patient chose to try again here rather than go over the points with the nurse."""
        if not isinstance(self._step, NurseOffer):
            raise QuizError("the nurse is not being offered now")
        self._prepare()

    def move_on(self) -> None:
        """Go past a step that asks nothing: a re-teach read, or the nurse offer declined (for drivers of whole runs)."""
        if isinstance(self._step, NurseOffer):
            self.keep_going()
        else:
            self.reteach_done()

    def ask_for_nurse(self, where: str) -> None:
        """The patient asked for the nurse: the attempt ends now, with every answer given so far."""
        if where not in ASKED_FROM:
            raise QuizError(f"{where!r} is not a place to ask for the nurse from")
        if self.finished:
            raise QuizError("the attempt is already finished")
        self.asked_for_nurse = where
        self._step = None

    @classmethod
    def replay(cls, bank: Bank, seed: int, answers: list[Answer]) -> "QuizRun":
        """Rebuild a run from stored answers (for resuming), checking each fits what would be asked."""
        run = cls(bank, seed)
        for given in answers:
            while isinstance(run.current, (Reteach, NurseOffer)):
                run.reteach_done() if isinstance(run.current, Reteach) else run.keep_going()
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
            if self._offer_due():
                self._offered = True
                self._step = NurseOffer(len(set(self._missed_this_round)), self.total)
                return
            if not self._next_round():
                self._step = None
                return
        kind, fact_id = self._plan[self._position]
        fact = self.bank.fact(fact_id)
        asks = [entry for entry in self._plan if entry[0] == "ask"]
        number = asks.index((kind, fact_id)) + 1 if kind == "ask" else asks.index(("ask", fact_id)) + 1
        if kind == "reteach":
            last = self._last_question(fact_id)
            self._step = Reteach(fact, last.explain if last else "", self._round, number, len(asks), self.rounds)
        else:
            question = self._pick_question(fact_id)
            self._step = Ask(question, fact, self._shuffle(question), self._round, number, len(asks), self.rounds)

    def _offer_due(self) -> bool:
        """At the end of round 1, with another round to come: offer the nurse when more than half were missed."""
        missed = len(set(self._missed_this_round))
        return self._round == 1 and not self._offered and self._round <= self.bank.max_rounds and offers_nurse(missed, self.total)

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
