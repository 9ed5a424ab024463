"""A logistics provider's freight rate cards: upload a spreadsheet of lanes and rates (checked whole, saved
whole or not at all), see its cards and the shop orders its cards priced."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from services_market.blueprints import provider_bp as bp
from services_market.constants import ServiceCategory
from services_market.provider_routes import provider_required
from storefront.catalog import spreadsheet as sheets
from storefront.core.dates import BoundedDateField
from storefront.core.uploads import UploadRejected, clean_filename, read_limited
from storefront.extensions import db
from storefront.ordering.freight import cards
from storefront.ordering.freight import sheets as rate_sheets
from storefront.ordering.freight.rates import CardError
from storefront.ordering.states import STATUS_LABELS


class RateCardForm(FlaskForm):
    """Upload a rate card."""

    code = StringField(_l("Name of the rate card"), validators=[DataRequired(), Length(max=40)])
    valid_from = BoundedDateField(_l("Valid from"), validators=[DataRequired()])
    valid_until = BoundedDateField(_l("Valid until"), validators=[DataRequired()])
    file = FileField(_l("Spreadsheet (.xlsx or .csv)"), render_kw={"accept": ".xlsx,.csv"})


def _problems_by_row(exc: CardError, first_rows: list[int]) -> list[tuple[int, str, object]]:
    """CardError problems ("lane 3") as (spreadsheet row, column, message)."""
    out = []
    for where, message in exc.problems:
        row = 0
        if where.startswith("lane "):
            number = int(where.split()[1])
            row = first_rows[number - 1] if 0 < number <= len(first_rows) else 0
        out.append((row, "" if where.startswith("lane") else where, message))
    return out


@bp.route("/rates", methods=["GET", "POST"])
@provider_required
def rates():
    """The provider's rate cards and bookings; a logistics provider uploads a new card here."""
    provider = g.provider
    form = RateCardForm()
    problems: list[tuple[int, str, object]] = []
    may_publish = provider.is_approved and ServiceCategory.LOGISTICS.value in (provider.categories or [])
    if may_publish and form.validate_on_submit():
        storage = form.file.data
        name = clean_filename(getattr(storage, "filename", "") or "")
        fmt = sheets.format_of(name) if name else None
        if fmt is None:
            form.file.errors = [_("Choose an .xlsx or .csv file.")]
        else:
            try:
                data = read_limited(storage.stream, current_app.config["SHEET_MAX_BYTES"])
            except UploadRejected as exc:
                form.file.errors = [str(exc.message)]
            else:
                lanes, first_rows, problems = rate_sheets.read_lanes(data, fmt)
                if not problems:
                    raw = {
                        "code": form.code.data.strip(),
                        "valid_from": form.valid_from.data,
                        "valid_until": form.valid_until.data,
                        "lanes": lanes,
                    }
                    try:
                        cards.publish(provider.id, raw, today=datetime.now(UTC).date())
                    except CardError as exc:
                        db.session.rollback()
                        problems = _problems_by_row(exc, first_rows)
                    else:
                        db.session.commit()
                        flash(_("Your rate card is published; checkout uses it from today."), "success")
                        return redirect(url_for("services_provider.rates"))
    return render_template(
        "services/provider/rates.html",
        provider=provider,
        form=form,
        may_publish=may_publish,
        problems=problems,
        columns=rate_sheets.COLUMNS,
        cards=cards.cards_of(provider.id),
        bookings=cards.bookings_of(provider.id),
        status_labels=STATUS_LABELS,
        today=datetime.now(UTC).date(),
        limit_mb=current_app.config["SHEET_MAX_BYTES"] // (1024 * 1024),
    )
