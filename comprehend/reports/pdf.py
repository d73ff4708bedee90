"""The chart report as a PDF (fpdf2): page 1 holds all a nurse needs; every page names the patient, the date and page N of M.

Black and white only, built-in Helvetica (no font files needed); text outside Latin-1 is replaced
by its nearest plain form so nothing is lost silently (dashes and quotes become ASCII ones).
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from fpdf import FPDF
from fpdf.fonts import FontFace

from comprehend.attempt_detail import AttemptDetail
from comprehend.reports.content import ReportText, report_text

REPLACEMENTS = {"—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-", "≥": ">=", "≤": "<="}
BULLET = "\u2022"  # cp1252 0x95: the core fonts draw it once the PDF's text is encoded as cp1252 (WinAnsi)
FOOTER_ROOM = 16.0  # mm kept free at the bottom of every page for the running footer
LEFT, RIGHT = 15.0, 15.0


def latin1(text: str) -> str:
    """Text the built-in PDF fonts can show: common punctuation mapped, accents kept, the rest decomposed or '?'."""
    out = []
    for ch in text:
        ch = REPLACEMENTS.get(ch, ch)
        if "\x80" <= ch <= "\x9f":  # C1 control codes: nothing to show, and cp1252 gives some of them other glyphs
            out.append("?")
            continue
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(plain or "?")
    return "".join(out)


class ReportPDF(FPDF):
    """An A4 page set with Helvetica in cp1252 (for the bullet) and, when `running` is set, a footer naming it on every page."""

    def __init__(self, title: str, running: str = "") -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = "cp1252"
        self.running = latin1(running)
        self.set_margins(LEFT, 12, RIGHT)
        self.set_auto_page_break(auto=True, margin=FOOTER_ROOM if running else 12)
        self.set_title(latin1(title))
        self.set_creator("comprehend")
        self.add_page()

    def header(self) -> None:
        """From page 2 on, the running text at the top too, so a loose page is still known for whose it is."""
        if self.running and self.page_no() > 1:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"{self.title} (continued)  -  {self.running}", align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    def footer(self) -> None:
        """'<running text> - page N of M' under a thin rule (fpdf2 fills in {nb}, the page count, at the end)."""
        if not self.running:
            return
        self.set_y(-FOOTER_ROOM + 4)
        self.set_draw_color(0)
        self.line(LEFT, self.get_y(), self.w - RIGHT, self.get_y())
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"{self.running}  -  page {self.page_no()} of {{nb}}", align="L")


def heading(pdf: FPDF, text: str, size: float = 11) -> None:
    """A bold heading line with a little room above it."""
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", size)
    pdf.cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def bullets(pdf: FPDF, items: Iterable[str], line_height: float, gap: float = 0.0) -> None:
    """Each item after a bullet, left-aligned, its wrapped lines indented under its first word."""
    indent = pdf.font_size * 1.6
    for item in items:
        pdf.set_x(pdf.l_margin)
        pdf.cell(indent, line_height, BULLET)
        pdf.multi_cell(0, line_height, latin1(item), align="L", new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)


def _fact_rows(facts: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The header block, two facts to a line except the bank and its approval (long): who and when, what, how it went, where."""
    by_label = dict(facts)
    layout = [["Patient ID", "Date"], ["Bank"], ["Approval"], ["Outcome", "First-try score"], ["Language", "Kiosk", "Time taken"]]
    placed = {label for line in layout for label in line}
    rows = [[(label, by_label[label]) for label in line if label in by_label] for line in layout]
    rows += [[fact] for fact in facts if fact[0] not in placed]
    return [row for row in rows if row]


def _header_block(pdf: FPDF, text: ReportText) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, latin1(text.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0)
    pdf.line(LEFT, pdf.get_y(), pdf.w - RIGHT, pdf.get_y())
    pdf.ln(1.5)
    width = pdf.w - LEFT - RIGHT
    for row in _fact_rows(text.facts):
        column, top, bottom = width / len(row), pdf.get_y(), pdf.get_y()
        for number, (label, value) in enumerate(row):
            pdf.set_xy(LEFT + number * column, top)
            pdf.set_font("Helvetica", "B", 9)
            label_width = pdf.get_string_width(label + ": ") + 1
            pdf.cell(label_width, 4.8, latin1(label + ":"))
            pdf.set_font("Helvetica", "B" if label == "Outcome" else "", 9)
            pdf.multi_cell(column - label_width - 2, 4.8, latin1(value), align="L", new_x="LMARGIN", new_y="NEXT")
            bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom)


def _sign_off(pdf: FPDF, text: ReportText) -> None:
    heading(pdf, "Review and sign-off")
    pdf.set_font("Helvetica", "", 9)
    for line in text.signoffs or ["Not yet reviewed."]:
        pdf.multi_cell(0, 4.4, latin1(line), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.cell(0, 5, "Nurse signature: ______________________________    Date: ______________", new_x="LMARGIN", new_y="NEXT")


def _question_table(pdf: FPDF, detail: AttemptDetail) -> None:
    if pdf.will_page_break(24):  # a heading and a row or two, or start the table on the next page
        pdf.add_page()
    heading(pdf, "Questions and the patient's answers")
    pdf.set_font("Helvetica", "", 7.5)
    with pdf.table(
        col_widths=(66, 74, 40),
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


def render_report_pdf(detail: AttemptDetail, clinic: str) -> bytes:
    """The report of one attempt for the patient's chart: header block, talking points, sign-off, then the questions."""
    text = report_text(detail, clinic)
    pdf = ReportPDF(text.title, running=f"Patient ID: {detail.row.patient_id}   Attempt date: {detail.row.when}")
    _header_block(pdf, text)
    heading(pdf, "Talking points (critical first)")
    pdf.set_font("Helvetica", "", 9)
    bullets(pdf, text.points or ["None: every point was right on the first try."], 4.2, gap=0.6)
    _sign_off(pdf, text)
    _question_table(pdf, detail)
    return bytes(pdf.output())
