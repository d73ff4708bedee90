"""PIN hashes: salted scrypt at a cost of about 100 ms or more per check, verified with the cost stored in the record.

STRONG is the cost of new hashes (see SECURITY.md and benchmarks/pin_check.py for the figure measured
here); LEGACY is the cost accounts were made with before, still accepted and replaced on the next
right PIN. DEFAULT_COST is what StaffAccounts uses when not told; tests lower it through a fixture.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

HEX = re.compile(r"(?:[0-9a-f]{2}){16,64}")


@dataclass(frozen=True)
class PinCost:
    """The scrypt parameters: n (a power of two), r and p."""

    n: int
    r: int
    p: int

    @property
    def maxmem(self) -> int:
        """Memory scrypt may use: twice what these parameters need."""
        return 2 * 128 * self.r * (self.n + self.p + 2)


STRONG = PinCost(n=2**16, r=8, p=1)  # 64 MiB; the check cost measured here is in SECURITY.md
LEGACY = PinCost(n=2**14, r=8, p=1)
DEFAULT_COST = STRONG
# Bounds a stored record must keep, so a damaged file can neither crash scrypt nor ask it for gigabytes.
MIN_N, MAX_N, MAX_R, MAX_P = 2**10, 2**17, 16, 4


def _scrypt(pin: bytes, salt: bytes, cost: PinCost) -> bytes:
    return hashlib.scrypt(pin, salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.maxmem, dklen=32)


def hash_pin(pin: str, cost: PinCost, salt: bytes | None = None) -> dict:
    """A new salted scrypt hash of `pin`, as stored (hex text)."""
    salt = salt or secrets.token_bytes(16)
    digest = _scrypt(pin.encode(), salt, cost)
    return {"scheme": "scrypt", "n": cost.n, "r": cost.r, "p": cost.p, "salt": salt.hex(), "hash": digest.hex()}


def _small_int(value: object, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def stored_cost(stored: object) -> PinCost | None:
    """The cost of a stored hash record; None when the record is not a well-formed scrypt hash."""
    if not isinstance(stored, dict) or stored.get("scheme") != "scrypt":
        return None
    n, r, p = stored.get("n"), stored.get("r"), stored.get("p")
    if not (_small_int(n, MIN_N, MAX_N) and n & (n - 1) == 0 and _small_int(r, 1, MAX_R) and _small_int(p, 1, MAX_P)):
        return None
    salt, digest = stored.get("salt"), stored.get("hash")
    if not (isinstance(salt, str) and HEX.fullmatch(salt) and isinstance(digest, str) and len(digest) == 64 and HEX.fullmatch(digest)):
        return None
    return PinCost(n, r, p)  # type: ignore[arg-type]


def pin_matches(pin: str, stored: dict) -> bool:
    """True when `pin` gives the stored hash: one full scrypt at the stored cost, compared in constant time.

    `stored` must have passed stored_cost (StaffAccounts checks every record as it reads the file).
    """
    cost = stored_cost(stored)
    if cost is None:
        return False
    digest = _scrypt(pin.encode(), bytes.fromhex(stored["salt"]), cost)
    return hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))
