"""The landed-cost rules in force: data/duties.toml with the operator's edits (table ``duty_rule_overrides``),
and the one operation that edits a rule (checked, audited, flushed — never committed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from storefront.core import audit
from storefront.core.money import parse_amount
from storefront.extensions import db
from storefront.ordering.freight.landed import DutyRule, rules
from storefront.ordering.freight.models import DutyRuleOverride

#: The numbers an operator may change, in the order the form shows them.
EDITABLE = ("source", "effective", "free_limit", "free_weight_g", "duty_pct", "vat_pct", "excess_pct",
            "excess_min_per_kg")  # fmt: skip


def _apply(rule: DutyRule, row: DutyRuleOverride) -> DutyRule:
    return replace(rule, **{name: getattr(row, name) for name in EDITABLE})


def current() -> dict[str, DutyRule]:
    """Country → rule in force (data file + operator edits), one small query."""
    edits = {row.key: row for row in db.session.scalars(select(DutyRuleOverride))}
    out = {}
    for country, rule in rules().items():
        out[country] = _apply(rule, edits[rule.key]) if rule.key in edits else rule
    return out


def by_key() -> dict[str, DutyRule]:
    """Rule key → rule in force, for the operator's page."""
    return {rule.key: rule for rule in current().values()}


@dataclass
class DutyRuleError(ValueError):
    """Field → message for every value an edit gets wrong."""

    errors: dict[str, object]


def _pct(text: str) -> Decimal | None:
    try:
        value = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and 0 <= value <= 100 and value == value.quantize(Decimal("0.01")) else None


def parse(rule: DutyRule, form: dict[str, str]) -> dict:
    """Typed values from the form's text (raises DutyRuleError listing every bad field)."""
    errors: dict[str, object] = {}
    values: dict = {}
    source = (form.get("source") or "").strip()
    if not 10 <= len(source) <= 500:
        errors["source"] = _l("Name the source (law, notice or customs page): 10 to 500 characters.")
    values["source"] = source
    try:
        values["effective"] = date.fromisoformat((form.get("effective") or "").strip())
    except ValueError:
        errors["effective"] = _l("Enter the date the rule took effect, e.g. 2024-01-01.")
    for name in ("free_limit",):
        try:
            amount = parse_amount(form.get(name) or "0", rule.currency)
            values[name] = amount or 0
        except ValueError:
            errors[name] = _l("Enter an amount in %(currency)s, e.g. 150.00.", currency=rule.currency)
    for name in ("free_weight_g", "excess_min_per_kg"):
        text = (form.get(name) or "0").strip()
        if not text.isdigit() or len(text) > 9:
            errors[name] = _l("Enter a whole number, 0 or more.")
        else:
            values[name] = int(text)
    for name in ("duty_pct", "vat_pct", "excess_pct"):
        value = _pct(form.get(name) or "0")
        if value is None:
            errors[name] = _l("Enter a percentage from 0 to 100 (two decimals at most).")
        values[name] = value
    if errors:
        raise DutyRuleError(errors)
    return values


def edit(key: str, form: dict[str, str], actor) -> bool:
    """Apply an operator's edit of one rule; False when nothing changed. Raises KeyError, DutyRuleError."""
    rule = by_key()[key]
    values = parse(rule, form)
    before = {name: getattr(rule, name) for name in EDITABLE}
    if values == before:
        return False
    row = db.session.get(DutyRuleOverride, key) or DutyRuleOverride(key=key)
    for name, value in values.items():
        setattr(row, name, value)
    db.session.add(row)
    audit.record(actor, "duty_rule.edit", ("duty_rule_overrides", key), before=before, after=values)
    db.session.flush()
    return True
