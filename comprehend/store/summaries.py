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
from comprehend.store.storage import read_tinydb_file

log = logging.getLogger(__name__)

CACHE_NAME = "summary.cache"
CACHE_VERSION = 2
# A summary is a list in this order (lists, not dicts: at 100k attempts they read twice as fast).
SUMMARY_FIELDS = (
    "attempt_id", "started_at", "finished_at", "updated_at", "patient_id", "bank_id", "bank_title", "bank_version",
    "bank_hash", "language", "kiosk_id", "first_try_correct", "total", "outcome", "status", "resumed_from", "shard",
)
FIELD = {name: index for index, name in enumerate(SUMMARY_FIELDS)}


def summarize(record: dict, shard: str = "") -> list:
    """The list fields of one attempt, last the shard (relative path) that holds the whole record."""
    return [record.get(name) for name in SUMMARY_FIELDS[:-1]] + [shard]


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def month_summaries(
    folder: Path, root: Path, table: str, on_damaged: Callable[[DamagedFileError], None]
) -> list[list]:
    """Summaries of every attempt in the day shards of one month folder, using and refreshing its cache."""
    cache_path = folder / CACHE_NAME
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        shards = cache["shards"] if cache.get("version") == CACHE_VERSION else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        shards = {}
    fresh: dict[str, dict] = {}
    changed = False
    rows: list[list] = []
    for shard in sorted(folder.glob("*.json")):
        try:
            stamp = _stamp(shard)
        except OSError:
            continue
        cached = shards.get(shard.name)
        if isinstance(cached, dict) and cached.get("stamp") == stamp:
            fresh[shard.name] = cached
        else:
            changed = True
            try:
                data = read_tinydb_file(shard) or {}
            except DamagedFileError as damaged:
                on_damaged(damaged)
                continue
            relative = str(shard.relative_to(root))
            fresh[shard.name] = {"stamp": stamp, "rows": [summarize(r, relative) for r in data.get(table, {}).values()]}
        rows.extend(fresh[shard.name]["rows"])
    if changed or set(shards) != set(fresh):
        try:
            atomic_write_text(cache_path, json.dumps({"version": CACHE_VERSION, "shards": fresh}, separators=(",", ":")))
        except OSError as error:
            log.warning("summary cache %s could not be written (%s); review will read the shards again", cache_path, error.strerror)
    return rows
