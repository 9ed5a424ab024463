"""E-mails to a company about its filing and its listings, in the owner's language, sent after the commit.

Used by the filing review (accounts) and by moderation (catalogue, appeals). Links are built by endpoint name
(the back-office pages), so no domain imports a back office."""

from __future__ import annotations

from flask_babel import gettext as _

from storefront.core.locales import LANGS
from storefront.core.mail import render, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db


def company_recipient(company) -> tuple[str, str] | None:
    """(address, language) for mail to a company: its contact address (else its owner's), in the owner's
    language (Chinese when unknown: the companies are provincial exporters); None without any address."""
    owner = getattr(company, "owner", None)
    to = getattr(company, "contact_email", "") or (owner.email if owner is not None else "")
    if not to:
        return None
    lang = owner.locale if owner is not None and owner.locale in LANGS else "zh"
    return to, lang


def _filing_subject(merchant, **_ctx) -> str:
    if merchant.is_approved:
        return _("Your company filing is approved")
    return _("Your company filing was not approved")


def filing_decided(merchant) -> None:
    """Tell the merchant the operator approved or rejected its filing (with the reason)."""
    recipient = company_recipient(merchant)
    if recipient is None:
        return
    to, lang = recipient
    endpoint = "merchant.onboarding" if merchant.is_approved else "merchant.filing_page"
    mail = render("filing_decided", lang, to, _filing_subject, merchant=merchant, link=public_url(endpoint, lang=lang))
    send_after_commit(db.session(), mail)


def _hidden_subject(product, **_ctx) -> str:
    return _("Your product %(sku)s was hidden by the platform", sku=product.sku)


def product_hidden(product) -> None:
    """Tell the merchant an operator hid a product: the reason, and the page where they can appeal."""
    recipient = company_recipient(product.merchant)
    if recipient is None:
        return
    to, lang = recipient
    link = public_url("merchant.product_edit", lang=lang, product_id=product.id, _anchor="appeal")
    mail = render("product_hidden", lang, to, _hidden_subject, product=product, link=link)
    send_after_commit(db.session(), mail)


def _appeal_subject(appeal, **_ctx) -> str:
    return _("Your appeal for product %(sku)s is decided", sku=appeal.product.sku)


def appeal_decided(appeal) -> None:
    """Tell the merchant whether the product is shown again or stays hidden (with the operator's answer)."""
    recipient = company_recipient(appeal.product.merchant)
    if recipient is None:
        return
    to, lang = recipient
    link = public_url("merchant.product_edit", lang=lang, product_id=appeal.product_id)
    mail = render("appeal_decided", lang, to, _appeal_subject, appeal=appeal, link=link)
    send_after_commit(db.session(), mail)
