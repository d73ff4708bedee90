"""A report as a self-contained HTML page (no outside scripts, fonts or images), every value escaped."""

from __future__ import annotations

from html import escape

from comprehend.attempt_detail import AttemptDetail
from comprehend.reports.content import report_text

STYLE = "body{font-family:sans-serif;max-width:48em;margin:2em auto;color:#000}dt{font-weight:bold}li{margin:.2em 0}"


def render_html(detail: AttemptDetail, clinic: str) -> str:
    """The report of one attempt as HTML."""
    text = report_text(detail, clinic)
    parts = [f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{escape(text.title)}</title><style>{STYLE}</style>",
             f"<h1>{escape(text.title)}</h1><dl>"]
    parts += [f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in text.facts]
    parts.append("</dl><h2>Talking points</h2><ul>")
    parts += [f"<li>{escape(point)}</li>" for point in text.points] or ["<li>None: every point was right on the first try.</li>"]
    parts.append("</ul><h2>Questions and answers</h2><ol>")
    for question, under in text.questions:
        ask = question.split(". ", 1)[1]
        parts.append(f"<li>{escape(ask)}<ul>" + "".join(f"<li>{escape(line)}</li>" for line in under) + "</ul></li>")
    parts.append("</ol><h2>Review</h2><ul>")
    parts += [f"<li>{escape(signoff)}</li>" for signoff in text.signoffs] or ["<li>Not yet reviewed.</li>"]
    parts.append("</ul></html>\n")
    return "".join(parts)
