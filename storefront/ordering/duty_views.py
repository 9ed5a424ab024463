"""Landed-cost rules: the operator corrects a destination's limits and rates (with source and effective
date) when a law changes; every edit is audited and checkout estimates use it at once."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.extensions import db
from storefront.ordering.freight import duty_rules


def _render(errors: dict | None = None, key: str = "", values: dict | None = None, status: int = 200):
    rules = duty_rules.by_key()
    return (
        render_template(
            "operator/duties.html",
            rules=rules,
            countries={key: ", ".join(rule.countries) for key, rule in rules.items()},
            errors=errors or {},
            error_key=key,
            values=values or {},
        ),
        status,
    )


@bp.get("/duties/")
@operator_required
def duties():
    """The landed-cost rules in force, each with an edit form."""
    return _render()


@bp.post("/duties/<rule_key>")
@operator_required
def duty_edit(rule_key: str):
    """Save an edit of one rule (all fields checked first; nothing changes when one is wrong)."""
    if rule_key not in duty_rules.by_key():
        abort(404)
    # CSRF: checked for every POST by the app's CSRFProtect before this view runs
    values = {name: request.form.get(name, "")[:600] for name in duty_rules.EDITABLE}
    try:
        changed = duty_rules.edit(rule_key, values, current_user)
    except duty_rules.DutyRuleError as exc:
        db.session.rollback()
        return _render({k: str(v) for k, v in exc.errors.items()}, rule_key, values, status=400)
    db.session.commit()
    flash(_("Rule saved.") if changed else _("Nothing changed."), "success")
    return redirect(url_for("operator.duties"))
