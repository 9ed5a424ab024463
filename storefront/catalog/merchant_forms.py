"""Merchant back-office forms: filing, product (one tab per language), images, import, shipping."""

from __future__ import annotations

from functools import partial

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, MultipleFileField
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from storefront.catalog.operations import ProductInput, TextInput, parse_dims
from storefront.catalog.units import UNITS as SALE_UNITS
from storefront.catalog.units import QuantityError, parse_quantity, plain, quantity_rule, scale
from storefront.catalog.variant_edit import OptionInput, VariantInput
from storefront.core.locales import LANGS, NATIVE_NAMES
from storefront.core.money import parse_amount


class FilingForm(FlaskForm):
    """Company filing (备案)."""

    name_zh = StringField(_l("Company name in Chinese"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Company name in English"), validators=[DataRequired(), Length(max=200)])
    uscc = StringField(_l("Unified social credit code"), validators=[DataRequired(), Length(max=18)])
    customs_code = StringField(_l("Customs registration code"), validators=[DataRequired(), Length(max=10)])
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=120)])
    contact_email = EmailField(_l("Contact e-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    cluster_id = SelectField(_l("Industry cluster"), coerce=int, validators=[DataRequired()])
    city_slug = SelectField(_l("City"), validators=[DataRequired()])
    documents = MultipleFileField(
        _l("Supporting documents (business licence, customs registration)"),
        render_kw={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"},
    )


class TextForm(Form):
    """A product's text in one language (a sub-form, no CSRF of its own)."""

    name = StringField(_l("Name"), validators=[Optional(), Length(max=250)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    specs = TextAreaField(_l("Specifications"), validators=[Optional(), Length(max=20000)])


class TierForm(Form):
    """One wholesale tier."""

    min_qty = StringField(_l("From quantity"), validators=[Optional(), Length(max=12)])
    price = StringField(_l("Unit price (CNY)"), validators=[Optional(), Length(max=16)])


def _lang_fields(cls):
    for code in LANGS:
        setattr(cls, f"text_{code}", FormField(TextForm))
    return cls


@_lang_fields
class ProductForm(FlaskForm):
    """Create or edit a product; texts are sub-forms ``text_zh``, ``text_ru``, …"""

    sku = StringField(_l("SKU"), validators=[DataRequired(), Length(max=20)])
    category_id = SelectField(_l("Category"), coerce=int, validate_choice=False)
    hs_code = StringField(_l("HS code"), validators=[DataRequired(), Length(max=16)])
    customs_name = StringField(_l("Name declared to customs (Chinese)"), validators=[DataRequired(), Length(max=250)])
    customs_unit = SelectField(_l("Customs unit"), validate_choice=False)
    model = StringField(_l("Model / specification"), validators=[Optional(), Length(max=250)])
    origin_city = SelectField(_l("Origin city"), validate_choice=False)
    net_weight_g = StringField(_l("Net weight per unit (g)"), validators=[DataRequired(), Length(max=12)])
    gross_weight_g = StringField(_l("Gross weight per unit (g)"), validators=[DataRequired(), Length(max=12)])
    package_mm = StringField(_l("Package size, L×W×H (mm)"), validators=[Optional(), Length(max=40)])
    units_per_package = StringField(_l("Units per package"), default="1", validators=[Optional(), Length(max=6)])
    packages_per_unit = StringField(_l("Packages per unit"), default="1", validators=[Optional(), Length(max=6)])
    price = StringField(_l("Base unit price (CNY)"), validators=[DataRequired(), Length(max=16)])
    moq = StringField(_l("Minimum order quantity"), default="1", validators=[DataRequired(), Length(max=12)])
    stock = StringField(_l("Stock"), default="0", validators=[DataRequired(), Length(max=12)])
    unit = SelectField(
        _l("Unit of sale"),
        default="piece",
        validate_choice=False,
        choices=[SelectChoice(code, name) for code, name in SALE_UNITS.items()],
    )
    unit_size = StringField(_l("Pieces per carton"), default="1", validators=[DataRequired(), Length(max=6)])
    qty_step = StringField(_l("Quantity step"), default="1", validators=[DataRequired(), Length(max=12)])
    sample_price = StringField(_l("Sample price (CNY)"), validators=[Optional(), Length(max=16)])
    sample_max_qty = StringField(
        _l("Samples per order, at most"), default="1", validators=[DataRequired(), Length(max=6)]
    )
    sample_lead_days = StringField(
        _l("Sample lead time (days)"), default="0", validators=[DataRequired(), Length(max=4)]
    )
    hidden = BooleanField(_l("Hidden from buyers"))
    tiers = FieldList(FormField(TierForm), min_entries=4, max_entries=10)

    def text(self, code: str) -> FormField:
        """The sub-form of one language."""
        return getattr(self, f"text_{code}")

    def field_for(self, key: str):
        """The form field that shows the error of a check key (``price``, ``name_ru``, …)."""
        if "_" in key and key.rsplit("_", 1)[1] in LANGS and key.split("_")[0] in ("name", "description", "specs"):
            part, code = key.rsplit("_", 1)
            return getattr(self.text(code).form, part)
        aliases = {"category": "category_id", "origin_city": "origin_city"}
        return getattr(self, aliases.get(key, key), None)

    def to_input(self) -> tuple[ProductInput, dict[str, object]]:
        """The parsed input and the errors of values that could not be parsed."""
        errors: dict[str, object] = {}
        unit = self.unit.data or ""
        whole = partial(_whole, errors)
        amount = partial(_amount, errors, unit=unit)
        package_mm = _package_mm(errors, self.package_mm.data)
        price = _price(errors, "price", self.price.data)
        sample_price = _price(errors, "sample_price", self.sample_price.data)
        tiers = self._tiers(errors, unit)
        texts = self._texts()
        data = ProductInput(
            sku=self.sku.data or "",
            category_id=self.category_id.data,
            hs_code=self.hs_code.data or "",
            customs_name=self.customs_name.data or "",
            customs_unit=self.customs_unit.data or "",
            model=self.model.data or "",
            origin_city_slug=self.origin_city.data or "",
            net_weight_g=whole("net_weight_g", self.net_weight_g.data),
            gross_weight_g=whole("gross_weight_g", self.gross_weight_g.data),
            price_fen=price,
            moq=amount("moq", self.moq.data),
            stock=amount("stock", self.stock.data),
            unit=self.unit.data or "",
            unit_size=whole("unit_size", self.unit_size.data),
            qty_step=amount("qty_step", self.qty_step.data),
            sample_price_fen=sample_price,
            sample_max_qty=amount("sample_max_qty", self.sample_max_qty.data),
            sample_lead_days=whole("sample_lead_days", self.sample_lead_days.data),
            hidden=bool(self.hidden.data),
            texts=texts,
            tiers=tiers,
            package_mm=package_mm,
            units_per_package=whole("units_per_package", self.units_per_package.data or "1"),
            packages_per_unit=whole("packages_per_unit", self.packages_per_unit.data or "1"),
        )
        return data, errors

    def _tiers(self, errors: dict[str, object], unit: str) -> list[tuple[int, int]]:
        """The filled-in wholesale tiers as (quantity, price in fen); a bad row sets ``errors["tiers"]``."""
        tiers = []
        for entry in self.tiers:
            qty_text, price_text = (
                (entry.form.min_qty.data or "").strip(),
                (entry.form.price.data or "").strip(),
            )
            if not qty_text and not price_text:
                continue
            try:
                tier_price = parse_amount(price_text, "CNY")
                qty = int(qty_text) if scale(unit) == 1 else parse_quantity(qty_text, unit)
                if tier_price is None:
                    raise ValueError(price_text)
                tiers.append((qty, tier_price))
            except ValueError:
                errors["tiers"] = quantity_rule("tiers", unit)
        return tiers

    def _texts(self) -> dict[str, TextInput]:
        """The product's text in each language, from the language sub-forms."""
        texts = {}
        for code in LANGS:
            sub = self.text(code).form
            texts[code] = TextInput(sub.name.data or "", sub.description.data or "", parse_specs(sub.specs.data))
        return texts


def _whole(errors: dict[str, object], name: str, text: str) -> int | None:
    """A whole number written with optional thousands separators; ``None`` and an error otherwise."""
    cleaned = (text or "").strip().replace(",", "").replace(" ", "")
    if cleaned.isdigit() and len(cleaned) <= 12:
        return int(cleaned)
    errors[name] = _l("Enter a whole number.")
    return None


def _amount(errors: dict[str, object], name: str, text: str, unit: str) -> int | None:
    """A quantity in the unit of sale, stored scaled (0.5 t → 500); piece units as whole numbers."""
    if scale(unit) == 1:
        return _whole(errors, name, text)
    try:
        return parse_quantity(text, unit)
    except QuantityError as refused:
        errors[name] = refused.message
        return None


def _price(errors: dict[str, object], name: str, text: str | None) -> int | None:
    """A price in yuan as fen; ``None`` and an error when it cannot be read."""
    try:
        return parse_amount(text, "CNY")
    except ValueError:
        errors[name] = _l("Enter a price in yuan, for example 128.50.")
        return None


def _package_mm(errors: dict[str, object], text: str | None) -> tuple[int, int, int] | None:
    """The package size as (length, width, height) in mm; ``None`` and an error when it cannot be read."""
    try:
        return parse_dims(text or "")
    except ValueError:
        errors["package_mm"] = _l("Write the size as length x width x height in mm, e.g. 600x400x300.")
        return None


def parse_specs(text: str | None) -> list[list[str]]:
    """'label: value' lines → [[label, value], ...] (a full-width colon works too)."""
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        sep = ":" if ":" in line else "："
        label, _sep, value = line.partition(sep)
        rows.append([label.strip(), value.strip()])
    return rows


def form_data(data: ProductInput) -> dict:
    """Form prefill values for a product input."""
    values = {
        "sku": data.sku,
        "category_id": data.category_id,
        "hs_code": data.hs_code,
        "customs_name": data.customs_name,
        "customs_unit": data.customs_unit,
        "model": data.model,
        "origin_city": data.origin_city_slug,
        "net_weight_g": str(data.net_weight_g or ""),
        "gross_weight_g": str(data.gross_weight_g or ""),
        "package_mm": "x".join(str(x) for x in data.package_mm) if data.package_mm else "",
        "units_per_package": str(data.units_per_package or 1),
        "packages_per_unit": str(data.packages_per_unit or 1),
        "price": _yuan(data.price_fen),
        "moq": plain(data.moq or 1, data.unit),
        "stock": plain(data.stock or 0, data.unit),
        "unit": data.unit,
        "unit_size": str(data.unit_size or 1),
        "qty_step": plain(data.qty_step or 1, data.unit),
        "sample_price": _yuan(data.sample_price_fen) if data.sample_price_fen else "",
        "sample_max_qty": plain(data.sample_max_qty or 1, data.unit),
        "sample_lead_days": str(data.sample_lead_days or 0),
        "hidden": data.hidden,
        "tiers": [{"min_qty": plain(q, data.unit), "price": _yuan(f)} for q, f in data.tiers],
    }
    for code in LANGS:
        t = data.texts.get(code) or TextInput()
        values[f"text_{code}"] = {
            "name": t.name,
            "description": t.description,
            "specs": "\n".join(f"{a}: {b}" for a, b in t.specs),
        }
    return values


def _yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"


class ImageForm(FlaskForm):
    """Upload one product image."""

    image = FileField(_l("Image (JPEG, PNG or WebP)"), render_kw={"accept": "image/jpeg,image/png,image/webp"})
    alt = StringField(_l("Short description of the image (for screen readers)"), validators=[Length(max=300)])


class ImportForm(FlaskForm):
    """Upload a catalogue spreadsheet."""

    file = FileField(_l("Spreadsheet (.xlsx or .csv)"), render_kw={"accept": ".xlsx,.csv"})


class ShipForm(FlaskForm):
    """Mark a sub-order shipped."""

    carrier = StringField(_l("Carrier"), validators=[DataRequired(), Length(max=80)])
    #: At most 32 characters: the customs waybill number (logisticsNo C..32) is the tracking number.
    tracking_no = StringField(_l("Tracking number"), validators=[DataRequired(), Length(max=32)])


class OptionTypeForm(Form):
    """One option type of the variants form: code, a name per language (``name_<lang>``), values one per line."""

    code = StringField(_l("Code"), validators=[Optional(), Length(max=20)])
    values = TextAreaField(_l("Values, one per line"), validators=[Optional(), Length(max=8000)])


for _lang in LANGS:  # labelled with the language's own name (中文, Русский…), as the product text tabs are
    setattr(OptionTypeForm, f"name_{_lang}", StringField(NATIVE_NAMES[_lang], validators=[Optional(), Length(max=80)]))


class VariantRowForm(Form):
    """One variant row of the variants form (strings: checked by ``catalog.variant_edit``)."""

    variant_id = HiddenField()
    combination = StringField(_l("Options"), validators=[Optional(), Length(max=300)])
    sku = StringField(_l("SKU"), validators=[Optional(), Length(max=20)])
    price = StringField(_l("Own price (CNY)"), validators=[Optional(), Length(max=16)])
    tiers = StringField(_l("Price tiers"), validators=[Optional(), Length(max=400)])
    stock = StringField(_l("Stock"), validators=[Optional(), Length(max=12)])
    stock_was = HiddenField()
    net_weight_g = StringField(_l("Net, g"), validators=[Optional(), Length(max=12)])
    gross_weight_g = StringField(_l("Gross, g"), validators=[Optional(), Length(max=12)])
    dims = StringField(_l("L×W×H, mm"), validators=[Optional(), Length(max=40)])
    hs_code = StringField(_l("HS code"), validators=[Optional(), Length(max=16)])
    image_id = SelectField(_l("Image"), validate_choice=False)
    remove = BooleanField(_l("Remove"))


class VariantsForm(FlaskForm):
    """Option types and variants of one product, saved together."""

    options = FieldList(FormField(OptionTypeForm), max_entries=6)
    variants = FieldList(FormField(VariantRowForm), max_entries=310)

    def inputs(self) -> tuple[list[OptionInput], list[VariantInput]]:
        """The typed rows for ``catalog.variant_edit.check``."""
        options = [
            OptionInput(
                entry.form.code.data or "",
                {lang: entry.form[f"name_{lang}"].data or "" for lang in LANGS},
                entry.form["values"].data or "",
            )
            for entry in self.options
        ]
        rows = []
        for entry in self.variants:
            f = entry.form
            raw_id = (f.variant_id.data or "").strip()
            rows.append(
                VariantInput(
                    id=int(raw_id) if raw_id.isdigit() and len(raw_id) < 12 else None,
                    combination=f.combination.data or "",
                    sku=f.sku.data or "",
                    price=f.price.data or "",
                    tiers=f.tiers.data or "",
                    stock=f.stock.data or "",
                    stock_was=f.stock_was.data or "",
                    net_weight_g=f.net_weight_g.data or "",
                    gross_weight_g=f.gross_weight_g.data or "",
                    dims=f.dims.data or "",
                    hs_code=f.hs_code.data or "",
                    image_id=f.image_id.data or "",
                    remove=bool(f.remove.data),
                )
            )
        return options, rows

    def field_for(self, key: str):
        """The field an error key names (``variants-2-sku``), or None."""
        kind, _sep, rest = key.partition("-")
        index, _sep, name = rest.partition("-")
        entries = {"options": self.options, "variants": self.variants}.get(kind)
        if entries is None or not index.isdigit() or int(index) >= len(entries):
            return None
        form = entries[int(index)].form
        return form[name] if name in form else None


def variants_data(options: list[OptionInput], rows: list[VariantInput]) -> dict:
    """Form data for the product's current option types and variants."""
    return {
        "options": [
            {"code": o.code, "values": o.values, **{f"name_{lang}": o.names.get(lang, "") for lang in LANGS}}
            for o in options
        ],
        "variants": [
            {
                "variant_id": str(r.id or ""),
                "combination": r.combination,
                "sku": r.sku,
                "price": r.price,
                "tiers": r.tiers,
                "stock": r.stock,
                "stock_was": r.stock_was,
                "net_weight_g": r.net_weight_g,
                "gross_weight_g": r.gross_weight_g,
                "dims": r.dims,
                "hs_code": r.hs_code,
                "image_id": r.image_id,
            }
            for r in rows
        ],
    }
