"""Rendering a report in the format asked for and writing it owner-only where staff can find it."""

from __future__ import annotations

import re
from pathlib import Path

from comprehend.attempt_detail import AttemptDetail
from comprehend.reports.csv_report import render_csv
from comprehend.reports.html import render_html
from comprehend.reports.markdown import render_markdown
from comprehend.reports.handout import render_handout_pdf
from comprehend.reports.pdf import render_report_pdf
from comprehend.store.files import write_out_file
from comprehend.store.results_folder import name_results_folder

FORMATS = ("pdf", "html", "md", "csv", "handout")
EXTENSIONS = {"pdf": "pdf", "html": "html", "md": "md", "csv": "csv", "handout": "pdf"}
REPORTS_DIR = "reports"


class WordingNotKept(ValueError):
    """A take-home sheet needs the bank's wording, and that version's wording was not kept."""


def render(details: list[AttemptDetail], fmt: str, clinic: str, phone: str = "") -> bytes:
    """The report of `details` (one attempt, or several for CSV) in `fmt`, each in its own bank version; `phone` goes on the handout."""
    if fmt == "csv":
        return render_csv(details).encode("utf-8")
    detail = details[0]
    if fmt == "pdf":
        return render_report_pdf(detail, clinic)
    if fmt == "handout":
        if detail.bank is None:
            raise WordingNotKept(detail.wording_note)
        return render_handout_pdf(detail.bank, detail, phone)
    if fmt == "html":
        return render_html(detail, clinic).encode("utf-8")
    if fmt == "md":
        return render_markdown(detail, clinic).encode("utf-8")
    raise ValueError(f"unknown report format {fmt!r}")


def default_path(results: Path, detail: AttemptDetail, fmt: str) -> Path:
    """results/reports/<patient>-<date>-<attempt>[-handout].<ext> (inside the owner-only results folder)."""
    row = detail.row
    name_results_folder(results)  # so write_report writes it by the results rules (no link followed)
    name = re.sub(r"[^A-Za-z0-9-]", "", row.patient_id) or "patient"
    suffix = "-handout" if fmt == "handout" else ""
    return Path(results) / REPORTS_DIR / f"{name}-{row.started_at[:10]}-{row.attempt_id[:8]}{suffix}.{EXTENSIONS[fmt]}"


def write_report(data: bytes, path: Path) -> Path:
    """Write the report atomically, owner-only (reports hold health information); returns the path.

    Under the results folder (default_path) its folders are made owner-only and no link is followed; a
    file named with --out goes into a folder that must exist, and that folder's mode is left alone.
    """
    write_out_file(Path(path), data)
    return Path(path)
