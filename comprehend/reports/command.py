"""`report (--attempt ID | --patient ID) [--format …] [--out FILE]`: write reports from the command line."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TextIO

from comprehend.overview import AttemptRow
from comprehend.record import COMPLETED
from comprehend.review_data import ReviewData
from comprehend.reports.content import OUTCOME_WORDS
from comprehend.reports.write import WordingNotKept, default_path, render, write_report
from comprehend.session import local_now
from comprehend.store.audit import EXPORTED_REPORT

STDOUT = "-"  # `--out -`: the report goes to standard output (a PDF as bytes), the messages to stderr
BINARY_FORMATS = ("pdf", "handout")


def preferred_first(rows: list[AttemptRow]) -> list[AttemptRow]:
    """A patient's attempts (newest first) with the one to report first: the newest completed one, else the newest.

    A patient who carried on an unfinished attempt has both stored, sharing their history; the
    completed one is what the chart needs, not the superseded incomplete one.
    """
    completed = [row for row in rows if row.status == COMPLETED]
    chosen = completed[0] if completed else rows[0]
    return [chosen, *(row for row in rows if row is not chosen)]


def _described(row: AttemptRow) -> str:
    return f"{row.attempt_id[:8]} ({OUTCOME_WORDS.get(row.outcome, row.outcome).lower()}, {row.when})"


def _say_problems(data: ReviewData, err: TextIO) -> None:
    for damaged in data.problems:
        print(f"comprehend: skipped {damaged.path}: {damaged.reason}. It was left untouched; "
              "ask your IT contact to restore it from a backup.", file=err)


def _written_to(stream: TextIO, content: bytes, fmt: str, err: TextIO) -> bool:
    """Write a report to standard output: text as text, a PDF to the stream's bytes; False after saying why it cannot."""
    if fmt not in BINARY_FORMATS:
        stream.write(content.decode("utf-8"))
        stream.flush()
        return True
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        print("comprehend: a PDF cannot be written to this output; give a file name with --out.", file=err)
        return False
    stream.flush()
    buffer.write(content)
    buffer.flush()
    return True


def run_report(
    data: ReviewData, attempt: str | None, patient: str | None, fmt: str, out_path: Path | None, clinic: str, out: TextIO, err: TextIO,
    phone: str = "",
) -> int:
    """Write the report(s) asked for (`phone`: the clinic's number on a handout); returns the exit code.

    The exit code is 1 also when a results file could not be read. Each export is audited.
    With `out_path` "-" the report is written to `out` (a PDF to its byte buffer) and every message to `err`.
    """
    to_stdout = out_path is not None and str(out_path) == STDOUT
    report_out, out = out, (err if to_stdout else out)
    data.load()
    _say_problems(data, err)
    if attempt:
        matches = [row for row in data.rows if row.attempt_id.startswith(attempt.strip().lower())]
        if len(matches) > 1:
            print(f"comprehend: {len(matches)} attempts start with {attempt}; give more of the id.", file=err)
            return 1
    else:
        matches = data.rows_for_patient(patient or "")
    if not matches:
        print(f"comprehend: no stored attempt for {'attempt ' + attempt if attempt else 'patient ' + str(patient)}.", file=err)
        return 1
    if fmt != "csv":
        matches = preferred_first(matches)
    details = [detail for detail in (data.detail(row.attempt_id) for row in matches) if detail]
    if not details:
        print("comprehend: the record of that attempt could not be read, so no report can be made.", file=err)
        return 1
    if fmt != "csv":
        details = details[:1]  # the completed attempt of the patient (else the newest)
        if len(matches) > 1:
            others = ", ".join(_described(row) for row in matches if row.attempt_id != details[0].row.attempt_id)
            which = "completed" if details[0].row.status == COMPLETED else "newest"
            print(f"Reported the {which} attempt {_described(details[0].row)}; the patient's other attempts: {others}", file=out)
    path = STDOUT if to_stdout else (out_path or default_path(data.results, details[0], fmt))
    try:
        content = render(details, fmt, clinic, phone)
    except WordingNotKept as error:
        print(f"comprehend: no take-home sheet can be made: {error} Make the report (--format pdf) instead.", file=err)
        return 1
    if to_stdout:
        if not _written_to(report_out, content, fmt, err):
            return 1
        path = "standard output"
    else:
        write_report(content, path)
    now = local_now().isoformat(timespec="seconds")
    for detail in details:
        data.audit.record(f"{getpass.getuser()} (command line)", EXPORTED_REPORT, now, detail.row.attempt_id, f"{fmt} to {path}")
    print(f"Wrote the {fmt} report to {path}", file=out)
    return 1 if data.problems else 0
