"""The bank each stored attempt was taken on: its own snapshot, else today's file only when it is the same version.

Every reader (review, reports, handout, talking points, stats, export, FHIR) asks the shelf, never the
questions folder directly, so an attempt is never shown in another version's wording. The current
banks are still used to say whether an attempt's version is older than today's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from comprehend.bank.model import Bank
from comprehend.store.files import DamagedFileError
from comprehend.store.snapshots import BankSnapshots

log = logging.getLogger(__name__)


class BankShelf:
    """Looks up the exact bank of an attempt by its id, language and content hash."""

    def __init__(self, results: Path, current: Iterable[Bank]):
        self.snapshots = BankSnapshots(results)
        self.current_banks = {(bank.id, bank.language): bank for bank in current}
        self._by_hash = {bank.content_hash: bank for bank in self.current_banks.values()}
        self.problems: list[DamagedFileError] = []

    def taken_on(self, bank_id: object, language: object, bank_hash: object) -> Bank | None:
        """The bank the patient saw: its snapshot, or the current bank with the same hash; None when not kept."""
        if not isinstance(bank_id, str) or not isinstance(bank_hash, str):
            return None
        try:
            bank = self.snapshots.load(bank_id, bank_hash)
        except DamagedFileError as error:
            if error not in self.problems:
                self.problems.append(error)
                log.warning("%s", error)
            bank = None
        if bank is None:
            same = self._by_hash.get(bank_hash)
            bank = same if same is not None and same.id == bank_id else None
        if bank is not None and isinstance(language, str) and bank.language != language:
            return None
        return bank

    def for_record(self, record: dict) -> Bank | None:
        """taken_on for a stored attempt record."""
        return self.taken_on(record.get("bank_id"), record.get("language") or "en", record.get("bank_hash"))

    def current(self, bank_id: str, language: str) -> Bank | None:
        """Today's bank file of that id and language, if there is one."""
        return self.current_banks.get((bank_id, language))

    def is_current(self, bank_id: str, language: str, bank_hash: str) -> bool:
        """True when today's file is the very version the attempt was taken on."""
        bank = self.current(bank_id, language)
        return bank is not None and bank.content_hash == bank_hash

    def all_versions(self) -> list[Bank]:
        """Every bank version known: each snapshot, and each current bank not snapshotted yet."""
        versions = {bank.content_hash: bank for bank in self.snapshots.all()}
        for bank in self.current_banks.values():
            versions.setdefault(bank.content_hash, bank)
        return sorted(versions.values(), key=lambda bank: (bank.id, bank.language, bank.version))
