"""Fill a language's catalogue from a JSON file of translations, and list what is missing.

The lead merges branches that append new UI strings; a language owner then runs::

    flask --app wsgi translate missing mn > /tmp/mn-missing.json   # {"msgid": ""} or {"msgid": ["", ""]}
    # write the translations into the JSON values
    flask --app wsgi translate fill mn /tmp/mn-missing.json

``missing`` reads the template (``translations/messages.pot``) and every msgid that other catalogues carry
(entries appended by hand at the end of zh/ru/ko before the template is regenerated), and lists those that
the language lacks or leaves empty. ``fill`` sets each given msgid's translation, appending entries the
catalogue does not have yet; plural entries take a list with one string per plural form of the language.
Placeholders must match the msgid's; a mismatch is refused with the msgid named, and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue_path(root: Path, lang: str) -> Path:
    """The .po file of a language under the translations folder."""
    return root / lang / "LC_MESSAGES" / "messages.po"


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def known_messages(root: Path) -> dict[str, Message]:
    """Every msgid of the template and of the other catalogues (first seen wins), keyed by singular msgid."""
    sources = [root / "messages.pot", *sorted(root.glob("*/LC_MESSAGES/messages.po"))]
    known: dict[str, Message] = {}
    for path in sources:
        if path.exists():
            for message in _read(path):
                if message.id and _key(message) not in known:
                    known[_key(message)] = message
    return known


def missing(root: Path, lang: str) -> dict[str, str | list[str]]:
    """Msgids the language lacks or leaves untranslated, as a JSON-ready template (plural: one "" per form)."""
    catalogue = _read(catalogue_path(root, lang), lang)
    template: dict[str, str | list[str]] = {}
    for key, message in known_messages(root).items():
        have = catalogue.get(message.id if isinstance(message.id, str) else message.id[0])
        strings = () if have is None else (have.string if isinstance(have.string, tuple) else (have.string,))
        if have is not None and not have.fuzzy and strings and all(s.strip() for s in strings):
            continue
        template[key] = [""] * catalogue.num_plurals if isinstance(message.id, tuple) else ""
    return template


def _problems(message_id: str | tuple[str, ...], value: str | list[str], num_plurals: int) -> list[str]:
    ids = message_id if isinstance(message_id, tuple) else (message_id,)
    wanted = set(PLACEHOLDER.findall(" ".join(ids)))
    if isinstance(message_id, tuple):
        if not isinstance(value, list) or len(value) != num_plurals:
            return [f"{ids[0]!r}: give a list of {num_plurals} plural forms"]
        forms = value
    elif not isinstance(value, str):
        return [f"{ids[0]!r}: give one string"]
    else:
        forms = [value]
    problems = []
    for form in forms:
        if not form.strip():
            problems.append(f"{ids[0]!r}: empty translation")
        elif not isinstance(message_id, tuple) and set(PLACEHOLDER.findall(form)) != wanted:
            problems.append(f"{ids[0]!r}: placeholders differ: {form!r}")
        elif set(PLACEHOLDER.findall(form)) - wanted:
            problems.append(f"{ids[0]!r}: unknown placeholder: {form!r}")
    return problems


def fill(root: Path, lang: str, translations: Mapping[str, str | list[str]]) -> tuple[int, int]:
    """Write translations into the language's catalogue; returns (updated, appended). ValueError lists problems."""
    path = catalogue_path(root, lang)
    catalogue = _read(path, lang)
    known = known_messages(root)
    problems: list[str] = []
    updates: list[tuple[Message, str | tuple[str, ...]]] = []
    for key, value in translations.items():
        source = catalogue.get(key) or known.get(key)
        if source is None:
            problems.append(f"{key!r}: not a msgid of the template or any catalogue")
            continue
        problems += _problems(source.id, value, catalogue.num_plurals)
        updates.append((source, tuple(value) if isinstance(value, list) else value))
    if problems:
        raise ValueError("\n".join(problems))
    updated = appended = 0
    for source, value in updates:
        existing = catalogue.get(_key(source))
        if existing is not None:
            existing.string = value
            existing.flags.discard("fuzzy")
            updated += 1
        else:
            catalogue.add(
                source.id,
                value,
                locations=source.locations,
                flags=source.flags - {"fuzzy"},
                auto_comments=source.auto_comments,
                user_comments=source.user_comments,
            )
            appended += 1
    with path.open("wb") as fh:
        write_po(fh, catalogue, width=76)
    return updated, appended


def untranslated(root: Path, lang: str) -> Iterable[str]:
    """Msgids still missing in a language (for a quick count)."""
    return missing(root, lang).keys()
