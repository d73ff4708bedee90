"""`export`: every stored attempt to a stream, as JSON lines or CSV (one row per attempt)."""

from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

from comprehend.record import EXPORT_FIELDS

CSV_FIELDS = [f for f in EXPORT_FIELDS if f != "answers"] + ["answers_given", "missed_first", "never_mastered"]


def export_jsonl(attempts: Iterable[dict], out: TextIO) -> int:
    """Write one JSON object per line with the export fields; return how many were written."""
    count = 0
    for record in attempts:
        row = {name: record.get(name) for name in EXPORT_FIELDS}
        row["answers"] = row["answers"] or []
        row["asked_for_nurse"] = record.get("asked_for_nurse") is True  # attempts from before the nurse button: no
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_csv(attempts: Iterable[dict], out: TextIO) -> int:
    """Write a header and one CSV row per attempt; lists are joined with ';'. Return the row count."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in attempts:
        row = {name: record.get(name) for name in CSV_FIELDS if name in record}
        row["answers_given"] = len(record.get("answers") or [])
        row["asked_for_nurse"] = "yes" if record.get("asked_for_nurse") is True else "no"
        row["missed_first"] = ";".join(record.get("missed_first") or [])
        row["never_mastered"] = ";".join(record.get("never_mastered") or [])
        writer.writerow({name: safe_cell(row.get(name)) for name in CSV_FIELDS})
        count += 1
    return count


def safe_cell(value: object) -> object:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value
