"""The attempts list's columns: all six fit from 80 columns up, wide words from 100, nothing but the bank cut."""

from __future__ import annotations

import pytest

from comprehend.overview import attempt_rows
from comprehend.review.columns import GAP, KEYS, WIDE_LABELS, layout_for, row_texts
from tests.builders import taken_attempt

SCROLLBAR = 2


def rows(bank, patient_ids=("P-1", "PATIENT-0026", "Q-9")):
    records = [taken_attempt(bank, patient, [False, False, True], "2026-11-04T09:00:00+00:00", attempt_id=f"a{n}")
               for n, patient in enumerate(patient_ids)]
    records.append(taken_attempt(bank, "P-7", [True], "2026-11-05T09:00:00+00:00", stop_after=1, attempt_id="gone"))
    return attempt_rows(records, {}, {bank.id: bank})


def used(layout) -> int:
    return sum(layout.widths) + GAP * len(KEYS)


@pytest.mark.parametrize("width", [80, 90, 100, 120, 200])
def test_every_column_fits_with_the_scrollbar_showing(small_bank, width):
    listed = rows(small_bank)
    layout = layout_for(listed, width - SCROLLBAR)
    assert used(layout) <= width - SCROLLBAR
    for row in listed:
        cells = dict(zip(KEYS, layout.cells(row)))
        whole = dict(zip(KEYS, row_texts(row, layout.short)))
        for key in ("when", "patient", "score", "outcome", "reviewed"):
            assert cells[key] == whole[key], (width, key)  # only the bank may be cut
        assert cells["bank"] == whole["bank"] or cells["bank"].endswith("…")


def test_at_80_columns_labels_and_outcomes_are_short(small_bank):
    layout = layout_for(rows(small_bank), 80 - SCROLLBAR)
    assert layout.short and layout.labels == ("Date", "Patient", "Bank", "1st try", "Outcome", "Rev'd")
    outcomes = {layout.cells(row)[KEYS.index("outcome")] for row in rows(small_bank)}
    assert outcomes == {"Discuss", "Incomplete"}


def test_at_100_columns_everything_shows_as_it_did(small_bank):
    listed = rows(small_bank)
    layout = layout_for(listed, 100 - SCROLLBAR)
    assert not layout.short and layout.labels == tuple(WIDE_LABELS[key] for key in KEYS)
    assert [layout.cells(row) for row in listed] == [row_texts(row) for row in listed]
    assert "Incomplete (not finished)" in {layout.cells(row)[KEYS.index("outcome")] for row in listed}


def test_a_long_bank_title_is_cut_and_a_long_patient_id_only_when_there_is_no_room_left(small_bank):
    from dataclasses import replace

    long_bank = replace(small_bank, title="A very long bank title that goes on and on")
    listed = rows(long_bank, patient_ids=("P-" + "9" * 30,))
    layout = layout_for(listed, 80 - SCROLLBAR)
    assert used(layout) <= 80 - SCROLLBAR
    bank_cell, patient_cell = (layout.cells(listed[0])[KEYS.index(key)] for key in ("bank", "patient"))
    assert bank_cell.endswith("…") and patient_cell.endswith("…")
    roomy = layout_for(listed, 140)
    assert roomy.cells(listed[0])[KEYS.index("patient")] == "P-" + "9" * 30


def test_a_cut_bank_title_keeps_its_version_language_and_older_mark(small_bank):
    from dataclasses import replace

    row = rows(replace(small_bank, title="Kyphoplasty - what to expect"))[0]
    row = row._replace(language="es", older_version=True)
    layout = layout_for([row], 80 - SCROLLBAR)
    cell = layout.cells(row)[KEYS.index("bank")]
    assert cell.endswith("… v2 · es (older)") and cell.startswith("Kyph")
    assert len(cell) <= layout.widths[KEYS.index("bank")]
