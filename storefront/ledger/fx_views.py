"""FX settlement records (收结汇) in the operator console: one per released list, CSV per merchant."""

from __future__ import annotations

from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.core.money import parse_amount
from storefront.extensions import db
from storefront.ledger import fx


def _page(error: str = "", status: int = 200, values: dict | None = None):
    return render_template(
        "operator/fx.html",
        cases=fx.settleable_cases(),
        rows=fx.settlements_of()[:200],
        error=error,
        values=values or {},
    ), status


@bp.get("/fx-settlements")
@operator_required
def fx_settlements():
    """Released lists to settle and the settlements recorded."""
    return _page()


@bp.post("/fx-settlements")
@operator_required
def fx_record():
    """Record a settlement: amount, currency, date, rate (CNY per unit) and bank reference."""
    form = request.form
    currency = (form.get("currency") or "").strip().upper()[:3]
    try:
        try:
            settled_on = date.fromisoformat((form.get("settled_on") or "").strip())
        except ValueError:
            settled_on = None
        try:
            amount = parse_amount(form.get("amount"), currency or "CNY") if len(currency) == 3 else None
        except ValueError:
            amount = None
        fx.record(
            form.get("case_id", type=int),
            amount,
            currency,
            settled_on,
            form.get("rate", ""),
            form.get("bank_ref", ""),
            actor=f"operator:{current_user.id}",
        )
    except fx.FxError as exc:
        db.session.rollback()
        return _page(exc.message, 400, form.to_dict())
    db.session.commit()
    flash(_("Settlement recorded."), "success")
    return redirect(url_for("operator.fx_settlements"))


@bp.get("/fx-settlements.csv")
@operator_required
def fx_csv():
    """Settlements as CSV (one merchant with ?merchant=<id>)."""
    rows = fx.settlements_of(request.args.get("merchant", type=int))
    return Response(
        "\ufeff" + fx.to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="fx-settlements.csv"'},
    )
