"""Exchange rates: edit ("1 USD = 7.10 CNY"), import a day's CSV (all or nothing), history with a chart. A jump
above 10 % needs a confirmation; every change is audited."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.backoffice_forms import RateForm, RatesImportForm
from storefront.core import charts, rates
from storefront.core.uploads import UploadRejected, read_limited
from storefront.extensions import db


def _render(
    errors: dict | None = None,
    import_errors=None,
    form_values: dict | None = None,
    confirm: dict | None = None,
    import_jumps=None,
):
    return render_template(
        "operator/rates.html",
        rows=rates.current(),
        editable=rates.EDITABLE,
        errors=errors or {},
        confirm=confirm or {},
        import_errors=import_errors or [],
        import_jumps=import_jumps or [],
        values=form_values or {},
        import_form=RatesImportForm(),
        history=rates.history(limit=20),
    )


@bp.app_context_processor
def rate_helpers() -> dict:
    """The quote convention of each currency for rate pages (1 USD = 7.10 CNY, 1 CNY = 12.85 RUB)."""
    return {"rate_quote": rates.quote_of}


@bp.get("/rates/")
@operator_required
def rates_page():
    """Current rates with an edit form, the CSV import and the latest changes."""
    return _render()


@bp.post("/rates/")
@operator_required
def rates_update():
    """Set one rate."""
    form = RateForm()
    if not form.validate_on_submit():
        return _render({"_": _("The form expired. Please try again.")}), 400
    code = form.currency.data.upper()
    try:
        rate = rates.parse_quote(code, form.rate.data)
        changed = rates.set_rate(code, rate, current_user, confirmed=bool(form.confirm.data))
    except rates.RateJump as exc:
        return _render(confirm={code: str(exc.message)}, form_values={code: form.rate.data}), 400
    except rates.RateError as exc:
        return _render({code: str(exc.message)}, form_values={code: form.rate.data}), 400
    db.session.commit()
    flash(
        _("%(code)s rate saved.", code=code) if changed else _("%(code)s rate unchanged.", code=code),
        "success",
    )
    return redirect(url_for("operator.rates_page"))


@bp.post("/rates/import")
@operator_required
def rates_import():
    """Import a CSV of rates: every line is checked first; nothing changes if one is wrong."""
    form = RatesImportForm()
    storage = form.file.data if form.validate_on_submit() else None
    if storage is None or not getattr(storage, "filename", ""):
        return _render(import_errors=[(0, "", _("Choose a CSV file."))]), 400
    try:
        data = read_limited(storage.stream, min(current_app.config["DOCUMENT_MAX_BYTES"], 1024 * 1024))
    except UploadRejected as exc:
        return _render(import_errors=[(0, "", exc.message)]), 400
    result = rates.import_csv(data, current_user, confirmed=bool(form.confirm.data))
    if result.errors or (result.jumps and not form.confirm.data):
        db.session.rollback()
        return _render(import_errors=result.errors, import_jumps=result.jumps), 400
    db.session.commit()
    flash(_("Rates imported: %(n)s changed.", n=result.changed), "success")
    if result.skipped:
        flash(_("Not used on the platform, skipped: %(pairs)s", pairs=", ".join(result.skipped)), "info")
    return redirect(url_for("operator.rates_page"))


@bp.get("/rates/history")
@operator_required
def rates_history():
    """Every rate change, newest first, optionally for one currency."""
    code = (request.args.get("currency") or "").upper()
    code = code if code in rates.EDITABLE else ""
    shown = [code] if code else list(rates.EDITABLE)
    rate_charts = []
    for currency in shown:
        quote = rates.quote_of(currency)
        first = " ".join((str(quote.units), quote.first))
        title = _("%(first)s in %(second)s", first=first, second=quote.second)
        rows = rates.chart_rows(currency)
        if rows:
            rate_charts.append(
                charts.line_chart(f"chart-rate-{currency}", title, rows, fmt=str, value_label=quote.second)
            )
    return render_template(
        "operator/rates_history.html",
        history=rates.history(code or None, limit=500),
        currency=code,
        editable=rates.EDITABLE,
        rate_charts=rate_charts,
    )
