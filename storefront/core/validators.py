"""Validation of identifiers used in customs and company filings (one place for each rule)."""

from __future__ import annotations

import re

_HS_RE = re.compile(r"^\d{10}$")
#: Chapters of the Harmonized System (chapter 77 is reserved and unused).
_HS_CHAPTERS = set(range(1, 98)) - {77}

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CUSTOMS_CODE_RE = re.compile(r"^[0-9A-Z]{10}$")
_SKU_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")


def normalize_hs_code(value: str | None) -> str:
    """Strip dots and spaces people type into tariff codes ('6112.41.00.00' → '6112410000')."""
    return re.sub(r"[\s.]", "", value or "")


def is_valid_hs_code(value: str | None) -> bool:
    """A 10-digit Chinese tariff code whose first two digits are an HS chapter."""
    code = normalize_hs_code(value)
    return bool(_HS_RE.match(code)) and int(code[:2]) in _HS_CHAPTERS


def uscc_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a USCC."""
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    check = 31 - total % 31
    return USCC_CHARS[0 if check == 31 else check]


def is_valid_uscc(value: str | None) -> bool:
    """An 18-character unified social credit code with a correct check character."""
    code = (value or "").strip().upper()
    if len(code) != 18 or any(ch not in USCC_CHARS for ch in code):
        return False
    if not code[2:8].isdigit():  # administrative division code
        return False
    return uscc_check_char(code[:17]) == code[17]


def is_valid_customs_code(value: str | None) -> bool:
    """A 10-character customs registration code (海关注册编码)."""
    return bool(_CUSTOMS_CODE_RE.match((value or "").strip().upper()))


def is_valid_sku(value: str | None) -> bool:
    """SKU: 1–20 letters, digits, dots, dashes or underscores (fits the inventory list's itemNo)."""
    return bool(_SKU_RE.match(value or ""))
