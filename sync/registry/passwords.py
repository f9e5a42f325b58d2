"""Password hashes: argon2id (argon2-cffi), at OWASP's minimum cost (19 MiB, t=2), with at most
a few hashes at a time so fifty devices logging in at once do not exhaust memory."""

from __future__ import annotations

import threading

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)
_at_once = threading.BoundedSemaphore(4)
# Verified for a username that does not exist, so its answer takes as long as a wrong password.
_DUMMY = _hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    with _at_once:
        return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether the password matches (False for no hash, after the same work)."""
    with _at_once:
        try:
            return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)
