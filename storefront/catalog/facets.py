"""Option facets (size, colour, grade…): what a facet name and value may be, reading them from a request, and the
hook through which listings ask the search engine for counts (search registers itself; catalog cannot import it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: Prefix of an option facet's name: ``opt-size``, ``opt-colour``, ``opt-grade`` (the product's option type codes;
#: the same ``opt-<code>`` the cart form uses for a chosen value).
OPTION_PREFIX = "opt-"
#: What an option type code may look like to be a facet.
OPTION_CODE = re.compile(r"[a-z][a-z0-9_]{0,19}")
#: Longest option value code that is indexed as a facet value.
MAX_OPTION_VALUE = 40
#: Most option filters one request applies.
MAX_OPTION_FILTERS = 4


def option_facet(code: str) -> str | None:
    """The facet name of an option type code (``size`` → ``opt-size``), None for a code that cannot be one."""
    return OPTION_PREFIX + code if OPTION_CODE.fullmatch(code or "") else None


def option_value_ok(value: str) -> bool:
    """True when an option value code can be a facet value (short, printable)."""
    return 0 < len(value) <= MAX_OPTION_VALUE and value.isprintable()


def option_filters(args: Mapping[str, str]) -> dict[str, str]:
    """The option facet filters of a request (``opt-size=M``), bounded in number and length; others are ignored."""
    out: dict[str, str] = {}
    for key in args:
        if not key.startswith(OPTION_PREFIX) or len(out) >= MAX_OPTION_FILTERS:
            continue
        value = (args.get(key) or "").strip()
        if value and option_facet(key.removeprefix(OPTION_PREFIX)) == key and option_value_ok(value):
            out[key] = value
    return out


@dataclass
class FacetOption:
    """One value of a facet with its count, label and whether it is the selected one."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """A facet's options (a selected value with no hits left is still listed, so it can be removed)."""

    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> str | None:
        """The selected value, if any."""
        return next((o.value for o in self.options if o.selected), None)


@dataclass
class ListingFacets:
    """Option facets of a listing and, when options are chosen, the ids of the products that have them."""

    facets: list[Facet] = field(default_factory=list)
    #: Products with a variant of every chosen value; None when no option is chosen.
    ids: set[int] | None = None


#: (scope filters such as {"category": "12"} or {"cluster": "swimwear"}, chosen options, language) → facets.
Provider = Callable[[dict[str, str], dict[str, str], str], ListingFacets]
_provider: list[Provider] = []


def register(provider: Provider) -> None:
    """Let a search engine answer option facets for listings (``storefront.search.setup`` does)."""
    _provider[:] = [provider]


def listing_facets(scope: dict[str, str], chosen: dict[str, str], lang: str) -> ListingFacets:
    """Option facets for a listing; without a registered engine, none (and chosen options filter nothing)."""
    if not _provider:
        return ListingFacets()
    return _provider[0](scope, chosen, lang)
