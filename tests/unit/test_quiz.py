"""QuizRun and scoring: order, shuffling by seed, teach-to-goal rounds, figures and outcome."""

from __future__ import annotations

import pytest

from comprehend.quiz import Ask, NurseOffer, QuizError, QuizRun, Reteach
from comprehend.scoring import NEEDS_DISCUSSION, READY, compute_figures, decide_outcome


def right_index(step: Ask) -> int:
    return next(i for i, c in enumerate(step.choices) if c.correct)


def wrong_index(step: Ask) -> int:
    return next(i for i, c in enumerate(step.choices) if not c.correct)


def take(run: QuizRun, wrong_answers: dict[str, int]) -> list[tuple]:
    """Answer until finished, getting each fact wrong the given number of times; return what was shown."""
    shown = []
    misses = dict(wrong_answers)
    while not run.finished:
        step = run.current
        if isinstance(step, Reteach):
            shown.append(("reteach", step.fact.id, step.round))
            run.reteach_done()
            continue
        if isinstance(step, NurseOffer):  # try again here (the offer has tests of its own)
            run.keep_going()
            continue
        shown.append(("ask", step.question.id, step.round))
        if misses.get(step.fact.id, 0) > 0:
            misses[step.fact.id] -= 1
            run.answer(wrong_index(step))
        else:
            run.answer(right_index(step))
    return shown


def test_round_one_asks_one_question_per_fact_in_bank_order(small_bank):
    """Round 1 asks the first question of each fact, in bank order, numbered 'n of total'."""
    run = QuizRun(small_bank, seed=7)
    shown = take(run, {})
    assert shown == [("ask", "sky-colour", 1), ("ask", "grass-colour", 1), ("ask", "snow-feel", 1)]
    assert run.figures().first_try_correct == 3 and run.total == 3
    assert run.outcome() == READY


def test_numbering_counts_questions_in_the_round(small_bank):
    """The first question says 1 of 3, the last 3 of 3."""
    run = QuizRun(small_bank, seed=7)
    numbers = []
    while not run.finished:
        numbers.append((run.current.number, run.current.of))
        run.answer(right_index(run.current))
    assert numbers == [(1, 3), (2, 3), (3, 3)]


def test_missed_fact_is_retaught_then_asked_in_another_wording(small_bank):
    """A missed fact is re-taught on its own step, then re-asked with its other question."""
    run = QuizRun(small_bank, seed=7)
    shown = take(run, {"sky": 1})
    assert shown[3:] == [("reteach", "sky", 2), ("ask", "sky-again", 2)]
    figures = run.figures()
    assert figures.first_try_correct == 2
    assert figures.rounds_by_fact == {"sky": 2, "grass": 1, "snow": 1}
    assert figures.missed_first == ("sky",) and figures.never_mastered == ()
    # 2 of 3 = 0.67 ≥ pass mark 0.6, and the critical fact ended mastered
    assert run.outcome() == READY


def test_fact_with_one_question_is_reasked_with_reshuffled_choices(small_bank):
    """With no other wording, the same question comes back with its choices in another order."""
    run = QuizRun(small_bank, seed=3)
    first = run.current
    run.answer(right_index(first))
    grass = run.current
    run.answer(wrong_index(grass))
    run.answer(right_index(run.current))
    assert isinstance(run.current, Reteach)
    run.reteach_done()
    again = run.current
    assert again.question.id == "grass-colour" and again.round == 2
    assert [c.text for c in again.choices] != [c.text for c in grass.choices]


def test_rounds_stop_at_max_rounds_and_fact_is_never_mastered(small_bank):
    """A fact missed every time is re-taught max_rounds times, then the attempt ends."""
    run = QuizRun(small_bank, seed=1)
    shown = take(run, {"snow": 99})
    asks_of_snow = [s for s in shown if s[0] == "ask" and s[1] == "snow-feel"]
    assert [s[2] for s in asks_of_snow] == [1, 2, 3]  # round 1 plus max_rounds (2) re-asks
    assert run.figures().never_mastered == ("snow",)
    assert run.figures().rounds_by_fact["snow"] is None
    # 2/3 meets the pass mark and snow is not critical: ready, with snow among the talking points.
    assert run.outcome() == READY


