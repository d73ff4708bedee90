"""The chart page (issue 12): page 1 holds all a nurse needs, every page names patient, date and page N of M; the handout reads plainly."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from comprehend.cli import main
from comprehend.quiz import Ask, QuizRun
from comprehend.record import COMPLETED, new_attempt, with_progress
from comprehend.reports.handout import render_handout_pdf
from comprehend.reports.pdf import latin1, render_report_pdf
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import KYPHOPLASTY

STARTED = "2026-11-02T09:00:00+00:00"
DATE = "2026-11-02 09:00"


def flat(text: str) -> str:
    """Text with every run of white space made one space (wrapped lines read as one)."""
    return " ".join(text.split())


def page_texts(data: bytes) -> list[str]:
    """The text of each page, flattened."""
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def attempt_missing(bank, patient_id: str, missed: set[str], attempt_id: str) -> dict:
    """A finished attempt where exactly the facts in `missed` are wrong on the first try (right when re-asked)."""
    run = QuizRun(bank, 7)
    record = new_attempt(bank, patient_id, "kiosk-1", 7, STARTED)
    record["attempt_id"] = attempt_id
    step = 0
    while not run.finished:
        current = run.current
        if isinstance(current, Ask):
            right = not (current.round == 1 and current.fact.id in missed)
            step += 1
            run.answer(next(i for i, c in enumerate(current.choices) if c.correct == right), at=f"2026-11-02T09:{step % 60:02d}:00+00:00")
        else:
            run.move_on()
    return with_progress(record, run, "2026-11-02T09:59:00+00:00", status=COMPLETED)


@pytest.fixture
def eight_longest(results_dir, kyphoplasty_bank, spanish_kyphoplasty_bank):
    """The worst case for page 1: a Spanish attempt missing the 8 longest facts, each point also in the English original."""
    longest = sorted(spanish_kyphoplasty_bank.facts, key=lambda fact: len(fact.text), reverse=True)[:8]
    record = attempt_missing(spanish_kyphoplasty_bank, "ES-88", {fact.id for fact in longest}, "e" * 32)
    ResultsStore(results_dir, "kiosk-1").finish_many([record])
    data = ReviewData(results_dir, KYPHOPLASTY.parent, banks=[kyphoplasty_bank, spanish_kyphoplasty_bank])
    data.load()
    data.sign_off("e" * 32, "Ann Lee", "Went over the risks with her daughter, who reads English.", "2026-11-02T10:00:00+00:00")
    return data.detail("e" * 32)


def test_eight_talking_points_fit_on_page_one_with_the_sign_off(eight_longest):
    """Page 1 holds the header block, all 8 points (with their originals), the sign-off and the signature line."""
    detail = eight_longest
    assert len(detail.points) == 8 and all(point.original for point in detail.points)
    first = page_texts(render_report_pdf(detail, "Northside Spine Clinic"))[0]
    for expected in ("ES-88", DATE, f"version {detail.row.bank_version}", "Needs discussion", detail.row.score_text,
                     "Reviewed by Ann Lee on 2026-11-02 10:00", "Nurse signature"):
        assert expected in first, expected
    for point in detail.points:
        assert flat(latin1(point.text)) in first, point.text
        assert flat(latin1(point.original)) in first, point.original


def test_page_one_reads_header_then_points_then_sign_off_then_questions(eight_longest):
    """The order a nurse reads: who and what, the points to talk over, the sign-off, and only then the question table."""
    first = page_texts(render_report_pdf(eight_longest, "Clinic"))[0]
    marks = ["First-try score", "Talking points", "Reviewed by Ann Lee", "Nurse signature", "Questions and the patient's answers"]
    places = [first.find(mark) for mark in marks]
    assert -1 not in places, dict(zip(marks, places))
    assert places == sorted(places), dict(zip(marks, places))


def test_every_page_names_the_patient_the_date_and_page_n_of_m(results_dir, kyphoplasty_bank):
    """A long report (18 points, every question asked again) runs to a second page; each page says whose and which page."""
    ResultsStore(results_dir, "kiosk-1").finish_many([taken_attempt(kyphoplasty_bank, "PT-777", [False] * 18, STARTED, attempt_id="m" * 32)])
    data = ReviewData(results_dir, KYPHOPLASTY.parent, banks=[kyphoplasty_bank])
    data.load()
    pages = page_texts(render_report_pdf(data.detail("m" * 32), "Clinic"))
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert "PT-777" in text, number
        assert DATE in text, number
        assert f"page {number} of {len(pages)}" in text, number


def test_handout_is_left_aligned_with_no_stretched_word_gaps(eight_longest, spanish_kyphoplasty_bank):
    """Justified text stretches the gaps between words (the PDF's Tw operator); a left-aligned sheet sets none."""
    reader = PdfReader(io.BytesIO(render_handout_pdf(spanish_kyphoplasty_bank, eight_longest)))
    for page in reader.pages:
        spacing = [float(value) for value in re.findall(rb"([-\d.]+) Tw", page.get_contents().get_data())]
        assert all(value == 0 for value in spacing), spacing[:5]


def test_handout_points_carry_real_bullets(eight_longest, spanish_kyphoplasty_bank):
    """Each point starts with a bullet glyph, not a typed hyphen."""
    pages = PdfReader(io.BytesIO(render_handout_pdf(spanish_kyphoplasty_bank, eight_longest))).pages
    lines = [line.strip() for page in pages for line in page.extract_text().splitlines()]
    bullets = [line for line in lines if line.startswith("\u2022")]
    assert len(bullets) >= len(eight_longest.points) + len(spanish_kyphoplasty_bank.facts)
    assert not [line for line in lines if line.startswith("- ")]


def test_handout_has_a_line_for_the_clinic_phone(eight_longest, spanish_kyphoplasty_bank, kyphoplasty_bank):
    """Without a number, a blank line to write it on; with one, the number, in the sheet's language."""
    blank = flat(" ".join(page_texts(render_handout_pdf(spanish_kyphoplasty_bank, eight_longest))))
    assert "Teléfono de la clínica: ____" in blank
    given = flat(" ".join(page_texts(render_handout_pdf(spanish_kyphoplasty_bank, eight_longest, phone="555-0100"))))
    assert "Teléfono de la clínica: 555-0100" in given and "____" not in given
    english = flat(" ".join(page_texts(render_handout_pdf(kyphoplasty_bank, eight_longest, phone="555-0100"))))
    assert "Clinic phone: 555-0100" in english


def test_report_command_takes_the_clinic_phone_from_the_option_or_the_environment(eight_longest, results_dir, tmp_path, monkeypatch):
    """`--clinic-phone` puts the number on the handout; COMPREHEND_CLINIC_PHONE does the same when the option is left out."""
    base = ["report", "--patient", "ES-88", "--format", "handout", "--results", str(results_dir), "--questions", str(KYPHOPLASTY.parent)]
    assert main([*base, "--out", str(tmp_path / "a.pdf"), "--clinic-phone", "555-0100"]) == 0
    assert "555-0100" in " ".join(page_texts((tmp_path / "a.pdf").read_bytes()))
    monkeypatch.setenv("COMPREHEND_CLINIC_PHONE", "555-0199")
    assert main([*base, "--out", str(tmp_path / "b.pdf")]) == 0
    assert "555-0199" in " ".join(page_texts((tmp_path / "b.pdf").read_bytes()))


def test_control_codes_in_a_note_or_the_phone_still_render(eight_longest, spanish_kyphoplasty_bank):
    """cp1252 (needed for the bullet) cannot encode every C1 control code; they become '?' rather than an error."""
    odd = "555\x81\x8d\x8f\x90\x9d0100"
    handout = " ".join(page_texts(render_handout_pdf(spanish_kyphoplasty_bank, eight_longest, phone=odd)))
    assert "555?????0100" in handout
    assert latin1("a\x80b\x9fc") == "a?b?c"
