"""Marketplace e-mails, each rendered in the recipient's language and sent after the commit (core mailer)."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from services_market.constants import ACTION_LABELS, STATUS_LABELS, Action, Party
from services_market.models import Provider
from services_market.order_models import ServiceOrder
from storefront.core.locales import LANGS
from storefront.core.mail import Mail, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db


def link(endpoint: str, **values) -> str:
    """An absolute link (PUBLIC_BASE_URL outside a request, e.g. the auto-completion job)."""
    return public_url(endpoint, **values)


def _lang(user) -> str:
    return user.locale if user is not None and user.locale in LANGS else "en"


def _send(user, template: str, subject, **context) -> None:
    """Render ``services/mail/<template>.txt`` and the subject in the user's language; queue it."""
    if user is None or not user.email:
        return
    lang = _lang(user)
    with force_locale(lang):
        text = render_template(f"services/mail/{template}.txt", lang=lang, recipient=user, **context)
        mail = Mail(to=user.email, subject=str(subject(**context)), text=text, lang=lang)
    send_after_commit(db.session(), mail)


def _recipients(order: ServiceOrder, party: Party, action: str) -> list:
    """The other side (both, for system and operator actions); a provider hears of an order once paid."""
    merchant_user, provider_user = order.merchant.owner, order.provider.owner
    if action == Action.PAY.value:
        return [provider_user]
    sides = {Party.MERCHANT: [provider_user], Party.PROVIDER: [merchant_user]}.get(
        party, [merchant_user, provider_user]
    )
    return [u for u in sides if u is not provider_user or order.paid_at is not None]


def _event_subject(order: ServiceOrder, action: str, **_ctx) -> str:
    if action == "placed" or action == Action.PAY.value:
        return _("New service order %(number)s", number=order.number)
    return _("Service order %(number)s: %(status)s", number=order.number, status=STATUS_LABELS[order.status])


def order_event(order: ServiceOrder, action: str, party: Party, note: str = "") -> None:
    """Tell the other side (both sides, for system and operator actions) about a transition."""
    for user in _recipients(order, party, action):
        if user is None:
            continue
        lang = _lang(user)
        _send(
            user,
            "order_event",
            _event_subject,
            order=order,
            action=action,
            note=note,
            action_label=ACTION_LABELS.get(action),
            status_label=STATUS_LABELS[order.status],
            title=order.title(lang),
            link=link("services.order", lang=lang, number=order.number),
        )


def _filing_subject(provider: Provider, **_ctx) -> str:
    if provider.is_approved:
        return _("Your provider filing is approved")
    return _("Your provider filing needs changes")


def filing_decided(provider: Provider) -> None:
    """Tell the provider the operator's decision on its filing."""
    user = provider.owner
    if user is None:
        return
    _send(
        user,
        "filing",
        _filing_subject,
        provider=provider,
        link=link("services_provider.dashboard", lang=_lang(user)),
    )
