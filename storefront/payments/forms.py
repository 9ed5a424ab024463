"""The refund form used by the operator console and the merchant back office."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional


class RefundForm(FlaskForm):
    """Amount (in the payment's currency), a reason for the buyer, and the bank reference for transfers."""

    amount = StringField(_l("Amount to refund"), validators=[Length(max=20)])
    reason = TextAreaField(_l("Reason (the buyer sees it)"), validators=[Optional(), Length(max=500)])
    bank_ref = StringField(_l("Bank reference of the refund transfer"), validators=[Optional(), Length(max=60)])
