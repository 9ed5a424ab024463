"""Forms of the buyer's RFQ pages: the request, and the delivery address when accepting a quotation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, MultipleFileField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp

from storefront.catalog.units import UNITS
from storefront.ordering.quotations import MAX_NEED
from storefront.ordering.states import TERMS_LABELS, DeliveryTerms


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as select choices."""
    return [SelectChoice(value, label) for value, label in pairs]


class RfqForm(FlaskForm):
    """What the buyer needs: text, quantity, target price, destination, terms, date, files."""

    need = TextAreaField(_l("What do you need?"), validators=[DataRequired(), Length(max=MAX_NEED)])
    variant_id = SelectField(_l("Variant"), choices=[], validate_choice=False, validators=[Optional()])
    #: In the unit (the product's, or the one chosen): "12", "2.5", "2,5" (storefront.catalog.units.parse_quantity).
    quantity = StringField(_l("Quantity"), validators=[DataRequired(), Length(max=20)])
    unit = SelectField(
        _l("Unit"), choices=[SelectChoice(code, label) for code, label in UNITS.items()], default="piece"
    )
    target_price = StringField(_l("Target price per unit (optional)"), validators=[Optional(), Length(max=20)])
    target_currency = SelectField(_l("Currency"), choices=[], validators=[Optional()])
    country = SelectField(_l("Destination country"), validators=[DataRequired()])
    incoterm = SelectField(
        _l("Delivery terms"),
        choices=[SelectChoice(t.value, TERMS_LABELS[t]) for t in DeliveryTerms],
        default=DeliveryTerms.DAP.value,
    )
    required_by = DateField(_l("Needed by (optional)"), validators=[Optional()])
    files = MultipleFileField(_l("Attach files"))

    def set_choices(self, countries, currencies, variants=()) -> None:
        """Server-side lists: destinations, currencies and the product's variants."""
        self.country.choices = choices([("", "—"), *countries])
        self.target_currency.choices = choices((c, c) for c in currencies)
        self.variant_id.choices = choices([("", "—"), *variants])


class AcceptForm(FlaskForm):
    """Where the goods of an accepted quotation go (the country is the RFQ's)."""

    contact_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40), Regexp(r"^[0-9+()\-\s]*$")])
    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)])
    postal_code = StringField(_l("Postal code"), validators=[Optional(), Length(max=20)])
    address_line1 = StringField(_l("Street and house"), validators=[DataRequired(), Length(max=200)])
    #: Only for parcels and express to destinations whose carriers clear the goods as a personal import.
    customs_id = StringField(_l("Personal customs clearance code"), validators=[Optional(), Length(max=20)])
