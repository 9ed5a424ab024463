"""The operator's override form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from storefront.trust.credit import GRADES
from storefront.trust.operations import MAX_REASON


class OverrideForm(FlaskForm):
    """A grade to show instead of the computed one ("" = the computed one), and why."""

    grade = SelectField(
        _l("Grade shown"),
        choices=[SelectChoice("", _l("Computed grade"))] + [SelectChoice(g, g) for g, _minimum in GRADES],
    )
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=MAX_REASON)])
