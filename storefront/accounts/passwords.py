"""Password rules: at least 10 characters, not a common or easily guessed password (zxcvbn's ranked lists of
leaked passwords, words and keyboard patterns), not built from the user's e-mail or name.

Hashing: werkzeug's ``PASSWORD_HASH_METHOD`` (default ``scrypt``: n=2**15, r=8, p=1, 16-byte salt, 64-byte
key); a login re-hashes a password stored with other parameters (``User.rehash_if_needed``)."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 200
#: zxcvbn score (0–4) a password needs: 3 means "safely unguessable" (about 10^8 guesses or more).
MIN_SCORE = 3

TOO_SHORT = _l("Use at least 10 characters.")
TOO_LONG = _l("Use at most 200 characters.")
TOO_COMMON = _l("This password is too common or too easy to guess. Use a few unrelated words.")
TOO_PERSONAL = _l("The password must not contain your e-mail address or name.")


def _personal_parts(email: str, name: str) -> list[str]:
    """The e-mail's local part and the name and their pieces (3 characters or more), lower-case."""
    local = (email or "").split("@", 1)[0].lower()
    parts = {local, (name or "").strip().lower()}
    parts.update(re.split(r"[\W_]+", local))
    parts.update(re.split(r"[\W_]+", (name or "").lower()))
    return sorted(p for p in parts if len(p) >= 3)


def password_problem(password: str, *, email: str = "", name: str = ""):
    """The reason a password is refused (a translatable message), or None when it is acceptable."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT
    if len(password) > MAX_LENGTH:
        return TOO_LONG
    personal = _personal_parts(email, name)
    lowered = password.lower()
    if any(len(part) >= 4 and part in lowered for part in personal):
        return TOO_PERSONAL

    if zxcvbn(password[:100], user_inputs=personal)["score"] < MIN_SCORE:
        return TOO_COMMON
    return None
