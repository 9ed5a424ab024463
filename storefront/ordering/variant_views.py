"""Merchant variants page: a product's option types (with translated values) and its variants, edited together."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import variant_edit
from storefront.catalog.merchant_forms import VariantsForm, variants_data
from storefront.catalog.owned import own_product
from storefront.core.locales import LANGS
from storefront.extensions import db
from storefront.ordering.stock import variants_in_open_orders

#: Empty rows offered for a new option type and for new variants.
SPARE_OPTIONS, SPARE_VARIANTS = 1, 3


@bp.route("/products/<int:product_id>/variants", methods=["GET", "POST"])
@merchant_required
def product_variants(product_id: int):
    """Edit option types and variants; on errors the page comes back with what was typed and a message per field."""
    product = own_product(product_id)
    data = variants_data(*variant_edit.inputs_of(product)) if request.method == "GET" else None
    form = VariantsForm(data=data)
    extra: dict[str, str] = {}
    failed = False  # (a FieldList's errors are computed once, in validate: not a sign of errors set afterwards)
    if form.validate_on_submit():
        option_rows, rows = form.inputs()
        in_use = variants_in_open_orders(v.id for v in product.variants)
        try:
            plan = variant_edit.check(product, option_rows, rows, in_use)
        except variant_edit.VariantEditError as exc:
            failed = True
            for key, message in exc.errors.items():
                field = form.field_for(key)
                if field is None:
                    extra[key] = str(message)
                else:
                    field.errors = [*field.errors, str(message)]
        else:
            variant_edit.apply(product, plan)
            db.session.commit()
            flash(_("Variants saved."), "success")
            return redirect(url_for("merchant.product_variants", product_id=product.id))
    elif request.method == "POST":
        extra["form"] = _("Some fields are too long. Please check the form.")
    while len(form.options) < min(len([e for e in form.options if e.form.code.data]) + SPARE_OPTIONS, 4):
        form.options.append_entry()
    filled = len([e for e in form.variants if e.form.variant_id.data or e.form.combination.data or e.form.sku.data])
    while len(form.variants) < filled + SPARE_VARIANTS:
        form.variants.append_entry()
    images = [("", "—"), *((str(img.id), str(n)) for n, img in enumerate(product.images, start=1))]
    for entry in form.variants:
        entry.form.image_id.choices = images
    return render_template(
        "merchant/product_variants.html",
        form=form,
        product=product,
        failed=failed or bool(form.errors),
        extra_errors=extra,
        langs=LANGS,
    )
