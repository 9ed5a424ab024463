"""Merchant product pages: list with search and filters, create/edit (a tab per language), images, hiding."""

from __future__ import annotations

import io

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import appeals, gallery, reviews
from storefront.catalog import images as image_files
from storefront.catalog import merchant_queries as queries
from storefront.catalog import operations as ops
from storefront.catalog import queries as catalog_queries
from storefront.catalog.merchant_forms import ImageForm, ProductForm, form_data
from storefront.catalog.models import Product
from storefront.catalog.owned import own_product
from storefront.core.locales import LANGS, current_lang
from storefront.core.uploads import IMAGE_KINDS, UploadRejected, check_upload
from storefront.extensions import db

PER_PAGE = 25


@bp.get("/products")
@merchant_required
def products():
    """The merchant's products with search, filters and translation coverage."""
    args = request.args
    category_id = args.get("category", type=int)
    visibility = args.get("visibility", "all")
    visibility = visibility if visibility in queries.VISIBILITY else "all"
    missing = args.get("missing", "")
    q = (args.get("q") or "").strip()[:80]
    stmt = queries.product_list(g.merchant.id, q=q, category_id=category_id, visibility=visibility, missing=missing)
    page = catalog_queries.parse_page(args.get("page"))
    result = catalog_queries.paginate(stmt, page, PER_PAGE, (Product.updated_at.desc(), Product.id.desc()))
    return render_template(
        "merchant/products.html",
        result=result,
        q=q,
        category_id=category_id,
        visibility=visibility,
        missing=missing if missing in LANGS else "",
        categories=queries.merchant_categories(g.merchant.id, g.lang),
        coverage=queries.catalogue_coverage(g.merchant.id),
        coverage_of=queries.coverage_of,
    )


def _choices(form: ProductForm) -> None:
    lang = current_lang()
    form.category_id.choices = queries.category_choices(lang)
    form.customs_unit.choices = queries.unit_choices(lang)
    form.origin_city.choices = queries.city_choices(lang)


def _save(form: ProductForm, product: Product | None, extra: dict) -> Product | None:
    """Create or update from the form; errors are put on the fields (or in ``extra``)."""
    data, errors = form.to_input()
    if not errors:
        try:
            if product is None:
                return reviews.create_for_merchant(g.merchant, data)  # a new merchant's first products wait
            reviews.update_for_merchant(product, data)
            return product
        except ops.ProductError as exc:
            errors = exc.errors
    else:
        errors = {**ops.check(data.normalized(), ops.Refs.load()), **errors}
    for key, message in errors.items():
        field = form.field_for(key)
        if field is None or key == "tiers":
            extra[key] = str(message)
        else:
            field.errors = [*field.errors, str(message)]
    return None


def _render_form(form: ProductForm, product: Product | None, extra: dict):
    filled = sum(1 for entry in form.tiers if entry.form.min_qty.data or entry.form.price.data)
    while len(form.tiers) < min(max(filled + 2, 4), form.tiers.max_entries):
        form.tiers.append_entry()  # always room for two more tiers
    tabs_with_errors = {code for code in LANGS if any(f.errors for f in form.text(code).form)}
    return render_template(
        "merchant/product_form.html",
        form=form,
        product=product,
        extra_errors=extra,
        tabs_with_errors=tabs_with_errors,
        image_form=ImageForm(prefix="img"),
        coverage=queries.coverage_of(product) if product else None,
        appeals=appeals.appeals_of(product) if product else [],
        listing_reviews=reviews.reviews_of(product) if product else [],
        image_limit_mb=current_app.config["IMAGE_MAX_BYTES"] // (1024 * 1024),
    )


