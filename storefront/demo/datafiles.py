"""Demo content lives in TOML data files; this module loads them and checks their shape on load.

The files sit beside the code that seeds them (``storefront/demo/data/``, ``services_market/demo_data/``).
``load`` returns one top-level key of a file; ``check_records`` checks that every record has the keys and
types a schema names, so a typo in a data file fails at start-up with the file, record and key in the
message instead of deep inside the seeder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

#: The storefront's demo data folder.
DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoDataError(ValueError):
    """A demo data file is missing, unreadable or does not match its schema."""


def load(path: Path, key: str) -> Any:
    """The value under ``key`` in the TOML file ``path``."""
    try:
        with path.open("rb") as fh:
            document = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DemoDataError(f"{path}: {exc}") from exc
    if key not in document:
        raise DemoDataError(f"{path}: no top-level '{key}'")
    return document[key]


def check_records(records: list[dict], schema: dict[str, type | tuple[type, ...]], where: str) -> list[dict]:
    """Check that each record has every key of ``schema`` with a value of its type; returns the records."""
    if not isinstance(records, list):
        raise DemoDataError(f"{where}: expected a list of records")
    for number, record in enumerate(records, 1):
        for key, kind in schema.items():
            if key not in record:
                raise DemoDataError(f"{where}, record {number}: missing '{key}'")
            if not isinstance(record[key], kind) or (kind is int and isinstance(record[key], bool)):
                raise DemoDataError(f"{where}, record {number}: '{key}' should be {_type_name(kind)}")
    return records


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)
