"""The provider's side: company filing, dashboard, and managing packages (texts, tiers, images)."""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from services_market import orders, packages, providers, queries
from services_market.blueprints import provider_bp as bp
from services_market.constants import (
    CATEGORY_LABELS,
    REGIONS,
    SPOKEN_LANGUAGES,
    STATUS_LABELS,
    TIER_LABELS,
    Party,
)
from services_market.filing_kind import DOCUMENT_KIND
from services_market.forms import DocumentForm, ImageForm, PackageForm, ProviderFilingForm, choices
from services_market.packages import PackageData, TierData
from storefront.accounts import documents
from storefront.accounts.models import Role
from storefront.catalog.taxonomy import City
from storefront.core.locales import LANGS
from storefront.core.money import parse_amount
from storefront.core.security import roles_required
from storefront.core.uploads import DOCUMENT_KINDS, UploadRejected, check_upload
from storefront.extensions import db


def provider_required(view):
    """Signed in as a provider with a filed company (else: log in, 403, or the filing form)."""

    @wraps(view)
    @roles_required(Role.PROVIDER.value)
    def wrapped(*args, **kwargs):
        provider = providers.provider_of(current_user)
        if provider is None:
            flash(_("File your company first: your packages are published once the filing is approved."), "info")
            return redirect(url_for("services_provider.filing"))
        g.provider = provider
        return view(*args, **kwargs)

    return wrapped


def _filing_data(form: ProviderFilingForm) -> providers.ProviderData:
    return providers.ProviderData(
        names={lang: getattr(form, f"name_{lang}").data or "" for lang in LANGS},
        descriptions={lang: getattr(form, f"description_{lang}").data or "" for lang in LANGS},
        uscc=form.uscc.data or "",
        categories=form.categories.data or [],
        languages=form.languages.data or [],
        regions=form.regions.data or [],
        contact_name=form.contact_name.data or "",
        contact_email=form.contact_email.data or "",
        phone=form.phone.data or "",
        city_slug=form.city_slug.data or "",
    )


def _fill_filing(form: ProviderFilingForm, data: providers.ProviderData) -> None:
    for lang in LANGS:
        getattr(form, f"name_{lang}").data = data.names.get(lang, "")
        getattr(form, f"description_{lang}").data = data.descriptions.get(lang, "")
    form.uscc.data, form.categories.data = data.uscc, data.categories
    form.languages.data, form.regions.data = data.languages, data.regions
    form.contact_name.data, form.contact_email.data = data.contact_name, data.contact_email
    form.phone.data, form.city_slug.data = data.phone, data.city_slug


def _errors_to_form(form, errors: dict) -> None:
    for key, message in errors.items():
        field = getattr(form, key, None)
        if field is not None:
            field.errors = [*field.errors, str(message)]
        else:
            flash(str(message), "error")


@bp.route("/filing", methods=["GET", "POST"])
@roles_required(Role.PROVIDER.value)
def filing():
    """File the provider company, or correct a pending or rejected filing."""
    provider = providers.provider_of(current_user)
    form = ProviderFilingForm()
    cities = db.session.scalars(select(City)).all()
    form.city_slug.choices = choices(
        [("", "—")] + sorted(((c.slug, str(c.name(g.lang))) for c in cities), key=lambda row: row[1])
    )
    if provider is not None and not form.is_submitted():
        _fill_filing(form, providers.ProviderData.from_provider(provider))
    editable = provider is None or providers.can_edit(provider)
    if editable and form.validate_on_submit():
        data = _filing_data(form).normalized()
        errors = providers.check(data, provider)
        if errors:
            _errors_to_form(form, errors)
        else:
            if provider is None:
                providers.submit(current_user, data)
            else:
                providers.resubmit(provider, current_user, data)
            db.session.commit()
            flash(_("Your filing is sent for review."), "success")
            return redirect(url_for("services_provider.dashboard"))

    return render_template(
        "services/provider/filing.html",
        documents=documents.documents_of(DOCUMENT_KIND, provider.id) if provider else [],
        document_form=DocumentForm(),
        form=form,
        provider=provider,
        editable=editable,
        category_labels=CATEGORY_LABELS,
        regions=REGIONS,
        languages=SPOKEN_LANGUAGES,
    )


@bp.post("/filing/documents")
@provider_required
def filing_documents():
    """Attach supporting documents (business licence, …) to a filing that may still change."""

    if not providers.can_edit(g.provider):
        abort(403)
    form = DocumentForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        for storage in [s for s in form.documents.data or [] if getattr(s, "filename", "")] or [None]:
            upload = check_upload(storage, allowed=DOCUMENT_KINDS, max_bytes=current_app.config["DOCUMENT_MAX_BYTES"])
            documents.save_document(DOCUMENT_KIND, g.provider.id, upload, current_user)
        db.session.commit()
    except UploadRejected as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        flash(_("The document is attached to your filing."), "success")
    return redirect(url_for("services_provider.filing"))


