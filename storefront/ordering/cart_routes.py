"""Cart pages: view, add (from the product page), change quantities, remove; plain forms, no JavaScript."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select

from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.queries import public_products
from storefront.catalog.units import QuantityError, parse_quantity, quantity
from storefront.core.security import safe_next_url
from storefront.extensions import db
from storefront.ordering import cart as cart_ops
from storefront.ordering.forms import AddToCartForm
from storefront.ordering.models import Order
from storefront.ordering.pricing import default_charge_currency, quote

bp = Blueprint("cart", __name__, url_prefix="/<lang>/cart")


def _public(product_id: int) -> Product | None:
    return db.session.scalars(public_products().where(Product.id == product_id)).first()


def _chosen_variant(product: Product, form: AddToCartForm) -> ProductVariant | None:
    """The variant the buyer picked: by id (must be this product's) or by its option values."""
    if form.variant_id.data:
        return product.variant(int(form.variant_id.data))
    if product.has_options:
        chosen = {o.code: (request.form.get(f"opt-{o.code}") or "")[:40] for o in product.option_types}
        return product.variant_for(chosen)
    return product.default_variant


def _note(key: str | None) -> None:
    if key:
        flash(str(cart_ops.NOTES[key]), "warning")


@bp.get("/")
def view():
    """The cart, grouped by merchant, with totals in the display and the charge currency."""
    current = cart_ops.load()
    currency = default_charge_currency()
    preview = quote(current, currency, None, "DAP") if not current.is_empty else None
    return render_template("ordering/cart.html", cart=current, preview=preview, notes=cart_ops.NOTES)


@bp.post("/add")
def add():
    """Add a product in the chosen quantity (clamped to MOQ and stock, with a note when adjusted)."""
    form = AddToCartForm()
    back = safe_next_url(request.form.get("next"))
    if not form.validate_on_submit():
        flash(_("Enter the quantity as a number, e.g. 12 or 2.5."), "error")
        return redirect(back or url_for("cart.view", lang=g.lang))
    product = _public(int(form.product_id.data))
    if product is None:
        flash(str(cart_ops.NOTES["unavailable"]), "error")
        return redirect(back or url_for("cart.view", lang=g.lang))
    variant = _chosen_variant(product, form)
    if variant is None:
        flash(_("This combination of options does not exist; choose another."), "error")
        return redirect(back or url_for("cart.view", lang=g.lang))
    try:
        wanted = parse_quantity(form.qty.data, product.unit)
    except QuantityError as refused:
        flash(refused.message, "error")
        return redirect(back or url_for("cart.view", lang=g.lang))
    sample = request.form.get("sample") == "1"
    had = cart_ops.raw_items().get((variant.id, sample), 0)
    qty, note = cart_ops.add(variant, wanted, sample=sample)
    db.session.commit()
    _note(note)
    if qty and qty != had:
        name = product.name(g.lang)
        label = variant.label(g.lang)
        flash(
            _(
                "Added to your cart: %(name)s × %(qty)s.",
                name=f"{name} ({label})" if label else name,
                qty=quantity(qty, product.unit, product.unit_size),
            ),
            "success",
        )
    return redirect(url_for("cart.view", lang=g.lang) if qty else (back or url_for("cart.view", lang=g.lang)))


@bp.post("/update")
def update():
    """Apply the quantities typed in the cart form; a ``remove`` button removes one line."""
    remove = cart_ops.parse_key(request.form.get("remove", ""))
    if remove is not None:
        cart_ops.remove(remove)
        db.session.commit()
        flash(_("Removed from your cart."), "info")
        return redirect(url_for("cart.view", lang=g.lang))
    items = cart_ops.raw_items()
    variants = cart_ops.public_variants(vid for vid, _sample in items)
    refused: list[str] = []
    for key in items:
        raw = (request.form.get(f"qty-{cart_ops.key_text(key)}") or "").strip()[:20]
        if raw == "":
            continue
        variant = variants.get(key[0])
        try:
            wanted = parse_quantity(raw, variant.product.unit if variant is not None else None)
        except QuantityError as error:
            if error.message not in refused:
                refused.append(error.message)
            continue
        _qty, note = cart_ops.set_qty(variant, key, wanted)
        _note(note)
    db.session.commit()
    for message in refused:
        flash(message, "error")
    if not refused:
        flash(_("Your cart is updated."), "success")
    return redirect(url_for("cart.view", lang=g.lang))


@bp.post("/reorder/<number>")
@login_required
def reorder(number: str):
    """Put a past order of the signed-in buyer back in the cart (someone else's order: 404)."""
    order = db.session.scalars(
        select(Order).where(Order.number == number, Order.user_id == current_user.id)
    ).first() or abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    added, missing = cart_ops.reorder([line for sub in order.sub_orders for line in sub.lines], g.lang)
    db.session.commit()
    if missing:
        flash(_("No longer available: %(names)s.", names=", ".join(missing)), "warning")
    if added:
        flash(ngettext("%(num)s product from your order is in the cart again.",
                       "%(num)s products from your order are in the cart again.", added), "success")  # fmt: skip
    return redirect(url_for("cart.view", lang=g.lang))
