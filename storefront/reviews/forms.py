"""Review forms: write (stars, text, photos), reply, moderate."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, MultipleFileField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length

from storefront.reviews.operations import MAX_BODY, MAX_REASON


class ReviewForm(FlaskForm):
    """A buyer's review of one purchase."""

    rating = RadioField(
        _l("Rating"),
        choices=[SelectChoice(str(n), str(n)) for n in range(5, 0, -1)],
        validators=[InputRequired()],
    )
    body = TextAreaField(_l("Your review"), validators=[Length(max=MAX_BODY)])
    photos = MultipleFileField(_l("Photos"))


class ReplyForm(FlaskForm):
    """The merchant's public reply."""

    reply = TextAreaField(_l("Your reply"), validators=[DataRequired(), Length(max=MAX_BODY)])


class ModerateForm(FlaskForm):
    """Hide or publish a review, with a reason."""

    action = HiddenField(validators=[AnyOf(["hide", "publish"])])
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=MAX_REASON)])
