"""Results storage: attempts in TinyDB files that survive crashes, several kiosks and damaged files."""

from comprehend.store.attempts import ResultsStore, StoreError
from comprehend.store.files import DamagedFileError

__all__ = ["ResultsStore", "StoreError", "DamagedFileError"]
