"""Reports: the PDF read back (text extraction), HTML escaping, Markdown, CSV, the handout, and the report command."""

from __future__ import annotations

import csv
import io
import stat

import pytest
from pypdf import PdfReader

from comprehend.cli import main
from comprehend.reports.html import render_html
from comprehend.reports.markdown import render_markdown
from comprehend.reports.handout import render_handout_pdf
from comprehend.reports.pdf import latin1, render_report_pdf
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from comprehend.store.audit import AuditLog
from tests.builders import taken_attempt
from tests.conftest import KYPHOPLASTY, SMALL_BANK


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def kypho_data(results_dir, kyphoplasty_bank):
    """A typical kyphoplasty attempt: 4 of 35 missed on the first try, then mastered; signed off."""
    rights = [True] * 35
    for missed in (1, 7, 16, 24):
        rights[missed] = False
    store = ResultsStore(results_dir, "kiosk-1")
    store.finish_many([taken_attempt(kyphoplasty_bank, "PT-204", rights, "2026-11-02T09:00:00+00:00", attempt_id="k" * 32)])
    data = ReviewData(results_dir, KYPHOPLASTY.parent, banks=[kyphoplasty_bank])
    data.load()
    data.sign_off("k" * 32, "Ann Lee", "Went over the risks.", "2026-11-02T10:00:00+00:00")
    return data


def test_pdf_report_fits_one_page_and_holds_everything_for_the_chart(kypho_data, kyphoplasty_bank):
    detail = kypho_data.detail("k" * 32)
    pages, text = pdf_text(render_report_pdf(detail, "Northside Spine Clinic"))
    flat = " ".join(text.split())
    assert pages == 1
    for expected in (
        "Northside Spine Clinic",
        "PT-204",
        f"Kyphoplasty - what to expect, version {kyphoplasty_bank.version}",
        kyphoplasty_bank.content_hash[:8],
        "2026-11-02 09:00",
        "kiosk-1",
        "31 of 35 (89%)",
        "Needs discussion" if detail.row.outcome == "needs-discussion" else "Ready",
        "Reviewed by Ann Lee on 2026-11-02 10:00: Went over the risks.",
    ):
        assert expected in flat, expected
    for point in detail.points:
        assert " ".join(latin1(point.text).split()) in flat
    for question in detail.questions:
        assert " ".join(latin1(question.ask).split()[:4]) in flat


def test_pdf_of_a_patient_who_missed_everything_still_renders(results_dir, small_bank):
    ResultsStore(results_dir, "k").finish_many([taken_attempt(small_bank, "P-1", [False] * 10, "2026-11-02T09:00:00+00:00", attempt_id="a1")])
    data = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank])
    data.load()
    pages, text = pdf_text(render_report_pdf(data.detail("a1"), "Clinic"))
    assert pages == 1 and "never answered right" in text and "Not yet reviewed." in text


def test_latin1_keeps_accents_and_maps_dashes():
    assert latin1("Cifoplastia — qué esperar “hoy” ≥ 2") == 'Cifoplastia - qué esperar "hoy" >= 2'


def test_handout_has_missed_points_first_in_large_print(kypho_data, kyphoplasty_bank):
    detail = kypho_data.detail("k" * 32)
    pages, text = pdf_text(render_handout_pdf(kyphoplasty_bank, detail))
    flat = " ".join(text.split())
    assert "Please read these again" in flat
    first_missed = " ".join(latin1(detail.points[0].text).split())
    assert flat.index(first_missed) < flat.index("What it is")
    assert "PT-204" not in flat  # a sheet that leaves with the patient carries no id
    assert pages <= 4


