"""The clearance translation fragments (storefront/clearance/i18n/*.po) cover every clearance UI string."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
METHODS = [
    ("storefront/clearance/**.py", "python"),
    ("templates/clearance/**.html", "jinja2"),
    ("templates/mail/clearance_rejected.txt", "jinja2"),
]
KEYWORDS = {"_": None, "_l": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}


def _msgids() -> set:
    found = set()
    for _name, _lineno, message, _comments, _context in extract_from_dir(
        ROOT,
        METHODS,
        options_map={"**.html": {"trimmed": "true"}, "**.txt": {"trimmed": "true"}},
        keywords=KEYWORDS,
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


@pytest.mark.parametrize("lang", ["zh", "ru", "ko"])
def test_fragment_translates_every_clearance_string(lang):
    with open(ROOT / "storefront/clearance/i18n" / f"{lang}.po", "rb") as fh:
        catalog = read_po(fh, locale=lang)
    msgids = _msgids()
    assert len(msgids) > 90 and "Released by customs" in msgids
    problems = []
    for msgid in sorted(msgids, key=str):
        message = catalog.get(msgid if isinstance(msgid, str) else msgid[0])
        strings = (
            ()
            if message is None
            else message.string
            if isinstance(message.string, tuple)
            else (message.string,)
        )
        if not strings or not all(s.strip() for s in strings):
            problems.append(f"untranslated: {msgid!r}")
            continue
        wanted = set(PLACEHOLDER.findall(str(msgid)))
        if any(set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            problems.append(f"placeholders differ: {msgid!r}")
    assert problems == []
