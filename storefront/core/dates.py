"""Dates typed by people: one bounded parser with a clear message, so that a far-away date (9999-12-31,
0001-01-01) is refused up front instead of overflowing in date arithmetic later (OverflowError → 500)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import DateField
from wtforms.validators import ValidationError

#: The range any date input accepts (orders, reports, voucher expiry, …).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)

BAD_FORMAT = _l("Enter a date like 2026-03-31.")


class DateInputError(ValueError):
    """A date input that is malformed or out of range; ``message`` is translated for the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _out_of_range():
    first, last = MIN_DATE.isoformat(), MAX_DATE.isoformat()
    return _l("Enter a date between %(first)s and %(last)s.", first=first, last=last)


def check_range(value: date, first: date = MIN_DATE, last: date = MAX_DATE) -> date:
    """``value`` when it lies within [first, last], else :class:`DateInputError`."""
    if not first <= value <= last:
        raise DateInputError(_out_of_range())
    return value


def parse_date(text: str | None, first: date = MIN_DATE, last: date = MAX_DATE) -> date | None:
    """An ISO date (``YYYY-MM-DD``) within the bounds; None when empty; else :class:`DateInputError`."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = date.fromisoformat(text[:10]) if len(text) == 10 else None
    except ValueError:
        value = None
    if value is None:
        raise DateInputError(BAD_FORMAT)
    return check_range(value, first, last)


class BoundedDateField(DateField):
    """A WTForms date field that refuses dates outside [MIN_DATE, MAX_DATE] with a clear message."""

    def pre_validate(self, form) -> None:
        """Range check after parsing."""
        if self.data is not None:
            try:
                check_range(self.data)
            except DateInputError as exc:
                raise ValidationError(str(exc.message)) from None
