"""One set of labels for values people read: statuses, audit actions, object kinds, field names.

Each domain keeps its own table (``FILING_LABELS``, ``ordering.states.STATUS_LABELS``, …) and registers it here
under a kind; templates show any value through the ``label`` filter — ``{{ sub.status|label('order_status') }}``
— so a code such as ``paid`` or ``filing.approve`` never reaches a page as it is. An unknown value is shown as
it is, marked as code, which tests catch. Technical values (payment ids, table names) go into the
``technical`` fold of ``templates/_macros.html``."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

_TABLES: dict[str, dict[str, object]] = {}


def register(kind: str, labels: Mapping) -> None:
    """Add (or extend) the label table of a kind; keys are compared as text (StrEnum members work)."""
    _TABLES.setdefault(kind, {}).update({str(key): text for key, text in labels.items()})


def known(kind: str) -> Mapping[str, object]:
    """The labels of a kind (empty when nothing registered it)."""
    return _TABLES.get(kind, {})


def label(value, kind: str) -> str:
    """The label of a value in the current language; the value itself when the kind does not know it."""
    if value is None or value == "":
        return "—"
    text = _TABLES.get(kind, {}).get(str(value))
    return str(text) if text is not None else str(value)


def label_html(value, kind: str) -> Markup:
    """As :func:`label`, for templates: an unknown value is wrapped in ``<code>`` (it is a code, not a word)."""
    text = _TABLES.get(kind, {}).get(str(value))
    if value is None or value == "":
        return Markup("—")
    if text is None:
        return Markup("<code>%s</code>") % escape(str(value))
    return escape(str(text))
