"""The merchant REST API's writes: create and change products (through the same operations as the back-office
form, so the listing review queue and the customs-data review apply), a variant's stock and price, and shipping
an order (the back office's operation: clearance, webhook and the buyer's mail follow). Each view returns
``(body, status)``; :func:`storefront.integrations.rest_common.requires` handles the key, idempotency and the commit."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from storefront.accounts.models import Merchant
from storefront.catalog import operations as ops
from storefront.catalog import reviews
from storefront.catalog.models import ProductVariant
from storefront.catalog.sheet_variants import MAX_STOCK, VariantChange
from storefront.catalog.units import parse_quantity, quantity_rule
from storefront.core.locales import LANGS
from storefront.extensions import db
from storefront.integrations.rest_common import ApiProblem, bp, json_body, object_id, requires
from storefront.integrations.rest_json import order_json, own_order, own_product, product_detail, variant_json
from storefront.ordering.operations import ship_order
from storefront.ordering.states import OrderStatus

#: Longest text a product field may carry (the rules then apply their own, smaller limits).
MAX_TEXT = 20_000
#: Scalar product fields of the API: JSON name → (ProductInput attribute, kind).
FIELDS = {
    "sku": ("sku", str),
    "category_id": ("category_id", int),
    "hs_code": ("hs_code", str),
    "customs_name": ("customs_name", str),
    "customs_unit": ("customs_unit", str),
    "model": ("model", str),
    "origin_city": ("origin_city_slug", str),
    "net_weight_g": ("net_weight_g", int),
    "gross_weight_g": ("gross_weight_g", int),
    "price_fen": ("price_fen", int),
    "moq": ("moq", Decimal),
    "stock": ("stock", Decimal),
    "unit": ("unit", str),
    "unit_size": ("unit_size", int),
    "qty_step": ("qty_step", Decimal),
    "sample_price_fen": ("sample_price_fen", int),
    "sample_max_qty": ("sample_max_qty", Decimal),
    "sample_lead_days": ("sample_lead_days", int),
    "units_per_package": ("units_per_package", int),
    "packages_per_unit": ("packages_per_unit", int),
    "hidden": ("hidden", bool),
}
#: Fields that may be null (null: no samples).
NULLABLE = {"sample_price_fen"}
#: The rules' error keys (the spreadsheet's column names) → the API's field names.
ERROR_FIELDS = {"price": "price_fen", "category": "category_id", "sample_price": "sample_price_fen"}
EXPECTED = {
    str: _l("Expected text."),
    int: _l("Expected a whole number."),
    bool: _l("Expected true or false."),
    Decimal: _l("Enter the quantity as a number, e.g. 12 or 2.5."),
}
UNKNOWN = _l("Unknown field.")


def api_quantity(value, unit: str | None) -> int:
    """A quantity in the unit of sale as JSON gives it (12, 2.5 or "2.5") → the stored integer (2500 for 2.5 t);
    ValueError (or QuantityError) when it is not one the unit allows."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(value)
    return parse_quantity(value if isinstance(value, str) else repr(value), unit)


def _scalar(value, kind: type, nullable: bool):
    """The value when it has the kind (bool is not a number), else ValueError."""
    if value is None and nullable:
        return None
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError
    if not isinstance(value, kind) or (kind is str and len(value) > MAX_TEXT):
        raise ValueError
    return value


def _texts(value, current: dict[str, ops.TextInput], errors: dict) -> dict[str, ops.TextInput]:
    """Languages given replace the current ones (all-empty removes a language); the others stay."""
    texts = dict(current)
    if not isinstance(value, dict):
        errors["texts"] = _l("Expected an object of languages.")
        return texts
    for code, entry in value.items():
        field = f"texts.{str(code)[:10]}"
        if code not in LANGS:
            errors[field] = _l("Unknown language.")
            continue
        specs = entry.get("specs", []) if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or set(entry) - {"name", "description", "specs"}
            or not isinstance(entry.get("name", ""), str)
            or not isinstance(entry.get("description", ""), str)
            or not isinstance(specs, list)
            or not all(isinstance(r, list) and len(r) == 2 and all(isinstance(c, str) for c in r) for r in specs)
        ):
            errors[field] = _l("Expected name, description and specs ([label, value] pairs).")
            continue
        texts[str(code)] = ops.TextInput(
            entry.get("name", "")[:MAX_TEXT], entry.get("description", "")[:MAX_TEXT], [list(r) for r in specs]
        )
    return texts


