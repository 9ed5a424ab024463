"""Who may do what in the back offices: ONE table of permissions (which roles have each), and for every
back-office endpoint the permission it needs. A request hook checks it before the view runs, after the view's
own role gate would have let the user in (anonymous users and other user roles are left to that gate:
sign-in redirect or 403). ``tests/test_permissions.py`` checks that every back-office endpoint is listed.

Company roles (merchant and provider staff): owner, catalogue, orders, finance (see ``team.COMPANY_ROLES``).
Platform roles (operators): admin, filings, moderation, customs, finance, policy (``team.OPERATOR_ROLES``)."""

from __future__ import annotations

from flask import Flask, abort, has_request_context, request
from flask_login import current_user

from storefront.accounts import team
from storefront.accounts.models import Role
from storefront.accounts.team import Side

_ALL_COMPANY = frozenset(team.COMPANY_ROLES)
_ALL_PLATFORM = frozenset(team.OPERATOR_ROLES)

#: permission → (side it belongs to, roles that have it). THE table.
PERMISSIONS: dict[str, tuple[str, frozenset[str]]] = {
    # merchant and provider companies ("company.*" applies to both sides)
    "company.view": ("company", _ALL_COMPANY),  # dashboard, checklist
    "company.catalogue": ("company", frozenset({"owner", "catalogue"})),
    "company.orders": ("company", frozenset({"owner", "orders"})),
    # requests for quotation: read them, write in their threads, send quotations (buyers' target prices and the
    # seller's commercial terms: sales work; catalogue and finance staff neither see nor answer them)
    "company.quotations": ("company", frozenset({"owner", "orders"})),
    "company.finance": ("company", frozenset({"owner", "finance"})),
    "company.admin": ("company", frozenset({"owner"})),  # filing, team
    # platform operators
    "platform.view": ("platform", _ALL_PLATFORM),  # console home, statistics
    "platform.filings": ("platform", frozenset({"admin", "filings"})),
    "platform.moderation": ("platform", frozenset({"admin", "moderation"})),
    "platform.customs": ("platform", frozenset({"admin", "customs"})),
    "platform.finance": ("platform", frozenset({"admin", "finance"})),
    "platform.admin": ("platform", frozenset({"admin"})),  # audit log, team
    "platform.policy": ("platform", frozenset({"admin", "policy"})),  # policy and training centre
}

