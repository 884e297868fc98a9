"""The facilitator's PIN as a save keeps it: a salted PBKDF2-SHA256 hash, never the PIN itself
(`facilitator` says what it guards)."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from game.session.errors import SessionError

MIN_LENGTH = 4
MAX_LENGTH = 64
ITERATIONS = 200_000
"""PBKDF2 rounds for a new PIN (about a tenth of a second): a save records its own count."""
KDF = "pbkdf2-sha256"


def checked_pin(text: str) -> str:
    """A PIN as typed, or `SessionError` saying what a PIN must be (surrounding spaces do not count)."""
    pin = text.strip()
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise SessionError(f"a facilitator PIN has {MIN_LENGTH} to {MAX_LENGTH} characters, not {len(pin)}")
    return pin


@dataclass(frozen=True, slots=True)
class FacilitatorPin:
    salt: str
    digest: str
    iterations: int = ITERATIONS

    @classmethod
    def of(cls, pin: str) -> "FacilitatorPin":
        salt = secrets.token_hex(16)
        return cls(salt, _derive(checked_pin(pin), salt, ITERATIONS), ITERATIONS)

    def matches(self, given: str) -> bool:
        return hmac.compare_digest(_derive(given.strip(), self.salt, self.iterations), self.digest)

    def to_data(self) -> dict[str, Any]:
        return {"kdf": KDF, "iterations": self.iterations, "salt": self.salt, "hash": self.digest}


def _derive(pin: str, salt: str, iterations: int) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), iterations).hex()
