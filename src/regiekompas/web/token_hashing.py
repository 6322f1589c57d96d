"""Secrets that people carry (respondent links, API tokens): random out, only a hash kept.

One approach for every kind (docs/security.md): a token of `TOKEN_BYTES` random bytes,
URL-safe; the database holds its SHA-256 hash, so a copy of the database opens nothing. A
token is looked up by its hash (an index), never by comparing secrets in Python; where two
hashes are compared after all, `same_hash` does it in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

#: Bytes of randomness per token (256 bits).
TOKEN_BYTES = 32


def new_token(prefix: str = "") -> str:
    """A fresh random token, optionally with a readable prefix (not secret, not random)."""
    return prefix + secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hash (hex) stored in place of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    """Whether two stored hashes are equal, in time independent of where they differ."""
    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii", "replace"))
