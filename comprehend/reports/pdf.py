"""The chart report as a one-page PDF (fpdf2), and the patient's large-print take-home handout.

Black and white only, built-in Helvetica (no font files needed); text outside Latin-1 is replaced
by its nearest plain form so nothing is lost silently (dashes and quotes become ASCII ones).
"""

from __future__ import annotations

import unicodedata

from fpdf import FPDF
from fpdf.fonts import FontFace

from comprehend.attempt_detail import AttemptDetail
from comprehend.bank.model import Bank
from comprehend.reports.content import report_text
from comprehend.words import words_for

REPLACEMENTS = {"—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-", "≥": ">=", "≤": "<="}


def latin1(text: str) -> str:
    """Text the built-in PDF fonts can show: common punctuation mapped, accents kept, the rest decomposed or '?'."""
    out = []
    for ch in text:
        ch = REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(plain or "?")
    return "".join(out)


def _new_pdf(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(latin1(title))
    pdf.set_creator("comprehend")
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, size: float = 11) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", size)
    pdf.cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def render_report_pdf(detail: AttemptDetail, clinic: str) -> bytes:
    """The report of one attempt for the patient's chart."""
    text = report_text(detail, clinic)
    pdf = _new_pdf(text.title)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, latin1(text.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)
    pdf.line(15, pdf.get_y(), 195, pdf.get_y())
    pdf.ln(2)
    for label, value in text.facts:
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(32, 4.6, latin1(label + ":"))
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 4.6, latin1(value), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Talking points (critical first)")
    pdf.set_font("Helvetica", "", 9)
    for point in text.points or ["None: every point was right on the first try."]:
        pdf.multi_cell(0, 4.4, latin1("- " + point), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Questions and the patient's answers")
    pdf.set_font("Helvetica", "", 7.5)
    with pdf.table(
        col_widths=(60, 90, 30),
        line_height=3.4,
        headings_style=FontFace(emphasis="BOLD"),
        borders_layout="HORIZONTAL_LINES",
        first_row_as_headings=True,
        text_align="LEFT",
    ) as table:
        table.row(["Question", "Patient's choice by round", "Right answer (if missed first)"])
        for question in detail.questions:
            rounds = "\n".join(f"{made.round}: {made.choice} - {'right' if made.correct else 'wrong'}" for made in question.choices)
            ask = question.ask + (" [critical]" if question.critical else "")
            table.row([latin1(ask), latin1(rounds), latin1("" if question.first_try_right else question.answer)])
    _heading(pdf, "Review")
    pdf.set_font("Helvetica", "", 9)
    for line in text.signoffs or ["Not yet reviewed."]:
        pdf.multi_cell(0, 4.4, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(0, 5, "Nurse signature: ______________________________    Date: ______________", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_handout_pdf(bank: Bank, detail: AttemptDetail) -> bytes:
    """A take-home sheet in large print, in the bank's language: the points to remember first, then every key point."""
    words = words_for(bank.language)
    title = words.handout_title.format(title=bank.title)
    pdf = _new_pdf(title)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, latin1(title), new_x="LMARGIN", new_y="NEXT")
    if detail.points:
        _heading(pdf, words.handout_again, 16)
        pdf.set_font("Helvetica", "", 15)
        for point in detail.points:
            pdf.multi_cell(0, 7.5, latin1("- " + point.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    topic = None
    for fact in bank.facts:
        if fact.topic != topic:
            topic = fact.topic
            _heading(pdf, topic or words.key_points_topic, 16)
            pdf.set_font("Helvetica", "", 15)
        pdf.multi_cell(0, 7.5, latin1("- " + fact.text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7.5, latin1(words.handout_questions), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
