"""The message form, shared by every conversation page (storefront and services marketplace)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import MultipleFileField, TextAreaField
from wtforms.validators import Length

from storefront.messaging.operations import MAX_BODY


class MessageForm(FlaskForm):
    """Write in a conversation: text and/or files."""

    body = TextAreaField(_l("Message"), validators=[Length(max=MAX_BODY)])
    files = MultipleFileField(_l("Attach files"))
