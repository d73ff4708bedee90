"""Patient IDs: 1–32 letters, digits or hyphens; anything else gets a friendly message."""

import pytest

from comprehend.patient_id import normalise_patient_id, patient_id_problem


@pytest.mark.parametrize("typed,expected", [("abc-123", "ABC-123"), ("  7 ", "7"), ("x" * 32, "X" * 32)])
def test_valid_ids_are_normalised(typed, expected):
    assert normalise_patient_id(typed) == expected and patient_id_problem(typed) == ""


@pytest.mark.parametrize(
    "typed,words",
    [("", "Please type"), ("   ", "Please type"), ("x" * 33, "longer than"), ("ab c", "only letters"),
     ("[b]x[/b]", "only letters"), ("a\x1b[2J", "only letters"), ("émile", "only letters"), ("1;DROP", "only letters")],
)
def test_odd_ids_are_refused_kindly(typed, words):
    assert normalise_patient_id(typed) is None
    assert words in patient_id_problem(typed)