@bp.get("/")
@provider_required
def dashboard():
    """The provider's packages and orders at a glance."""
    own = queries.packages_of(g.provider.id, public_only=False)
    recent = orders.orders_of(current_user, Party.PROVIDER)[:20]
    return render_template(
        "services/provider/dashboard.html",
        provider=g.provider,
        packages=own,
        orders=recent,
        figures=queries.provider_figures(g.provider.id),
        status_labels=STATUS_LABELS,
        tier_labels=TIER_LABELS,
        category_labels=CATEGORY_LABELS,
    )


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 8 else None


def _package_data(form: PackageForm) -> tuple[PackageData, dict]:
    errors: dict = {}
    tiers = []
    for level in TIER_LABELS:
        if not getattr(form, f"{level}_enabled").data:
            continue
        try:
            price = parse_amount(getattr(form, f"{level}_price").data, "CNY")
        except ValueError:
            price = None
        deliverables = {lang: (getattr(form, f"{level}_deliverables_{lang}").data or "").splitlines() for lang in LANGS}
        tiers.append(
            TierData(
                level.value,
                price,
                _int(getattr(form, f"{level}_days").data),
                _int(getattr(form, f"{level}_revisions").data),
                deliverables,
            )
        )
    data = PackageData(
        category=form.category.data or "",
        texts={
            lang: (getattr(form, f"title_{lang}").data or "", getattr(form, f"description_{lang}").data or "")
            for lang in LANGS
        },
        languages=form.languages.data or [],
        tiers=tiers,
        published=bool(form.published.data),
    ).normalized()
    errors.update(packages.check(data))
    return data, errors


def _fill_package(form: PackageForm, package) -> None:
    form.category.data, form.languages.data, form.published.data = (
        package.category,
        package.languages,
        package.published,
    )
    for lang in LANGS:
        text = package.texts.get(lang)
        getattr(form, f"title_{lang}").data = text.title if text else ""
        getattr(form, f"description_{lang}").data = text.description if text else ""
    for level in TIER_LABELS:
        tier = package.tier(level.value)
        getattr(form, f"{level}_enabled").data = tier is not None
        if tier is None:
            continue
        getattr(form, f"{level}_price").data = f"{tier.price_fen // 100}.{tier.price_fen % 100:02d}"
        getattr(form, f"{level}_days").data = str(tier.delivery_days)
        getattr(form, f"{level}_revisions").data = str(tier.revisions)
        for lang in LANGS:
            getattr(form, f"{level}_deliverables_{lang}").data = "\n".join((tier.deliverables or {}).get(lang, []))


def _package_page(form: PackageForm, package=None):
    return render_template(
        "services/provider/package_form.html",
        form=form,
        package=package,
        image_form=ImageForm(),
        tier_labels=TIER_LABELS,
        provider=g.provider,
    )


@bp.route("/packages/new", methods=["GET", "POST"])
@provider_required
def package_new():
    """Create a package."""
    form = PackageForm()
    if not form.is_submitted():
        form.basic_enabled.data = True
        form.languages.data = list(g.provider.languages or [])
    if form.validate_on_submit():
        data, errors = _package_data(form)
        if errors:
            _errors_to_form(form, errors)
        else:
            package = packages.create_package(g.provider, data)
            db.session.commit()
            flash(_("The package is saved."), "success")
            return redirect(url_for("services_provider.package_edit", package_id=package.id))
    return _package_page(form)


@bp.route("/packages/<int:package_id>/edit", methods=["GET", "POST"])
@provider_required
def package_edit(package_id: int):
    """Edit one of the provider's packages (orders already placed keep what they bought)."""
    package = packages.own_package(g.provider, package_id)
    form = PackageForm()
    if not form.is_submitted():
        _fill_package(form, package)
    if form.validate_on_submit():
        data, errors = _package_data(form)
        if errors:
            _errors_to_form(form, errors)
        else:
            packages.update_package(package, data)
            db.session.commit()
            flash(_("The package is saved."), "success")
            return redirect(url_for("services_provider.package_edit", package_id=package.id))
    return _package_page(form, package)


@bp.post("/packages/<int:package_id>/images")
@provider_required
def package_image(package_id: int):
    """Upload an image (checked by content and size)."""
    package = packages.own_package(g.provider, package_id)
    form = ImageForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        for storage in [s for s in form.image.data or [] if getattr(s, "filename", "")] or [None]:
            packages.add_image(package, storage)
        db.session.commit()
    except packages.PackageError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        flash(_("The image is added."), "success")
    return redirect(url_for("services_provider.package_edit", package_id=package.id))


@bp.post("/packages/<int:package_id>/images/<int:image_id>/delete")
@provider_required
def package_image_delete(package_id: int, image_id: int):
    """Remove an image."""
    package = packages.own_package(g.provider, package_id)
    if not ImageForm().validate_on_submit():
        abort(400)
    packages.delete_image(package, image_id)
    db.session.commit()
    flash(_("The image is removed."), "success")
    return redirect(url_for("services_provider.package_edit", package_id=package.id))
