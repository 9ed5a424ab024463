"""Operator console forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class ReasonForm(FlaskForm):
    """A reason the owner of the object will see (rejection, moderation)."""

    reason = TextAreaField(_l("Reason (the owner sees it)"), validators=[DataRequired(), Length(max=2000)])


class RateForm(FlaskForm):
    """One exchange rate."""

    currency = StringField(_l("Currency"), validators=[DataRequired(), Length(min=3, max=3)])
    rate = StringField(_l("Units per 1 CNY"), validators=[DataRequired(), Length(max=30)])


class RatesImportForm(FlaskForm):
    """A CSV of rates (currency,rate)."""

    file = FileField(_l("CSV file (currency,rate)"), render_kw={"accept": ".csv,text/csv"})
