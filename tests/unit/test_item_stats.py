"""Item statistics against small hand-worked examples (the expected figures are worked out in the comments)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from comprehend.reports.item_stats import bank_stats, counted_attempts, discrimination
from tests.builders import taken_attempt


def attempts(bank, patterns):
    """Completed attempts whose first tries of [sky, grass, snow] follow `patterns`; re-asks are answered right."""
    return [taken_attempt(bank, f"P-{n}", pattern, f"2026-11-{n % 28 + 1:02d}T09:00:00+00:00", attempt_id=f"a{n}")
            for n, pattern in enumerate(patterns)]


@pytest.fixture
def stats(small_bank):
    # first tries [sky, grass, snow]: A 3/3, B 2/3, C 2/3, D 0/3
    return bank_stats(small_bank, attempts(small_bank, [[True, True, True], [True, False, True], [False, True, True], [False, False, False]]))


def test_facility_is_the_share_right_on_the_first_try(stats):
    by_id = {q.question_id: q for q in stats.questions}
    assert (by_id["sky-colour"].asked_first, by_id["sky-colour"].facility) == (4, 0.5)
    assert by_id["grass-colour"].facility == 0.5
    assert by_id["snow-feel"].facility == 0.75
    assert (by_id["sky-again"].asked_first, by_id["sky-again"].facility) == (0, None)  # only ever a re-ask


def test_discrimination_as_moodle_computes_it(stats):
    by_id = {q.question_id: q for q in stats.questions}
    # sky: item [1,1,0,0], rest of score [2,1,2,0]: cov 0.125, var 0.25 and 0.6875 -> 100*0.125/sqrt(0.171875) = 30.15
    assert by_id["sky-colour"].discrimination == pytest.approx(30.15, abs=0.01)
    # snow: item [1,1,1,0], rest [2,1,1,0]: cov 0.25, var 0.1875 and 0.5 -> 100*0.25/sqrt(0.09375) = 81.65
    assert by_id["snow-feel"].discrimination == pytest.approx(81.65, abs=0.01)


def test_mean_rounds_to_mastery_and_wrong_choice_picks(stats):
    by_id = {q.question_id: q for q in stats.questions}
    # sky first right in round 1, 1, 2, 2 -> 1.5; snow in 1, 1, 1, 2 -> 1.25
    assert by_id["sky-colour"].mean_rounds == 1.5
    assert by_id["snow-feel"].mean_rounds == 1.25
    assert by_id["sky-again"].mean_rounds == 2.0
    assert sum(by_id["sky-colour"].wrong_picks.values()) == 2  # C and D missed it; the re-asks used 'sky-again'
    assert set(by_id["sky-colour"].wrong_picks) == {"Green", "Red"}


def test_bank_figures(stats):
    assert stats.attempts == 4
    assert stats.mean_score == pytest.approx((1 + 2 / 3 + 2 / 3 + 0) / 4)
    assert stats.share_ready == 0.75  # pass mark 0.6: A, B and C are ready; D needs discussion
    # all right after round 1: only A; after round 2: everyone (re-asks answered right)
    assert stats.all_right_after_round == {1: 0.25, 2: 1.0, 3: 1.0}


def test_flags_for_low_facility_negative_discrimination_and_unpicked_choices(small_bank):
    # patients who do well overall miss snow: snow item [0,0,1,1], rest [2,2,0,0] -> discrimination -100
    stats = bank_stats(small_bank, attempts(small_bank, [[True, True, False], [True, True, False], [False, False, True], [False, False, True]]))
    snow = next(q for q in stats.questions if q.question_id == "snow-feel")
    assert snow.discrimination == pytest.approx(-100)
    assert any("overall miss this" in flag for flag in snow.flags)
    low = bank_stats(small_bank, attempts(small_bank, [[False, True, True]] * 3 + [[True, True, True]]))
    sky = next(q for q in low.questions if q.question_id == "sky-colour")
    assert sky.facility == 0.25 and any("often miss" in flag for flag in sky.flags)
    many = bank_stats(small_bank, attempts(small_bank, [[True, True, True]] * 20))
    grass = next(q for q in many.questions if q.question_id == "grass-colour")
    assert sum("nobody picks" in flag for flag in grass.flags) == 2


def test_discrimination_needs_a_spread():
    assert discrimination([1, 1, 1], [2, 1, 0]) is None
    assert discrimination([1], [2]) is None


def test_only_completed_attempts_of_the_current_version_count(small_bank):
    records = attempts(small_bank, [[True, True, True], [False, True, True]])
    records.append(taken_attempt(small_bank, "P-9", [True], "2026-11-09T09:00:00+00:00", stop_after=1))
    older = {**records[0], "attempt_id": "old", "bank_hash": "0" * 64}
    records.append(older)
    assert [r["attempt_id"] for r in counted_attempts(records, small_bank)] == ["a0", "a1"]
    assert len(counted_attempts(records, small_bank, all_versions=True)) == 3
    assert [r["attempt_id"] for r in counted_attempts(records, small_bank, since="2026-11-02")] == ["a1"]
    other = replace(small_bank, id="other")
    assert counted_attempts(records, other) == []
    spanish = replace(small_bank, language="es")  # same id and content hash: only the language tells them apart
    assert counted_attempts(records, spanish) == []
    records.append({**records[0], "attempt_id": "es-1", "language": "es"})
    assert [r["attempt_id"] for r in counted_attempts(records, spanish)] == ["es-1"]
    assert "es-1" not in [r["attempt_id"] for r in counted_attempts(records, small_bank)]


def test_stats_command_on_demo_data(tmp_path, capsys):
    """`demo` then `stats`: text with bars, csv with a row per question, json; a bad --since is bad usage."""
    from comprehend.cli import main

    results = tmp_path / "demo"
    assert main(["demo", "--attempts", "60", "--results", str(results)]) == 0
    capsys.readouterr()
    assert main(["stats", "kyphoplasty", "--results", str(results)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Kyphoplasty - what to expect (kyphoplasty, en): ")
    assert "Cifoplastia - qué esperar (kyphoplasty, es): " in text  # the translation, counted on its own
    assert "right first try" in text and "█" in text
    assert main(["stats", "--results", str(results), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 1 + 45 + 45 and rows[0].startswith("bank_id,language,question_id")
    assert {row.split(",")[1] for row in rows[1:]} == {"en", "es"}
    assert main(["stats", "--results", str(results), "--format", "csv", "--language", "es"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 1 + 45 and all(row.split(",")[1] == "es" for row in rows[1:])
    assert main(["stats", "--results", str(results), "--language", "fr"]) == 1
    assert "no bank in the language 'fr'" in capsys.readouterr().err
    assert main(["stats", "--results", str(results), "--format", "json", "--since", "2030-01-01"]) == 0
    import json

    banks = json.loads(capsys.readouterr().out)
    assert [(bank["language"], bank["attempts"]) for bank in banks] == [("en", 0), ("es", 0)]
    with pytest.raises(SystemExit) as usage:  # bad usage: a message and exit 2
        main(["stats", "--results", str(results), "--since", "soon"])
    assert usage.value.code == 2


def test_demo_refuses_a_folder_with_real_attempts(tmp_path, small_bank, capsys):
    from comprehend.cli import main
    from comprehend.store import ResultsStore

    results = tmp_path / "results"
    ResultsStore(results, "k").finish_many([taken_attempt(small_bank, "REAL-1", [], "2026-11-01T09:00:00+00:00")])
    assert main(["demo", "--attempts", "5", "--results", str(results)]) == 1
    assert "holds real attempts" in capsys.readouterr().err
    assert len(list(ResultsStore(results, "k").attempts())) == 1
