"""Attempt summaries for the nurse's list, cached per month folder so opening review stays fast at 100k attempts.

A summary is the few fields the attempts list shows (no answers). Each month folder keeps a cache
file, `summary.cache`, holding the summaries of each day shard with the shard's size and change time.
The cache is derived data: a shard that changed is read again, a cache that cannot be read is
rebuilt, and a cache that cannot be written only costs speed next time.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable

from comprehend.store.files import DamagedFileError, atomic_write_text
from comprehend.store.records import checked_records
from comprehend.store.shapes import attempt_problem
from comprehend.store.storage import read_tinydb_file

log = logging.getLogger(__name__)

CACHE_NAME = "summary.cache"
CACHE_VERSION = 4  # 3: each shard's entry also names the records it could not read; 4: asked_for_nurse
# A summary is a list in this order (lists, not dicts: at 100k attempts they read twice as fast).
SUMMARY_FIELDS = (
    "attempt_id", "started_at", "finished_at", "updated_at", "patient_id", "bank_id", "bank_title", "bank_version",
    "bank_hash", "language", "kiosk_id", "first_try_correct", "total", "outcome", "status", "resumed_from",
    "asked_for_nurse", "shard",
)
FIELD = {name: index for index, name in enumerate(SUMMARY_FIELDS)}


def summarize(record: dict, shard: str = "") -> list:
    """The list fields of one attempt, last the shard (relative path) that holds the whole record."""
    return [record.get(name) for name in SUMMARY_FIELDS[:-1]] + [shard]


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


_N = type(None)
# the types each summary field may have, in SUMMARY_FIELDS order (what shapes.attempt_problem lets through)
ROW_TYPES = (
    str, str, (str, _N), (str, _N), str, str, (str, _N), (int, _N),
    (str, _N), (str, _N), (str, _N), (int, _N), (int, _N), (str, _N), str, (str, _N), (bool, _N), str,
)


def _row_ok(row: object) -> bool:
    return type(row) is list and len(row) == len(ROW_TYPES) and all(map(isinstance, row, ROW_TYPES))


def _cached_entry(cached: object, stamp: list[int]) -> dict | None:
    """A cache entry still good for a shard with this stamp, or None (changed shard, or a cache of the wrong shape)."""
    if not isinstance(cached, dict) or cached.get("stamp") != stamp:
        return None
    rows, damaged = cached.get("rows"), cached.get("damaged")
    if not isinstance(rows, list) or not all(map(_row_ok, rows)) or not isinstance(damaged, (str, type(None))):
        return None
    return cached


def _read_cache(cache_path: Path) -> dict:
    """The shards of a month's summary cache; {} when it is missing, of an older version or damaged (it is rebuilt)."""
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        shards = cache["shards"] if cache.get("version") == CACHE_VERSION else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}
    return shards if isinstance(shards, dict) else {}


def month_summaries(
    folder: Path, root: Path, table: str, on_damaged: Callable[[DamagedFileError], None]
) -> list[list]:
    """Summaries of every attempt in the day shards of one month folder, using and refreshing its cache.

    A shard with records that cannot be read is named through `on_damaged` every time, from the
    cache too; its good records are listed.
    """
    cache_path = folder / CACHE_NAME
    shards = _read_cache(cache_path)
    fresh: dict[str, dict] = {}
    changed = False
    rows: list[list] = []
    for shard in sorted(folder.glob("*.json")):
        try:
            stamp = _stamp(shard)
        except OSError:
            continue
        cached = _cached_entry(shards.get(shard.name), stamp)
        if cached is not None:
            fresh[shard.name] = cached
        else:
            changed = True
            try:
                data = read_tinydb_file(shard)
            except DamagedFileError as damaged:
                on_damaged(damaged)
                continue
            records, damaged = checked_records(shard, data, table, attempt_problem)
            relative = str(shard.relative_to(root))
            fresh[shard.name] = {"stamp": stamp, "rows": [summarize(r, relative) for r in records],
                                 "damaged": damaged.reason if damaged else None}
        if fresh[shard.name]["damaged"]:
            on_damaged(DamagedFileError(shard, fresh[shard.name]["damaged"]))
        rows.extend(fresh[shard.name]["rows"])
    if changed or set(shards) != set(fresh):
        try:
            atomic_write_text(cache_path, json.dumps({"version": CACHE_VERSION, "shards": fresh}, separators=(",", ":")))
        except OSError as error:
            log.warning("summary cache %s could not be written (%s); review will read the shards again", cache_path, error.strerror)
    return rows
