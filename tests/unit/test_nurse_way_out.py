"""A way out for a patient who struggles (issue 14): asking for the nurse, the offer after round 1, the round shown."""

from __future__ import annotations

import pytest

from comprehend.quiz import (
    FROM_FEEDBACK,
    FROM_OFFER,
    FROM_QUESTION,
    FROM_RETEACH,
    Ask,
    NurseOffer,
    QuizError,
    QuizRun,
    Reteach,
    offers_nurse,
)
from comprehend.record import COMPLETED, EXPORT_FIELDS
from comprehend.scoring import NEEDS_DISCUSSION, READY, compute_figures, decide_outcome
from comprehend.session import AttemptSession


def right(step: Ask) -> int:
    return next(i for i, c in enumerate(step.choices) if c.correct)


def wrong(step: Ask) -> int:
    return next(i for i, c in enumerate(step.choices) if not c.correct)


def finish_round_one(run: QuizRun, wrong_facts: set[str]) -> None:
    """Answer round 1, getting the given facts wrong."""
    while isinstance(run.current, Ask) and run.current.round == 1:
        run.answer(wrong(run.current) if run.current.fact.id in wrong_facts else right(run.current))


class TestAskingForTheNurse:
    """The patient stops and asks for the nurse: the attempt ends, nothing is lost, it needs discussion."""

    def test_from_a_question_in_round_one_counts_only_the_questions_answered(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        run.answer(right(run.current))  # 1 of 3, right
        assert isinstance(run.current, Ask) and run.current.number == 2
        run.ask_for_nurse(FROM_QUESTION)
        assert run.finished and run.current is None
        assert run.asked_for_nurse == FROM_QUESTION
        figures = run.figures()
        assert (figures.first_try_correct, figures.total) == (1, 1)  # not 1 of 3: the 2 not asked do not count
        assert run.total == 3
        assert run.outcome() == NEEDS_DISCUSSION  # even with every answer given right

    def test_from_the_feedback_the_answer_just_given_counts(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        run.answer(right(run.current))
        run.answer(wrong(run.current))  # the feedback on this one is on screen
        run.ask_for_nurse(FROM_FEEDBACK)
        figures = run.figures()
        assert (figures.first_try_correct, figures.total) == (1, 2)
        assert figures.missed_first == ("grass",) and figures.never_mastered == ("grass",)

    def test_from_a_reteach_the_whole_first_round_counts(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky"})
        assert isinstance(run.current, Reteach)
        run.ask_for_nurse(FROM_RETEACH)
        figures = run.figures()
        assert (figures.first_try_correct, figures.total) == (2, 3)
        assert figures.never_mastered == ("sky",)
        assert run.outcome() == NEEDS_DISCUSSION

    def test_before_any_answer_nothing_is_counted(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        run.ask_for_nurse(FROM_QUESTION)
        figures = run.figures()
        assert (figures.first_try_correct, figures.total, figures.score) == (0, 0, 0.0)
        assert run.outcome() == NEEDS_DISCUSSION

    def test_cannot_ask_once_finished_or_from_nowhere(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        with pytest.raises(QuizError):
            run.ask_for_nurse("lobby")
        finish_round_one(run, set())
        assert run.finished and run.outcome() == READY
        with pytest.raises(QuizError):
            run.ask_for_nurse(FROM_FEEDBACK)
        assert run.asked_for_nurse == "" and run.outcome() == READY

    def test_outcome_rule(self):
        figures = compute_figures([], 0)
        assert decide_outcome(figures, 0.0, [], finished=True) == READY
        assert decide_outcome(figures, 0.0, [], finished=True, asked_for_nurse=True) == NEEDS_DISCUSSION


class TestOfferAfterRoundOne:
    """Missing more than half in round 1 offers the nurse instead of more rounds."""

    @pytest.mark.parametrize(("missed", "of", "offered"), [(2, 3, True), (3, 3, True), (1, 3, False), (13, 26, False),
                                                           (14, 26, True), (0, 0, False)])
    def test_more_than_half(self, missed, of, offered):
        assert offers_nurse(missed, of) is offered

    def test_two_of_three_missed_is_offered_once_round_one_is_over(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky", "grass"})
        assert run.current == NurseOffer(missed=2, of=3)
        assert not run.finished and run.round == 1

    def test_one_of_three_missed_goes_straight_to_round_two(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky"})
        assert isinstance(run.current, Reteach) and run.round == 2

    def test_taking_the_offer_ends_the_attempt_with_the_whole_round_counted(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky", "grass", "snow"})
        run.ask_for_nurse(FROM_OFFER)
        assert run.finished and run.asked_for_nurse == FROM_OFFER
        figures = run.figures()
        assert (figures.first_try_correct, figures.total) == (0, 3)
        assert run.outcome() == NEEDS_DISCUSSION

    def test_declining_goes_over_the_points_here_and_is_not_offered_again(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky", "grass", "snow"})
        run.keep_going()
        seen = []
        while not run.finished:
            step = run.current
            assert not isinstance(step, NurseOffer)
            seen.append(type(step).__name__)
            run.reteach_done() if isinstance(step, Reteach) else run.answer(wrong(step))
        assert seen.count("Ask") == 3 * small_bank.max_rounds  # every round was taken
        assert run.asked_for_nurse == "" and run.outcome() == NEEDS_DISCUSSION

    def test_keep_going_only_answers_the_offer(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        with pytest.raises(QuizError):
            run.keep_going()

    def test_replay_goes_past_a_declined_offer(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        finish_round_one(run, {"sky", "grass"})
        run.keep_going()
        run.reteach_done()
        run.answer(right(run.current))
        again = QuizRun.replay(small_bank, 7, run.answers)
        assert again.current == run.current and again.round == 2


class TestRoundShown:
    """Each step knows its round and how many rounds there can be."""

    def test_rounds_in_all_is_one_plus_max_rounds(self, small_bank):
        run = QuizRun(small_bank, seed=7)
        assert run.current.rounds == 1 + small_bank.max_rounds == run.rounds
        finish_round_one(run, {"sky"})
        assert isinstance(run.current, Reteach) and (run.current.round, run.current.rounds) == (2, 3)
        assert (run.current.number, run.current.of) == (1, 1)


class TestStoredRecord:
    """The record says the patient asked for the nurse, from where, and how many facts there were."""

    def test_session_stores_it_finished(self, small_bank, store, clock):
        session = AttemptSession(small_bank, "PT-1", store, seed=7, clock=clock)
        session.answer(right(session.run.current))
        session.ask_for_nurse(FROM_QUESTION)
        [stored] = list(store.attempts())
        assert stored["status"] == COMPLETED and stored["outcome"] == NEEDS_DISCUSSION
        assert stored["asked_for_nurse"] is True and stored["asked_for_nurse_from"] == FROM_QUESTION
        assert (stored["first_try_correct"], stored["total"], stored["facts_in_bank"]) == (1, 1, 3)
        assert len(stored["answers"]) == 1  # nothing answered is lost
        assert session.closed and session.stored
        session.abandon()  # the kiosk going back to welcome changes nothing
        session.ask_for_nurse(FROM_QUESTION)
        assert [r["status"] for r in store.attempts()] == [COMPLETED]

    def test_an_ordinary_attempt_says_it_did_not(self, small_bank, store, clock):
        session = AttemptSession(small_bank, "PT-1", store, seed=7, clock=clock)
        while not session.run.finished:
            session.answer(right(session.run.current))
        [stored] = list(store.attempts())
        assert stored["asked_for_nurse"] is False and "asked_for_nurse_from" not in stored
        assert "asked_for_nurse" in EXPORT_FIELDS