#: endpoint → permission, for the storefront's back offices (the services marketplace adds its own with
#: :func:`require`).
ENDPOINTS: dict[str, str] = {
    # merchant back office
    "merchant.dashboard": "company.view",
    "merchant.onboarding": "company.view",
    "merchant.filing_page": "company.admin",
    "merchant.filing_document": "company.admin",
    "merchant.filing_document_delete": "company.admin",
    "merchant.team": "company.admin",
    "merchant.api_keys_page": "company.admin",
    "merchant.webhooks_page": "company.admin",
    "merchant.webhook_add": "company.admin",
    "merchant.webhook_remove": "company.admin",
    "merchant.webhook_retry": "company.admin",
    "merchant.api_key_create": "company.admin",
    "merchant.api_key_revoke": "company.admin",
    "merchant.team_set": "company.admin",
    "merchant.team_remove": "company.admin",
    "merchant.products": "company.catalogue",
    "merchant.product_new": "company.catalogue",
    "merchant.product_edit": "company.catalogue",
    "merchant.product_visibility": "company.catalogue",
    "merchant.product_delete": "company.catalogue",
    "merchant.product_appeal": "company.catalogue",
    "merchant.image_upload": "company.catalogue",
    "merchant.image_move": "company.catalogue",
    "merchant.image_delete": "company.catalogue",
    "merchant.catalog_import": "company.catalogue",
    "merchant.catalog_import_confirm": "company.catalogue",
    "merchant.catalog_export": "company.catalogue",
    "merchant.catalog_template": "company.catalogue",
    "merchant.product_variants": "company.catalogue",
    "merchant.promotions_page": "company.catalogue",
    "merchant.promotion_add": "company.catalogue",
    "merchant.promotion_edit": "company.catalogue",
    "merchant.promotion_end": "company.catalogue",
    "merchant.orders": "company.orders",
    "merchant.order": "company.orders",
    "merchant.order_ship": "company.orders",
    "merchant.order_cannot_fulfil": "company.orders",
    "merchant.order_cancel_deposit": "company.orders",  # a T/T order after its deposit: cancel and refund it
    "merchant.packing_list": "company.orders",
    "merchant.invoice": "company.orders",
    "merchant.orders_ship_bulk": "company.orders",
    "merchant.orders_ship_bulk_apply": "company.orders",
    "merchant.orders_export": "company.orders",
    "merchant.orders_labels": "company.orders",
    "merchant.packing_list_pdf": "company.orders",
    "merchant.invoice_pdf": "company.orders",
    "merchant.proforma_pdf": "company.orders",
    "merchant.order_refund": "company.finance",
    "merchant.return_step": "company.orders",
    "merchant.rfqs": "company.quotations",  # requests for quotation and the quotation form
    "merchant.rfq_page": "company.quotations",
    "merchant.money": "company.finance",
    "merchant.money_details": "company.finance",
    "merchant.money_payout": "company.finance",
    "merchant.money_statement": "company.finance",
    "merchant.money_statement_pdf": "company.finance",
    "merchant.fx_settlements": "company.finance",
    "merchant.fx_settlements_csv": "company.finance",
    "clearance.merchant_cases": "company.orders",
    "clearance.merchant_case": "company.orders",
    "clearance.merchant_cancel": "company.orders",
    "clearance.merchant_departures": "company.orders",
    "clearance.merchant_declarations": "company.orders",
    "clearance.merchant_declaration": "company.orders",
    "clearance.merchant_declaration_csv": "company.orders",
    "clearance.merchant_declaration_lists_csv": "company.orders",
    # operator console
    "operator.home": "platform.view",
    "operator.stats": "platform.view",
    "operator.rfq_stats": "platform.view",  # RFQ volume and response time per merchant
    "operator.province_csv": "platform.view",
    "operator.province_pdf": "platform.view",
    "operator.audit_log": "platform.admin",
    "operator.team": "platform.admin",
    "operator.team_set": "platform.admin",
    "operator.team_remove": "platform.admin",
    "operator.filings": "platform.filings",
    "operator.filing_detail": "platform.filings",
    "operator.filing_document": "platform.filings",
    "operator.filing_approve": "platform.filings",
    "operator.filing_reject": "platform.filings",
    "operator.moderation": "platform.moderation",
    "operator.moderate_hide": "platform.moderation",
    "operator.moderate_restore": "platform.moderation",
    "operator.moderation_appeals": "platform.moderation",
    "operator.appeal_accept": "platform.moderation",
    "operator.appeal_reject": "platform.moderation",
    "operator.listing_reviews": "platform.moderation",
    "operator.review_approve": "platform.moderation",
    "operator.review_reject": "platform.moderation",
    "operator.rates_page": "platform.finance",
    "operator.rates_update": "platform.finance",
    "operator.rates_import": "platform.finance",
    "operator.rates_history": "platform.finance",
    "operator.refunds_queue": "platform.finance",
    "operator.refund_form": "platform.finance",
    "operator.refund_make": "platform.finance",
    "operator.refund_dismiss": "platform.finance",
    "operator.payouts_list": "platform.finance",
    "operator.payouts_csv": "platform.finance",
    "operator.payout_approve": "platform.finance",
    "operator.payout_reject": "platform.finance",
    "operator.commission": "platform.finance",
    "operator.fx_settlements": "platform.finance",
    "operator.fx_record": "platform.finance",
    "operator.fx_csv": "platform.finance",
    "operator.transfers_page": "platform.finance",
    "operator.transfer_slip": "platform.finance",
    "operator.transfer_confirm": "platform.finance",
    "operator.transfer_reject": "platform.finance",
    "clearance.operator_monitor": "platform.customs",
    "clearance.operator_cases": "platform.customs",
    "clearance.operator_case": "platform.customs",
    "clearance.operator_case_send_now": "platform.customs",
    "clearance.operator_retry": "platform.customs",
    "clearance.operator_declaration_release": "platform.customs",
    "clearance.operator_declaration_resend": "platform.customs",
    "operator.duties": "platform.customs",  # landed-cost duty rules (freight)
    "operator.duty_edit": "platform.customs",
    "reviews_operator.queue": "platform.moderation",
    "reviews_operator.moderate_review": "platform.moderation",
    "legal_operator.index": "platform.admin",  # terms, privacy and the other legal and help pages
    "legal_operator.edit": "platform.admin",
    "trust_operator.override": "platform.admin",  # a seller's credit rating set by hand, with a logged reason
    # policy and training centre: company users (merchants and providers) read and register; operators publish
    "training.index": "company.view",
    "training.policy": "company.view",
    "training.register": "company.view",
    "training.cancel": "company.view",
    "training.policy_file": "company.view",  # operators too: the table applies to company users only here
    "training_operator.index": "platform.policy",
    "training_operator.policy_form": "platform.policy",
    "training_operator.policy_delete": "platform.policy",
    "training_operator.session_form": "platform.policy",
    "training_operator.attendance": "platform.policy",
}

