"""The chart report of a Spanish attempt: one page, like the English one (Spanish stems and choices run longer)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from comprehend.reports.pdf import render_report_pdf
from comprehend.review_data import ReviewData
from comprehend.store import ResultsStore
from tests.builders import taken_attempt
from tests.conftest import KYPHOPLASTY_ES


def test_a_typical_spanish_attempt_fits_one_page(results_dir, spanish_kyphoplasty_bank):
    """Four points missed on the first try, then mastered, signed off: the report still fits one page."""
    rights = [True] * len(spanish_kyphoplasty_bank.facts)
    for missed in (1, 7, 16, 24):
        rights[missed] = False
    ResultsStore(results_dir, "kiosk-1").finish_many([taken_attempt(spanish_kyphoplasty_bank, "ES-204", rights,
                                                                    "2026-11-02T09:00:00+00:00", attempt_id="s" * 32)])
    data = ReviewData(results_dir, KYPHOPLASTY_ES.parent, banks=[spanish_kyphoplasty_bank])
    data.load()
    data.sign_off("s" * 32, "Ana López", "Repasamos los riesgos.", "2026-11-02T10:00:00+00:00")
    detail = data.detail("s" * 32)
    reader = PdfReader(io.BytesIO(render_report_pdf(detail, "Clínica Norte")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) == 1
    assert "¿Qué hace la cifoplastia?" in text and len(detail.questions) > len(spanish_kyphoplasty_bank.facts)