def test_critical_fact_missed_for_good_needs_discussion(small_bank):
    """Even with a passing score, a critical fact never mastered means needs-discussion."""
    run = QuizRun(small_bank, seed=1)
    take(run, {"sky": 99})
    assert run.figures().first_try_correct == 2
    assert run.outcome() == NEEDS_DISCUSSION


def test_score_below_pass_mark_needs_discussion(small_bank):
    """Two of three wrong first time (0.33 < 0.6) needs discussion even when all are mastered later."""
    run = QuizRun(small_bank, seed=1)
    take(run, {"grass": 1, "snow": 1})
    assert run.figures().never_mastered == ()
    assert run.outcome() == NEEDS_DISCUSSION


def test_pass_mark_is_inclusive_without_float_error():
    """4 of 5 right against a pass mark of 0.8 is ready (no 0.7999 rounding)."""
    class A:
        def __init__(self, fact, correct):
            self.fact_id, self.round, self.correct = fact, 1, correct

    figures = compute_figures([A(f"f{i}", i != 0) for i in range(5)], total=5)
    assert decide_outcome(figures, 0.8, [], finished=True) == READY
    figures = compute_figures([A(f"f{i}", i > 1) for i in range(5)], total=5)
    assert decide_outcome(figures, 0.8, [], finished=True) == NEEDS_DISCUSSION


def test_unfinished_attempt_is_incomplete(small_bank):
    """Before the last answer, the outcome is incomplete."""
    run = QuizRun(small_bank, seed=1)
    run.answer(right_index(run.current))
    assert run.outcome() == "incomplete"


def test_same_seed_same_order_other_seed_other_order(kyphoplasty_bank):
    """Choices are shuffled by seed: the same seed repeats exactly, another seed differs."""
    def orders(seed):
        run = QuizRun(kyphoplasty_bank, seed)
        result = []
        while not run.finished:
            result.append(tuple(c.text for c in run.current.choices))
            run.answer(right_index(run.current))
        return result

    assert orders(11) == orders(11)
    assert orders(11) != orders(12)


def test_shuffle_puts_right_answer_in_every_position(kyphoplasty_bank):
    """Over a bank, the right answer is not always in the same place."""
    run = QuizRun(kyphoplasty_bank, seed=5)
    positions = set()
    while not run.finished:
        positions.add(right_index(run.current))
        run.answer(right_index(run.current))
    assert positions == {0, 1, 2, 3}


def test_feedback_carries_why_explain_and_fact(small_bank):
    """Feedback names the right answer, the why of the wrong choice picked, the explanation and the fact."""
    run = QuizRun(small_bank, seed=1)
    step = run.current
    green = next(i for i, c in enumerate(step.choices) if c.text == "Green")
    feedback = run.answer(green)
    assert not feedback.correct
    assert feedback.answer == "Blue"
    assert feedback.why == "Grass is green. A clear sky is blue."
    assert feedback.explain == "On a clear day the sky is blue."
    assert feedback.fact.id == "sky"


def test_replay_rebuilds_the_same_state(small_bank):
    """Replaying stored answers reaches the same step and figures (for resuming an attempt)."""
    run = QuizRun(small_bank, seed=9)
    run.answer(wrong_index(run.current))
    run.answer(right_index(run.current))
    again = QuizRun.replay(small_bank, 9, list(run.answers))
    assert again.current == run.current
    assert again.figures() == run.figures()


def test_replay_refuses_answers_that_do_not_fit(small_bank):
    """Answers from another bank or seed are refused, not silently mis-scored."""
    run = QuizRun(small_bank, seed=9)
    run.answer(0)
    tampered = [run.answers[0].__class__(**{**run.answers[0].__dict__, "question_id": "snow-feel"})]
    with pytest.raises(QuizError):
        QuizRun.replay(small_bank, 9, tampered)


def test_answering_out_of_turn_is_an_error(small_bank):
    """A choice number that does not exist, or answering during a re-teach, raises QuizError."""
    run = QuizRun(small_bank, seed=1)
    with pytest.raises(QuizError):
        run.answer(7)
    with pytest.raises(QuizError):
        run.reteach_done()
