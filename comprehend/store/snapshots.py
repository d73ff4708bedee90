"""Bank snapshots: the exact bank every attempt was taken on, kept in the results folder by content hash.

results/banks/<bank id>/<content hash>.json is written once, the first time an attempt starts on
that bank version, atomically and owner-only, and never changed. Several kiosks may write the same
snapshot at once: the content is the same, and each write replaces the file whole, so a reader sees
either no file or the whole file. Readers render an attempt from the snapshot of its own hash, so a
record shows what the patient saw whatever happens to the bank file later.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from pathlib import Path

from comprehend.bank.model import Bank
from comprehend.bank.snapshot import SnapshotShapeError, bank_content, bank_from_content
from comprehend.store.files import DamagedFileError, atomic_write_text, set_aside
from comprehend.store.storage import read_json_file

log = logging.getLogger(__name__)

SNAPSHOTS_DIR = "banks"
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")
SNAPSHOT_FORMAT = 1


def _folder_name(bank_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", bank_id).strip(".-") or "bank"


class BankSnapshots:
    """Reads and writes the bank snapshots of one results folder."""

    def __init__(self, results: Path):
        self.folder = Path(results) / SNAPSHOTS_DIR
        self._cache: dict[str, Bank | None] = {}

    def path(self, bank_id: str, content_hash: str) -> Path:
        """Where the snapshot of one bank version is kept."""
        if not HASH_PATTERN.fullmatch(content_hash):
            raise ValueError(f"not a content hash: {content_hash!r}")
        return self.folder / _folder_name(bank_id) / f"{content_hash}.json"

    def save(self, bank: Bank) -> Path:
        """Keep `bank` as it is now, unless its snapshot is already there; return the snapshot's path."""
        path = self.path(bank.id, bank.content_hash)
        try:
            kept = self.load(bank.id, bank.content_hash)
        except DamagedFileError as error:  # its content is known from the hash: set the damaged copy aside, write it anew
            log.warning("a damaged bank snapshot was set aside and written again: %s", error)
            set_aside(path)
            kept = None
        if kept is None:
            # the file's name (not part of the content) tells an original from a translation (<id>.<language>.yaml)
            document = {"format": SNAPSHOT_FORMAT, "content_hash": bank.content_hash, "file": Path(bank.path).name,
                        "bank": bank_content(bank)}
            atomic_write_text(path, json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1))
            self._cache[bank.content_hash] = bank
        return path

    def load(self, bank_id: str, content_hash: str) -> Bank | None:
        """The bank of one snapshot; None when there is none. DamagedFileError when it cannot be trusted."""
        if content_hash not in self._cache:
            try:
                path = self.path(bank_id, content_hash)
            except ValueError:
                return None
            bank = self._read(path, content_hash)
            if bank is not None and bank.id != bank_id:
                raise DamagedFileError(path, "it holds another bank")
            self._cache[content_hash] = bank
        return self._cache[content_hash]

    def all(self) -> list[Bank]:
        """Every snapshot that can be read (damaged ones are logged and left alone), by bank and version."""
        banks = []
        for path in sorted(self.folder.glob("*/*.json")) if self.folder.is_dir() else []:
            if not HASH_PATTERN.fullmatch(path.stem):
                continue
            try:
                bank = self._read(path, path.stem)
            except DamagedFileError as error:
                log.warning("a bank snapshot cannot be read: %s", error)
                continue
            if bank is not None:
                self._cache[bank.content_hash] = bank
                banks.append(bank)
        return sorted(banks, key=lambda bank: (bank.id, bank.language, bank.version))

    @staticmethod
    def _read(path: Path, content_hash: str) -> Bank | None:
        document = read_json_file(path)
        if document is None:
            return None
        try:
            if not isinstance(document, dict) or document.get("content_hash") != content_hash:
                raise SnapshotShapeError("it is not the snapshot of that bank version")
            bank = bank_from_content(document.get("bank"), content_hash)
        except SnapshotShapeError as error:
            raise DamagedFileError(path, str(error)) from None
        file_name = document.get("file")
        return replace(bank, path=file_name) if isinstance(file_name, str) and "/" not in file_name else bank


_KEPT_HERE: set[Path] = set()  # snapshots this process wrote or checked whole (an attempt start then costs one stat)


def keep_bank(results: Path, bank: Bank) -> bool:
    """Make sure the snapshot of `bank` is in the results folder; False (logged) when it cannot be written now."""
    snapshots = BankSnapshots(results)
    path = snapshots.path(bank.id, bank.content_hash)
    if path in _KEPT_HERE and path.is_file() and not path.is_symlink():
        return True
    try:
        snapshots.save(bank)
    except (OSError, DamagedFileError) as error:
        log.error("the bank snapshot of %s version %s could not be kept yet: %s", bank.id, bank.version, error)
        return False
    _KEPT_HERE.add(path)
    return True
