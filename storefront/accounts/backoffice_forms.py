"""Operator console forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class ReasonForm(FlaskForm):
    """A reason the owner of the object will see (rejection, moderation)."""

    reason = TextAreaField(_l("Reason (the owner sees it)"), validators=[DataRequired(), Length(max=2000)])


class RateForm(FlaskForm):
    """One exchange rate."""

    currency = StringField(_l("Currency"), validators=[DataRequired(), Length(min=3, max=3)])
    #: In the currency's quote direction (1 USD = 7.10 CNY; 1 CNY = 12.85 RUB), see ``core.rates.QUOTES``.
    rate = StringField(_l("Rate"), validators=[DataRequired(), Length(max=30)])
    confirm = BooleanField(_l("Yes, the rate really moved this much"))


class RatesImportForm(FlaskForm):
    """A CSV of a day's rates (the central parity table: pair,rate)."""

    file = FileField(_l("CSV file (pair,rate)"), render_kw={"accept": ".csv,text/csv"})
    confirm = BooleanField(_l("Yes, these rates really moved this much"))