def _tiers(value, unit: str | None, errors: dict) -> list[tuple[int, int]]:
    """Tiers with ``min_qty`` in the unit of sale (stored scaled) and ``price_fen`` in fen."""
    try:
        if not isinstance(value, list) or not all(
            isinstance(t, dict) and set(t) == {"min_qty", "price_fen"} and type(t["price_fen"]) is int for t in value
        ):
            raise ValueError(value)
        return [(api_quantity(t["min_qty"], unit), t["price_fen"]) for t in value]
    except ValueError:
        errors["tiers"] = _l("Expected a list of {min_qty, price_fen}.")
        return []


def _package(value, errors: dict) -> tuple[int, int, int] | None:
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 3 and all(type(x) is int for x in value):
        return tuple(value)
    errors["package_mm"] = _l("Expected [length, width, height] in millimetres, or null.")
    return None


def product_input(payload: dict, base: ops.ProductInput) -> ops.ProductInput:
    """The body's fields over ``base`` (the product's current values, or a new draft's); a 422 problem listing
    every field of the wrong type or unknown."""
    errors: dict[str, object] = {}
    changes: dict[str, object] = {}
    quantities: dict[str, object] = {}  # read once the unit is known (the body may change it)
    for name, value in payload.items():
        if name in FIELDS and FIELDS[name][1] is Decimal:
            quantities[name] = value
        elif name in FIELDS:
            attr, kind = FIELDS[name]
            try:
                changes[attr] = _scalar(value, kind, name in NULLABLE)
            except ValueError:
                errors[name] = EXPECTED[kind]
        elif name == "texts":
            changes["texts"] = _texts(value, base.texts, errors)
        elif name == "tiers":
            quantities[name] = value
        elif name == "package_mm":
            changes["package_mm"] = _package(value, errors)
        else:
            errors[str(name)[:60]] = UNKNOWN
    unit = changes.get("unit", base.unit)
    for name, value in quantities.items():
        if name == "tiers":
            changes["tiers"] = _tiers(value, unit, errors)
            continue
        try:
            changes[FIELDS[name][0]] = api_quantity(value, unit)
        except ValueError:
            errors[name] = EXPECTED[Decimal]
    if errors:
        raise ApiProblem(422, errors=errors)
    return dataclasses.replace(base, **changes)


def _field_errors(errors: dict[str, object]) -> dict[str, object]:
    """The rules' errors under the API's field names (``name_zh`` → ``texts.zh.name``)."""
    named = {}
    for key, message in errors.items():
        head, _sep, lang = key.rpartition("_")
        if head in ("name", "description", "specs") and len(lang) == 2:
            named[f"texts.{lang}.{head}"] = message
        else:
            named[ERROR_FIELDS.get(key, key)] = message
    return named


@bp.post("/products")
@requires("products:write")
def product_create(key):
    """Create a product; a draft (hidden) unless ``hidden`` is false. New merchants' products wait for review."""
    data = product_input(json_body(), ops.ProductInput(hidden=True))
    merchant = db.session.get(Merchant, key.merchant_id)
    try:
        product = reviews.create_for_merchant(merchant, data)
    except ops.ProductError as exc:
        raise ApiProblem(422, errors=_field_errors(exc.errors)) from exc
    return product_detail(product), 201