def test_a_spanish_patient_takes_home_a_spanish_sheet(results_dir, spanish_kyphoplasty_bank):
    """The handout of a Spanish attempt: its headings and closing line in Spanish, its points from the Spanish bank."""
    rights = [True] * 26
    rights[3] = False
    ResultsStore(results_dir, "k").finish_many([taken_attempt(spanish_kyphoplasty_bank, "ES-4", rights,
                                                              "2026-11-02T09:00:00+00:00", attempt_id="e" * 32)])
    data = ReviewData(results_dir, KYPHOPLASTY.parent, banks=[spanish_kyphoplasty_bank])
    data.load()
    detail = data.detail("e" * 32)
    _, text = pdf_text(render_handout_pdf(spanish_kyphoplasty_bank, detail))
    flat = " ".join(text.split())
    for expected in ("Cifoplastia - qué esperar: puntos clave para llevar a casa", "Vuelva a leer estos puntos",
                     "Qué es", "Si tiene preguntas, hable con su enfermera o con su médico.",
                     " ".join(detail.points[0].text.split())):
        assert expected in flat, expected
    assert "Please read these again" not in flat and "key points to take home" not in flat


def test_html_report_escapes_everything(results_dir, small_bank):
    ResultsStore(results_dir, "k").finish_many([taken_attempt(small_bank, "P-1", [True], "2026-11-02T09:00:00+00:00", attempt_id="a1")])
    data = ReviewData(results_dir, SMALL_BANK.parent, banks=[small_bank])
    data.load()
    data.sign_off("a1", "Ann", "<script>alert(1)</script>", "2026-11-02T10:00:00+00:00")
    html = render_html(data.detail("a1"), "<b>Clinic</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Clinic" in html
    assert "http" not in html  # nothing loaded from outside


def test_markdown_report(kypho_data):
    text = render_markdown(kypho_data.detail("k" * 32), "Clinic")
    assert text.startswith("# Clinic")
    assert "- **First-try score:** 31 of 35 (89%)" in text
    assert "## Talking points" in text and "Reviewed by Ann Lee" in text


def test_report_command_writes_owner_only_files_and_audits(kypho_data, results_dir, capsys):
    assert main(["report", "--attempt", "kkkk", "--results", str(results_dir), "--questions", str(KYPHOPLASTY.parent)]) == 0
    out = capsys.readouterr().out
    path = results_dir / "reports" / f"PT-204-2026-11-02-{'k' * 8}.pdf"
    assert str(path) in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pdf_text(path.read_bytes())[0] == 1
    entries = [e for e in AuditLog(results_dir).entries() if e["action"] == "exported-report"]
    assert len(entries) == 1 and entries[0]["attempt_id"] == "k" * 32 and str(path) in entries[0]["detail"]


@pytest.mark.parametrize("fmt, check", [
    ("md", lambda data: data.startswith(b"# Clinic")),
    ("html", lambda data: data.startswith(b"<!doctype html>")),
    ("handout", lambda data: data.startswith(b"%PDF")),
])
def test_report_command_formats(kypho_data, results_dir, tmp_path, fmt, check):
    out = tmp_path / f"out.{fmt}"
    args = ["report", "--patient", "pt-204", "--format", fmt, "--out", str(out), "--results", str(results_dir), "--questions", str(KYPHOPLASTY.parent)]
    assert main(args) == 0
    assert check(out.read_bytes())


def test_report_csv_has_one_row_per_answer(kypho_data, results_dir, tmp_path):
    out = tmp_path / "out.csv"
    assert main(["report", "--patient", "PT-204", "--format", "csv", "--out", str(out), "--results", str(results_dir),
                 "--questions", str(KYPHOPLASTY.parent)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == len(kypho_data.record("k" * 32)["answers"])
    assert sum(row["correct"] == "no" for row in rows if row["round"] == "1") == 4


def test_report_command_says_when_nothing_matches(results_dir, kypho_data, capsys):
    assert main(["report", "--patient", "NOBODY", "--results", str(results_dir), "--questions", str(KYPHOPLASTY.parent)]) == 1
    assert "no stored attempt for patient NOBODY" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # --attempt or --patient is required
        main(["report", "--results", str(results_dir)])
    assert usage.value.code == 2