#: User role → the side its permissions are checked on.
_SIDES = {Role.MERCHANT.value: Side.MERCHANT, Role.PROVIDER.value: Side.PROVIDER, Role.OPERATOR.value: Side.PLATFORM}


def require(endpoints: dict[str, str]) -> None:
    """Add endpoint → permission lines (the services marketplace's back-office routes)."""
    unknown = set(endpoints.values()) - set(PERMISSIONS)
    if unknown:
        raise ValueError(f"unknown permissions: {sorted(unknown)}")
    ENDPOINTS.update(endpoints)


def roles(user) -> frozenset[str]:
    """The user's roles on their side (owners of a company: "owner"; staff: their rows; a merchant or
    provider not yet in any company: "owner" of the company they are about to file)."""
    side = _SIDES.get(getattr(user, "role", ""))
    if side is None:
        return frozenset()
    cache = request.environ.setdefault("kuajing.roles", {}) if has_request_context() else {}
    key = (getattr(user, "id", None), side)
    if key not in cache:  # menus ask once per link: one lookup per request
        if side == Side.PLATFORM:
            cache[key] = team.roles_of(user, side, owner=False)
        else:
            staff = team.company_of(user, side) is not None
            cache[key] = team.roles_of(user, side, owner=not staff)
    return cache[key]


def may(user, permission: str) -> bool:
    """True when the user's roles include one that has the permission (and the user is on its side)."""
    side, allowed = PERMISSIONS[permission]
    user_side = _SIDES.get(getattr(user, "role", ""))
    if user_side is None or (side == "company") == (user_side == Side.PLATFORM):
        return False
    return bool(roles(user) & allowed)


def _permission_to_check(endpoint: str) -> str | None:
    """The permission the signed-in user needs for this endpoint, or None when the table does not apply: not a
    back-office endpoint, anonymous, or another kind of user (the view's own role gate answers them)."""
    permission = ENDPOINTS.get(endpoint)
    if permission is None or not current_user.is_authenticated:
        return None
    side, _allowed = PERMISSIONS[permission]
    user_side = _SIDES.get(current_user.role)
    if user_side is None or (side == "company") == (user_side == Side.PLATFORM):
        return None
    return permission


def _check() -> None:
    permission = _permission_to_check(request.endpoint or "")
    if permission is not None and not may(current_user, permission):
        abort(403)


def init_app(app: Flask) -> None:
    """Check the permission of every back-office request, and offer ``may(permission)`` to templates."""
    app.before_request(_check)
    app.jinja_env.globals["may_open"] = may_open


def may_open(endpoint: str) -> bool:
    """For menus: False when the signed-in user lacks the endpoint's permission (True for other pages)."""
    permission = _permission_to_check(endpoint)
    return permission is None or may(current_user, permission)
