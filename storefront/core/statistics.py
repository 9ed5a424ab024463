"""Figure providers for the province statistics: a domain (or the services marketplace, which storefront never
imports) registers a function that returns its :class:`Section` for a period; the operator's statistics page,
its CSV export and the monthly PDF report show every registered section the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from storefront.core.charts import Chart


@dataclass(frozen=True)
class Section:
    """One block of figures: headline numbers, a data table (raw values for CSV, formatted cells for pages) and
    the charts drawn from it. Texts are already translated in the current locale."""

    key: str
    title: str
    #: (label, formatted value) pairs shown above the table.
    headline: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    #: Raw values per row, for the CSV export (amounts in yuan with two decimals).
    rows: tuple[tuple[object, ...], ...] = ()
    #: The same rows formatted for a page or the PDF (money with its symbol, "—" for nothing).
    cells: tuple[tuple[str, ...], ...] = ()
    charts: tuple[Chart, ...] = field(default=())
    #: A sentence saying what is counted (printed under the table in the report).
    note: str = ""


#: A provider: (start, end, language) → its section for the period [start, end).
Provider = Callable[[datetime, datetime, str], Section]

_PROVIDERS: dict[str, Provider] = {}


def register_section(key: str, provider: Provider) -> None:
    """Add a section to the province statistics (idempotent: the last registration of a key wins)."""
    _PROVIDERS[key] = provider


def sections(start: datetime, end: datetime, lang: str) -> list[Section]:
    """Every registered section for the period, in registration order."""
    return [provider(start, end, lang) for provider in _PROVIDERS.values()]
