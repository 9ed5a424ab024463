"""Merchant filing pages: file the company, follow the review, resubmit, manage documents."""

from __future__ import annotations

from dataclasses import asdict, fields

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts import documents, filing
from storefront.accounts.backoffice import bp, current_merchant
from storefront.accounts.models import Role
from storefront.catalog import merchant_queries as queries
from storefront.catalog.merchant_forms import FilingForm
from storefront.core.downloads import send_private
from storefront.core.locales import current_lang
from storefront.core.security import roles_required
from storefront.core.uploads import DOCUMENT_KINDS, UploadRejected, check_upload
from storefront.extensions import db

MAX_DOCUMENTS = 10


def _uploads(form: FilingForm) -> list:
    """Checked uploads from the form; problems become errors on the documents field."""
    checked = []
    for storage in form.documents.data or []:
        if not getattr(storage, "filename", ""):
            continue
        try:
            checked.append(
                check_upload(storage, allowed=DOCUMENT_KINDS, max_bytes=current_app.config["DOCUMENT_MAX_BYTES"])
            )
        except UploadRejected as exc:
            form.documents.errors = [*form.documents.errors, f"{storage.filename}: {exc.message}"]
    return checked


def send_document(doc: documents.Document):
    """A document as a download (never rendered inline, never from static/)."""
    return send_private(documents.document_path(doc), doc.content_type, doc.original_name, in_memory=True)


@bp.route("/filing", methods=["GET", "POST"])
@roles_required(Role.MERCHANT.value)
def filing_page():
    """File the company (or see the review state, or change a pending or rejected filing)."""
    merchant = current_merchant()
    editable = merchant is None or filing.can_edit(merchant)
    prefill = asdict(filing.FilingData.from_merchant(merchant)) if merchant and request.method == "GET" else None
    form = FilingForm(data=prefill)
    lang = current_lang()
    form.cluster_id.choices = queries.cluster_choices(lang)
    form.city_slug.choices = queries.city_choices(lang)
    docs = filing.merchant_documents(merchant) if merchant else []
    if editable and form.validate_on_submit():
        data = filing.FilingData(
            **{f.name: form[f.name].data or "" for f in fields(filing.FilingData) if f.name != "cluster_id"},
            cluster_id=form.cluster_id.data,
        )
        errors = filing.check(data.normalized(), merchant)
        uploads = _uploads(form)
        if not uploads and not docs and not form.documents.errors:
            form.documents.errors = [_("Attach at least one document: the business licence, as PDF, JPEG or PNG.")]
        if len(docs) + len(uploads) > MAX_DOCUMENTS:
            form.documents.errors = [_("At most %(n)s documents per filing.", n=MAX_DOCUMENTS)]
        for key, message in errors.items():
            form[key].errors = [*form[key].errors, str(message)]
        if not errors and not form.documents.errors:
            if merchant is None:
                merchant = filing.submit(current_user, data)
            else:
                filing.resubmit(merchant, current_user, data)
            for upload in uploads:
                filing.add_document(merchant, current_user, upload)
            db.session.commit()
            flash(_("Your filing was sent for review. We will tell you here when it is approved."), "success")
            return redirect(url_for("merchant.filing_page"))
    return render_template(
        "merchant/filing.html",
        form=form,
        merchant=merchant,
        documents=docs,
        editable=editable,
        doc_limit_mb=current_app.config["DOCUMENT_MAX_BYTES"] // (1024 * 1024),
    )


@bp.get("/filing/documents/<int:doc_id>")
@roles_required(Role.MERCHANT.value)
def filing_document(doc_id: int):
    """Download one of the merchant's own filing documents."""
    merchant = current_merchant() or abort(404)
    doc = documents.get_document(documents.MERCHANT, merchant.id, doc_id) or abort(404)
    return send_document(doc)


@bp.post("/filing/documents/<int:doc_id>/delete")
@roles_required(Role.MERCHANT.value)
def filing_document_delete(doc_id: int):
    """Remove a document from a filing that may still change."""
    merchant = current_merchant() or abort(404)
    doc = documents.get_document(documents.MERCHANT, merchant.id, doc_id) or abort(404)
    if not filing.can_edit(merchant):
        abort(403)
    documents.delete_document(doc)
    db.session.commit()
    flash(_("The document was removed."), "info")
    return redirect(url_for("merchant.filing_page"))