@bp.patch("/products/<int:product_id>")
@requires("products:write")
def product_update(key, product_id: int):
    """Change the fields given; a changed HS code or customs name of a live product goes to review (the answer's
    ``reviews`` shows it) and the live values stay until an operator approves."""
    product = own_product(key, product_id)
    data = product_input(json_body(), ops.ProductInput.from_product(product))
    try:
        reviews.update_for_merchant(product, data)
    except ops.ProductError as exc:
        raise ApiProblem(422, errors=_field_errors(exc.errors)) from exc
    db.session.refresh(product)
    return product_detail(product), 200


def _variant_values(payload: dict, unit: str) -> dict[str, int | None]:
    """The body's ``stock`` (in the unit of sale, stored scaled) and ``price_fen`` (those given), or a 422
    problem."""
    errors: dict[str, object] = {}
    for name in set(payload) - {"stock", "price_fen"}:
        errors[str(name)[:60]] = UNKNOWN
    values = dict(payload)
    try:
        values["stock"] = api_quantity(payload.get("stock", 0), unit)
        if not 0 <= values["stock"] <= MAX_STOCK:
            raise ValueError(values["stock"])
    except ValueError:
        errors["stock"] = quantity_rule("stock", unit)
    price_fen = payload.get("price_fen")
    if price_fen is not None and (type(price_fen) is not int or not 0 < price_fen <= ops.MAX_PRICE_FEN):
        errors["price_fen"] = _l("Enter a price above 0 in fen, or null for the product's price.")
    if errors:
        raise ApiProblem(422, errors=errors)
    return {name: values[name] for name in ("stock", "price_fen") if name in payload}


@bp.patch("/variants/<int:variant_id>")
@requires("products:write")
def variant_update(key, variant_id: int):
    """Set a variant's stock and/or price (``price_fen`` null: the product's price). A product without options
    keeps its price on the product: the change goes through the product's update (its rules and reviews)."""
    variant = db.session.get(ProductVariant, object_id(variant_id))
    if variant is None or variant.product.merchant_id != key.merchant_id:
        raise ApiProblem(404)
    given = _variant_values(json_body(), variant.product.unit)
    product = variant.product
    if not product.has_options:
        if "price_fen" in given and given["price_fen"] is None:
            raise ApiProblem(422, errors={"price_fen": _l("A product without options needs its own price.")})
        data = dataclasses.replace(ops.ProductInput.from_product(product), **given)
        try:
            reviews.update_for_merchant(product, data)
        except ops.ProductError as exc:
            raise ApiProblem(422, errors=_field_errors(exc.errors)) from exc
    else:
        change = VariantChange(
            variant, given.get("stock", variant.stock), variant.sku, given.get("price_fen", variant.price_fen)
        )
        if change.changes():
            change.apply()
            db.session.flush()
    db.session.refresh(variant)
    return variant_json(variant), 200


@bp.post("/orders/<number>/ship")
@requires("orders:write")
def order_ship(key, number: str):
    """Mark a paid order shipped with carrier and tracking number (the back office's operation)."""
    sub = own_order(key, number)
    payload = json_body()
    carrier, tracking_no = payload.get("carrier"), payload.get("tracking_no")
    errors: dict[str, object] = {}
    for name in set(payload) - {"carrier", "tracking_no"}:
        errors[str(name)[:60]] = UNKNOWN
    if not isinstance(carrier, str) or not carrier.strip() or len(carrier) > 80:
        errors["carrier"] = _l("Enter the carrier (at most 80 characters).")
    if not isinstance(tracking_no, str) or not tracking_no.strip() or len(tracking_no.strip()) > 32:
        errors["tracking_no"] = _l("Enter the tracking number (at most 32 characters).")
    if errors:
        raise ApiProblem(422, errors=errors)
    if sub.status != OrderStatus.PAID.value or not ship_order(sub, carrier, tracking_no, actor=f"api:{key.prefix}"):
        raise ApiProblem(409, _("Only paid orders that are not shipped yet can be shipped."))
    return order_json(sub, detail=True), 200
