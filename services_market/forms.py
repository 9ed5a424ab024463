"""Marketplace forms (CSRF through Flask-WTF); business rules live in the operations, not here."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from services_market.constants import CATEGORY_LABELS, MAX_TEXT, REGIONS, SPOKEN_LANGUAGES, TIER_LEVELS
from storefront.core.dates import BoundedDateField
from storefront.core.locales import LANGS


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def choices(pairs) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def _category_choices():
    return choices((c.value, label) for c, label in CATEGORY_LABELS.items())


class ProviderFilingForm(FlaskForm):
    """File (or correct) a provider company."""

    name_zh = StringField(_l("Company name in Chinese"), validators=[Length(max=200)])
    name_en = StringField(_l("Company name in English"), validators=[Length(max=200)])
    name_ru = StringField(_l("Company name in Russian (optional)"), validators=[Length(max=200)])
    name_ko = StringField(_l("Company name in Korean (optional)"), validators=[Length(max=200)])
    name_mn = StringField(_l("Company name in Mongolian (optional)"), validators=[Length(max=200)])
    description_zh = TextAreaField(_l("About the company, in Chinese"), validators=[Length(max=MAX_TEXT)])
    description_en = TextAreaField(_l("About the company, in English"), validators=[Length(max=MAX_TEXT)])
    description_ru = TextAreaField(_l("About the company, in Russian"), validators=[Length(max=MAX_TEXT)])
    description_ko = TextAreaField(_l("About the company, in Korean"), validators=[Length(max=MAX_TEXT)])
    description_mn = TextAreaField(_l("About the company, in Mongolian"), validators=[Length(max=MAX_TEXT)])
    uscc = StringField(_l("Unified social credit code (USCC)"), validators=[Length(max=18)])
    categories = MultiCheckboxField(_l("Service categories"), choices=_category_choices, validate_choice=False)
    languages = MultiCheckboxField(
        _l("Languages your team works in"), choices=choices(SPOKEN_LANGUAGES.items()), validate_choice=False
    )
    regions = MultiCheckboxField(_l("Markets you serve"), choices=choices(REGIONS.items()), validate_choice=False)
    contact_name = StringField(_l("Contact person"), validators=[Length(max=120)])
    contact_email = EmailField(_l("Contact e-mail"), validators=[Length(max=254)])
    phone = StringField(_l("Phone"), validators=[Length(max=40)])
    city_slug = SelectField(_l("City"), choices=[], validate_choice=False)


class PackageForm(FlaskForm):
    """Create or edit a package: texts per language, category, languages and up to three tiers."""

    category = SelectField(_l("Category"), choices=_category_choices, validate_choice=False)
    languages = MultiCheckboxField(
        _l("Languages the service is delivered in"),
        choices=choices(SPOKEN_LANGUAGES.items()),
        validate_choice=False,
    )
    published = BooleanField(_l("Published (visible to merchants once your filing is approved)"))


def _add_package_fields() -> None:
    """Per-language text fields and per-tier fields, generated once."""
    for lang in LANGS:
        setattr(PackageForm, f"title_{lang}", StringField(_l("Title"), validators=[Length(max=200)]))
        setattr(
            PackageForm,
            f"description_{lang}",
            TextAreaField(_l("Description"), validators=[Length(max=MAX_TEXT)]),
        )
    for level in TIER_LEVELS:
        setattr(PackageForm, f"{level}_enabled", BooleanField(_l("Offer this tier")))
        setattr(PackageForm, f"{level}_price", StringField(_l("Price, CNY"), validators=[Length(max=20)]))
        setattr(PackageForm, f"{level}_days", StringField(_l("Delivery, days"), validators=[Length(max=5)]))
        setattr(PackageForm, f"{level}_revisions", StringField(_l("Revisions"), validators=[Length(max=3)]))
        for lang in LANGS:
            setattr(
                PackageForm,
                f"{level}_deliverables_{lang}",
                TextAreaField(_l("Deliverables, one per line"), validators=[Length(max=4000)]),
            )


_add_package_fields()


class ImageForm(FlaskForm):
    """Upload a package image."""

    image = MultipleFileField(_l("Image (JPEG, PNG or WebP)"))


class DocumentForm(FlaskForm):
    """Upload supporting documents of a provider filing."""

    documents = MultipleFileField(_l("Business licence or other documents (PDF, JPEG or PNG)"))


class OrderForm(FlaskForm):
    """Order a tier: the brief, files and an optional voucher."""

    brief = TextAreaField(_l("Your brief: what do you need?"), validators=[DataRequired(), Length(max=MAX_TEXT)])
    attachments = MultipleFileField(_l("Attachments (optional)"))
    voucher = SelectField(_l("Use a government voucher"), choices=[], validate_choice=False)
    voucher_code = StringField(_l("…or enter a voucher code"), validators=[Optional(), Length(max=20)])


class NoteForm(FlaskForm):
    """A workflow action with an optional note (decline reason, revision request, …)."""

    note = TextAreaField(_l("Note"), validators=[Length(max=MAX_TEXT)])


class DeliverForm(FlaskForm):
    """Deliver: the files and a note."""

    note = TextAreaField(_l("Message to the merchant"), validators=[Length(max=MAX_TEXT)])
    files = MultipleFileField(_l("Deliverables"))


class ReviewForm(FlaskForm):
    """Review a completed order."""

    rating = RadioField(
        _l("Rating"), choices=choices((str(n), str(n)) for n in range(5, 0, -1)), validators=[InputRequired()]
    )
    body = TextAreaField(_l("Your review"), validators=[Length(max=MAX_TEXT)])


class ReplyForm(FlaskForm):
    """The provider's reply to a review."""

    reply = TextAreaField(_l("Your reply"), validators=[DataRequired(), Length(max=MAX_TEXT)])


class VoucherBatchForm(FlaskForm):
    """Issue a batch of government vouchers."""

    name = StringField(_l("Batch name"), validators=[DataRequired(), Length(max=200)])
    funder = StringField(_l("Funded by"), validators=[Length(max=200)])
    kind = RadioField(
        _l("Each voucher covers"),
        choices=choices([("amount", _l("A fixed amount")), ("full", _l("The full price of the tier"))]),
        default="amount",
    )
    amount = StringField(_l("Amount per voucher, CNY"), validators=[Length(max=20)])
    categories = MultiCheckboxField(
        _l("Eligible service categories (none: all)"), choices=_category_choices, validate_choice=False
    )
    cities = MultiCheckboxField(_l("Eligible merchants' cities (none: all)"), choices=[], validate_choice=False)
    clusters = MultiCheckboxField(_l("Eligible industry clusters (none: all)"), choices=[], validate_choice=False)
    expires_on = BoundedDateField(_l("Valid through"), validators=[Optional()])
    quantity = IntegerField(_l("Codes to hand out"), default=0, validators=[Optional(), NumberRange(min=0)])
    assign_eligible = BooleanField(_l("Also give one voucher to every eligible merchant"))
    note = TextAreaField(_l("Note"), validators=[Length(max=2000)])
