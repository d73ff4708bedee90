"""Synthetic attempts: made-up patients only, the same seed gives the same data, figures agree with the answers."""

from __future__ import annotations

from collections import Counter

from comprehend.demo import DEMO_PREFIX, synthetic_attempts
from comprehend.quiz import QuizRun
from comprehend.record import stored_answers


def test_same_seed_same_attempts(small_bank):
    first = list(synthetic_attempts(small_bank, 20, seed=3))
    again = list(synthetic_attempts(small_bank, 20, seed=3))
    other = list(synthetic_attempts(small_bank, 20, seed=4))
    assert first == again
    assert first != other


def test_only_made_up_patients_and_a_mix_of_outcomes(kyphoplasty_bank):
    records = list(synthetic_attempts(kyphoplasty_bank, 200, seed=1))
    assert all(r["patient_id"].startswith(DEMO_PREFIX) for r in records)
    outcomes = Counter(r["outcome"] for r in records)
    assert set(outcomes) == {"ready", "needs-discussion", "incomplete"}
    assert outcomes["incomplete"] < outcomes["needs-discussion"] < outcomes["ready"]
    assert len({r["attempt_id"] for r in records}) == 200


def test_figures_match_a_replay_of_the_answers(small_bank):
    """Each stored record's figures are what the quiz computes from its own answers."""
    for record in synthetic_attempts(small_bank, 30, seed=9):
        run = QuizRun.replay(small_bank, record["seed"], stored_answers(record))
        figures = run.figures()
        assert record["first_try_correct"] == figures.first_try_correct
        assert record["never_mastered"] == list(figures.never_mastered)
        assert (record["status"] == "completed") == run.finished


def test_attempts_are_spread_over_the_period_in_order(small_bank):
    records = list(synthetic_attempts(small_bank, 50, seed=2, days=30))
    starts = [r["started_at"] for r in records]
    assert starts == sorted(starts)
    assert starts[0][:10] != starts[-1][:10]
