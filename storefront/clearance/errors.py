"""Error codes of spec chapter 7 (data/error_codes.toml) and what a receipt's status means for the merchant.

Table 7-1 codes (four digits, data exchange platform) appear in ``returnInfo``; table 7-2 codes are the
negative ``returnStatus`` values (processing errors). ``explain`` puts the code and its zh/en meaning in front
of customs' own text so the merchant sees what to fix.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).parent / "data" / "error_codes.toml"
_CODE_IN_TEXT = re.compile(r"(?<![\d-])(-\d{5,6}|\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One chapter-7 error code with its meaning."""

    code: str
    zh: str
    en: str
    table: str  # "7-1" or "7-2"

    def meaning(self, lang: str = "zh") -> str:
        """The meaning in Chinese, or English for every other language."""
        return self.zh if lang.startswith("zh") else self.en


@cache
def table() -> dict[str, ErrorCode]:
    """Every code of tables 7-1 and 7-2."""
    raw = tomllib.loads(TABLE_PATH.read_text(encoding="utf-8"))
    codes = {}
    for section, label in (("exchange", "7-1"), ("business", "7-2")):
        for code, (zh, en) in raw[section].items():
            codes[code] = ErrorCode(code, zh, en, label)
    return codes


def lookup(code: str | int) -> ErrorCode | None:
    """The error code, or None when the spec does not list it."""
    return table().get(str(code))


def codes_in(text: str) -> list[ErrorCode]:
    """Known codes mentioned in a receipt's returnInfo (e.g. "[1001] 数字签名无效")."""
    found = [lookup(match) for match in _CODE_IN_TEXT.findall(text or "")]
    return [code for code in found if code is not None]


def explain(return_status: int, info: str) -> str:
    """The reason shown: ``[code] zh (en): returnInfo`` for negative statuses and known codes in the text."""
    parts = []
    if return_status < 0:
        code = lookup(return_status)
        if code is None:
            parts.append(f"[{return_status}] 处理异常 (processing error, code not in spec chapter 7)")
        else:
            parts.append(f"[{code.code}] {code.zh} ({code.en})")
    for code in codes_in(info):
        if code.code != str(return_status):
            parts.append(f"[{code.code}] {code.zh} ({code.en})")
    if not parts:
        return info
    return "; ".join(parts) + (f": {info}" if info else "")
