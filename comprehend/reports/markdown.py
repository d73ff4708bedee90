"""A report as Markdown (also what `report --format md` prints)."""

from __future__ import annotations

from comprehend.attempt_detail import AttemptDetail
from comprehend.reports.content import report_text


def render_markdown(detail: AttemptDetail, clinic: str) -> str:
    """The report of one attempt in Markdown."""
    text = report_text(detail, clinic)
    lines = [f"# {text.title}", ""]
    lines += [f"- **{label}:** {value}" for label, value in text.facts]
    lines += ["", "## Talking points", ""]
    lines += [f"- {point}" for point in text.points] or ["- None: every point was right on the first try."]
    lines += ["", "## Questions and answers", ""]
    for question, under in text.questions:
        lines.append(question)
        lines += [f"   - {line}" for line in under]
    lines += ["", "## Review", ""]
    lines += [f"- {signoff}" for signoff in text.signoffs] or ["- Not yet reviewed."]
    return "\n".join(lines) + "\n"
