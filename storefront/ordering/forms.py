"""Cart and checkout forms. No price, currency amount or total is ever a form field."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from storefront.ordering.states import PAY_METHOD_LABELS, TERMS_LABELS, DeliveryTerms, PayMethod


class AddToCartForm(FlaskForm):
    """Add a product to the cart from its page (a variant by id, or by its option values ``opt-<code>``)."""

    product_id = HiddenField(validators=[DataRequired(), Regexp(r"^\d{1,10}$")])
    variant_id = HiddenField(validators=[Optional(), Regexp(r"^\d{1,10}$")])
    #: In the product's unit ("12", "2.5", "2,5"): parsed by storefront.catalog.units.parse_quantity.
    qty = StringField(_l("Quantity"), validators=[DataRequired(), Length(max=20)])


class CheckoutForm(FlaskForm):
    """Contact, destination, terms, charge currency and payment method."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    contact_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    phone = StringField(
        _l("Phone"),
        validators=[
            Optional(),
            Length(max=40),
            Regexp(r"^[0-9+()\-\s]*$", message=_l("Use digits, spaces and + ( ) - only.")),
        ],
    )
    country = SelectField(_l("Country"), validators=[DataRequired(message=_l("Choose the destination country."))])
    region = StringField(_l("Region / province"), validators=[Optional(), Length(max=120)])
    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)])
    postal_code = StringField(_l("Postal code"), validators=[Optional(), Length(max=20)])
    address_line1 = StringField(_l("Street and house"), validators=[DataRequired(), Length(max=200)])
    address_line2 = StringField(_l("Apartment, office, company (optional)"), validators=[Optional(), Length(max=200)])
    terms = RadioField(
        _l("Delivery terms"),
        choices=[SelectChoice(t.value, TERMS_LABELS[t]) for t in DeliveryTerms],
        default=DeliveryTerms.DAP.value,
        validators=[DataRequired()],
    )
    mode = RadioField(_l("Transport"), choices=[], validate_choice=False, validators=[Optional()])
    #: Checked per destination by ``operations.place_order`` (Korean code, Russian passport or INN).
    customs_id = StringField(_l("Personal customs clearance code"), validators=[Optional(), Length(max=20)])
    currency = SelectField(_l("Pay in"), validators=[DataRequired()])
    pay_method = RadioField(
        _l("Payment method"),
        choices=[SelectChoice(m.value, PAY_METHOD_LABELS[m]) for m in PayMethod],
        default=PayMethod.CARD.value,
        validators=[DataRequired()],
    )
    note = TextAreaField(_l("Note for the merchants (optional)"), validators=[Optional(), Length(max=1000)])

    def set_choices(self, countries: list[tuple[str, str]], currencies: tuple[str, ...]) -> None:
        """Fill the country and currency lists (server-side lists: anything else fails validation)."""
        self.country.choices = [("", "—"), *countries]
        self.currency.choices = [(code, code) for code in currencies]


class ReturnForm(FlaskForm):
    """The buyer's reason for returning a parcel (length checked by ``ordering.returns``)."""

    reason = TextAreaField(_l("Why do you return the goods?"))


class CancelForm(FlaskForm):
    """Why a T/T order whose deposit is paid is cancelled (the buyer asking, the merchant cancelling)."""

    reason = TextAreaField(_l("Reason (the other side sees it)"), validators=[Optional(), Length(max=500)])


#: CheckoutError code → (form field, message) shown beside it.
_CHECKOUT_ERRORS = {
    "currency": ("currency", None),
    "country": ("country", None),
    "mode": ("mode", _l("No transport mode fits this order to that destination; choose another one.")),
    "terms": ("terms", _l("FOB and CIF apply to sea freight only: choose a sea mode or other terms.")),
    "ddp": ("terms", _l("DDP is offered where we can estimate and collect the import duties; choose DAP here.")),
    "customs_id": (
        "customs_id",
        _l("Korean customs needs your personal customs clearance code (P and 12 digits) for this parcel."),
    ),
}
_RU_ID_MESSAGE = _l(
    "For a courier parcel to Russia the carrier needs your passport series and number (10 digits) "
    "or your INN (12 digits)."
)


def checkout_error(code: str, country: str) -> tuple[str, object | None]:
    """The form field a refused checkout (``CheckoutError.code``) is about and the message shown beside it (None:
    the field's usual "choose from the list"). Checkout and the acceptance of a quotation both use it."""
    field, message = _CHECKOUT_ERRORS.get(code, ("country", None))
    if code == "customs_id" and country == "RU":
        message = _RU_ID_MESSAGE
    return field, message