@bp.route("/products/new", methods=["GET", "POST"])
@merchant_required
def product_new():
    """Create a product."""
    form = ProductForm()
    _choices(form)
    extra: dict = {}
    if form.validate_on_submit():
        product = _save(form, None, extra)
        if product is not None:
            db.session.commit()
            flash(_("Product %(sku)s created. Add images below.", sku=product.sku), "success")
            return redirect(url_for("merchant.product_edit", product_id=product.id))
    return _render_form(form, None, extra)


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@merchant_required
def product_edit(product_id: int):
    """Edit a product."""
    product = own_product(product_id)
    form = ProductForm(data=form_data(ops.ProductInput.from_product(product)) if request.method == "GET" else None)
    _choices(form)
    extra: dict = {}
    if form.validate_on_submit():
        if _save(form, product, extra) is not None:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("merchant.product_edit", product_id=product.id))
    return _render_form(form, product, extra)


@bp.post("/products/<int:product_id>/visibility")
@merchant_required
def product_visibility(product_id: int):
    """Hide or show a product."""
    product = own_product(product_id)
    try:
        reviews.check_visibility(product, request.form.get("hidden") == "1")
        ops.set_hidden(product, request.form.get("hidden") == "1")
    except reviews.ReviewError as exc:
        flash(exc.message, "error")
    except ops.ProductError as exc:
        flash(str(exc.errors["hidden"]), "error")
    else:
        db.session.commit()
        flash(
            _("The product is hidden from buyers.") if product.hidden else _("The product is visible to buyers."),
            "success",
        )
    return redirect(
        request.form.get("back") == "list"
        and url_for("merchant.products")
        or url_for("merchant.product_edit", product_id=product.id)
    )


@bp.post("/products/<int:product_id>/delete")
@merchant_required
def product_delete(product_id: int):
    """Delete a product (orders keep their own copy of its data)."""
    product = own_product(product_id)
    sku = product.sku
    try:
        ops.delete_product(product)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash(_("This product cannot be deleted because other records use it. Hide it instead."), "error")
        return redirect(url_for("merchant.product_edit", product_id=product_id))
    flash(_("Product %(sku)s deleted.", sku=sku), "info")
    return redirect(url_for("merchant.products"))


@bp.post("/products/<int:product_id>/images")
@merchant_required
def image_upload(product_id: int):
    """Add an image to a product's gallery."""
    product = own_product(product_id)
    form = ImageForm(prefix="img")
    if form.validate_on_submit():
        try:
            upload = check_upload(form.image.data, allowed=IMAGE_KINDS, max_bytes=current_app.config["IMAGE_MAX_BYTES"])
            image = image_files.open_upload(io.BytesIO(upload.data))
        except UploadRejected as exc:
            flash(str(exc.message), "error")
        except image_files.ImageRejected:
            flash(_("The image could not be read, or it is larger than 40 megapixels."), "error")
        else:
            gallery.add_image(product, image, form.alt.data or "")
            db.session.commit()
            flash(_("Image added."), "success")
    else:
        flash(_("The form expired. Please try again."), "error")
    return redirect(url_for("merchant.product_edit", product_id=product.id, _anchor="images"))


@bp.post("/products/<int:product_id>/images/<int:image_id>/move")
@merchant_required
def image_move(product_id: int, image_id: int):
    """Move an image earlier or later in the gallery (the first one is the cover)."""
    product = own_product(product_id)
    offset = -1 if request.form.get("direction") == "up" else 1
    try:
        gallery.move_image(product, image_id, offset)
    except ops.ProductError:
        abort(404)
    db.session.commit()
    return redirect(url_for("merchant.product_edit", product_id=product.id, _anchor="images"))


@bp.post("/products/<int:product_id>/images/<int:image_id>/delete")
@merchant_required
def image_delete(product_id: int, image_id: int):
    """Remove an image."""
    product = own_product(product_id)
    try:
        gallery.delete_image(product, image_id)
    except ops.ProductError:
        abort(404)
    db.session.commit()
    flash(_("Image removed."), "info")
    return redirect(url_for("merchant.product_edit", product_id=product.id, _anchor="images"))
