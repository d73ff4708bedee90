"""The patient's large-print take-home sheet (fpdf2): left-aligned, bulleted, in the bank's language, with the clinic's phone."""

from __future__ import annotations

from comprehend.attempt_detail import AttemptDetail
from comprehend.bank.model import Bank
from comprehend.reports.pdf import ReportPDF, bullets, heading, latin1
from comprehend.words import words_for

BLANK_PHONE = "________________"  # a line to write the number on when none is configured
TEXT_SIZE, LINE = 15, 7.5


def render_handout_pdf(bank: Bank, detail: AttemptDetail, phone: str = "") -> bytes:
    """A take-home sheet in large print: the points to read again first, then every key point, then whom to call.

    It leaves with the patient, so it carries no patient id.
    """
    words = words_for(bank.language)
    title = words.handout_title.format(title=bank.title)
    pdf = ReportPDF(title)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, latin1(title), align="L", new_x="LMARGIN", new_y="NEXT")
    if detail.points:
        heading(pdf, words.handout_again, 16)
        pdf.set_font("Helvetica", "", TEXT_SIZE)
        bullets(pdf, [point.text for point in detail.points], LINE, gap=1)
    topic: object = object()  # no topic yet: the first fact always opens one (a bank without topics gets the default)
    for fact in bank.facts:
        if fact.topic != topic:
            topic = fact.topic
            heading(pdf, fact.topic or words.key_points_topic, 16)
            pdf.set_font("Helvetica", "", TEXT_SIZE)
        bullets(pdf, [fact.text], LINE, gap=1)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", TEXT_SIZE)
    pdf.multi_cell(0, LINE, latin1(words.handout_questions), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, LINE, latin1(words.handout_phone.format(phone=phone.strip() or BLANK_PHONE)), align="L",
                   new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
