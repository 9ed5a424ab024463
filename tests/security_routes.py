"""Who may use each route — ONE line per endpoint, checked by tests/test_security_routes.py, which walks every
rule of ``app.url_map`` with each role (anonymous, buyer, merchant, provider, operator).

A route without a line here fails that test: when you add a route, add its line
(``"blueprint.view": ROLES,``).
The sets name the roles that get through the route's role gate; the others must be stopped there
(anonymous → redirect to the sign-in page, or 401; signed-in with the wrong role → 403). Object-level checks
(whose order, whose product) live in tests/test_authz.py and tests/test_services_auth.py.

The test's merchant and provider have APPROVED filings.
"""

ANONYMOUS, BUYER, MERCHANT, PROVIDER, OPERATOR = "anonymous", "buyer", "merchant", "provider", "operator"
ROLES = (ANONYMOUS, BUYER, MERCHANT, PROVIDER, OPERATOR)

ANYONE = frozenset(ROLES)
SIGNED_IN = frozenset({BUYER, MERCHANT, PROVIDER, OPERATOR})
MERCHANTS = frozenset({MERCHANT})
PROVIDERS = frozenset({PROVIDER})
OPERATORS = frozenset({OPERATOR})
NOBODY = frozenset()

ACCESS: dict[str, frozenset[str]] = {
    # root, health, files
    "root": ANYONE,
    "healthz": ANYONE,
    "healthz_search": ANYONE,  # this node's search index lag (numbers only)
    "media": ANYONE,
    "static": ANYONE,
    "payments.stripe_webhook": ANYONE,  # authenticated by the Stripe signature (tests/test_webhook.py)
    # accounts
    "accounts.login": ANYONE,
    "accounts.register": ANYONE,
    "accounts.forgot_password": ANYONE,
    "accounts.reset_password": ANYONE,  # the signed token is the credential
    "accounts.verify_email": ANYONE,  # the signed token is the credential
    "accounts.logout": SIGNED_IN,
    "accounts.account": SIGNED_IN,
    "accounts.change_password": SIGNED_IN,
    "accounts.end_other_sessions": SIGNED_IN,
    # public catalogue, search, API
    "catalog.home": ANYONE,
    "catalog.cluster": ANYONE,
    "catalog.category": ANYONE,
    "catalog.merchant": ANYONE,
    "catalog.product": ANYONE,
    "catalog.set_currency": ANYONE,
    "search.results": ANYONE,
    "api.products": ANYONE,
    "api.product": ANYONE,
    "api.search": ANYONE,
    "api.suggest": ANYONE,
    "services_api.packages": ANYONE,
    "services_api.package": ANYONE,
    # cart, checkout, orders (guests buy too; an order page needs its signed token or its owner)
    "cart.view": ANYONE,
    "cart.add": ANYONE,
    "cart.update": ANYONE,
    "cart.reorder": SIGNED_IN,  # then: only the order's buyer account (else 404)
    "addresses.book": SIGNED_IN,
    "addresses.change": SIGNED_IN,  # then: only the address's owner (else 404)
    "ordering.checkout": ANYONE,
    "ordering.order_page": ANYONE,
    "ordering.tracking": ANYONE,  # the order's own access check: its buyer, or a guest with the order's token
    "ordering.return_request": ANYONE,  # the order's owner or its token (ordering.access), else 404
    "ordering.cancel_request": ANYONE,  # the order's owner or its token (ordering.access), else 404
    "ordering.pay": ANYONE,
    "ordering.pay_card": ANYONE,
    "ordering.pay_method": ANYONE,
    "ordering.pay_return": ANYONE,
    "ordering.my_orders": SIGNED_IN,
    "documents.proforma": ANYONE,  # the order's own access check (ordering.access): its buyer or its token, else 404
    "documents.invoice": ANYONE,  # same, and only a shipped parcel of that order
    "documents.packing_list": ANYONE,
    # messages (issue 17): then only the conversation's participants and operators (tests/test_messaging.py)
    "messaging.inbox": SIGNED_IN,
    "messaging.conversation": SIGNED_IN,
    "messaging.reply": SIGNED_IN,
    "messaging.download": SIGNED_IN,
    "messaging.contact_product": SIGNED_IN,
    "messaging.contact_order": SIGNED_IN,  # then: only the order's buyer account
    # requests for quotation (issue 15): then only the RFQ's buyer, the merchant's owner, operators (test_rfq.py)
    "rfq.ask_product": SIGNED_IN,
    "rfq.ask_merchant": SIGNED_IN,
    "rfq.mine": SIGNED_IN,
    "rfq.detail": SIGNED_IN,
    "rfq.accept": SIGNED_IN,  # then: only the RFQ's buyer (else 404)
    "rfq.close": SIGNED_IN,  # then: only the RFQ's buyer or the merchant's owner
    # product reviews (issue 17): object checks in tests/test_reviews.py
    "reviews.write": SIGNED_IN,  # then: only the order's buyer account (else 404)
    "reviews.merchant_reviews": MERCHANTS,
    "reviews.reply_to": MERCHANTS,  # then: only the product's merchant (else 404)
    "reviews_operator.queue": OPERATORS,
    "reviews_operator.moderate_review": OPERATORS,
    # seller profiles and credit rating (issue 17)
    "trust.seller": ANYONE,
    "trust.explanation": ANYONE,
    "trust_operator.override": OPERATORS,
    # legal and help pages (issue 17)
    "legal.page": ANYONE,
    "legal_operator.index": OPERATORS,
    "legal_operator.edit": OPERATORS,
    # money (issue 12): statements, payouts, refunds, FX settlement records, bank-transfer proofs
    "merchant.money": MERCHANTS,
    "merchant.money_payout": MERCHANTS,
    "merchant.money_details": MERCHANTS,  # payout bank details (issue 18)
    "merchant.onboarding": MERCHANTS,
    "merchant.return_step": MERCHANTS,  # returns (RMA) of own orders only (tests/test_authz.py)
    "merchant.rfqs": MERCHANTS,  # requests for quotation addressed to the merchant
    "merchant.rfq_page": MERCHANTS,  # own RFQs only, and the quotation form (tests/test_authz.py)
    "merchant.orders_ship_bulk": MERCHANTS,  # orders at volume (issue 18)
    "merchant.orders_ship_bulk_apply": MERCHANTS,
    "merchant.orders_export": MERCHANTS,
    "merchant.orders_labels": MERCHANTS,
    "merchant.packing_list_pdf": MERCHANTS,
    "merchant.invoice_pdf": MERCHANTS,
    "merchant.proforma_pdf": MERCHANTS,
    "merchant.api_keys_page": MERCHANTS,
    "merchant.promotions_page": MERCHANTS,  # promotions of own products (issue 18)
    "merchant.promotion_add": MERCHANTS,
    "merchant.promotion_edit": MERCHANTS,  # own promotions only: another merchant gets 404 (tests/test_promotions.py)
    "merchant.promotion_end": MERCHANTS,
    "merchant.webhooks_page": MERCHANTS,  # outbound webhooks, owner only (issue 18)
    "merchant.webhook_add": MERCHANTS,
    "merchant.webhook_remove": MERCHANTS,
    "merchant.webhook_retry": MERCHANTS,  # integrations: API keys, owner only (issue 18)
    "merchant.api_key_create": MERCHANTS,
    "merchant.api_key_revoke": MERCHANTS,
    "merchant_api.products": ANYONE,  # authenticated by an API key, not the session (tests/test_api_keys.py)
    "merchant_api.orders": ANYONE,
    "merchant_api.openapi": ANYONE,
    "merchant_api.product": ANYONE,  # the API's reads and writes (issue 18): key scopes (tests/test_api_write.py)
    "merchant_api.variants": ANYONE,
    "merchant_api.order": ANYONE,
    "merchant_api.product_create": ANYONE,
    "merchant_api.product_update": ANYONE,
    "merchant_api.variant_update": ANYONE,
    "merchant_api.order_ship": ANYONE,
    "merchant.team": MERCHANTS,  # staff accounts and roles, owner only (issue 18)
    "merchant.team_set": MERCHANTS,
    "merchant.team_remove": MERCHANTS,  # the checklist after sign-up, also before filing (issue 18)
    "merchant.money_statement": MERCHANTS,
    "merchant.money_statement_pdf": MERCHANTS,
    "merchant.fx_settlements": MERCHANTS,
    "merchant.fx_settlements_csv": MERCHANTS,
    "merchant.order_cannot_fulfil": MERCHANTS,
    "merchant.order_cancel_deposit": MERCHANTS,
    "merchant.order_refund": MERCHANTS,
    "services_provider.money": PROVIDERS,
    "services_provider.money_payout": PROVIDERS,
    "services_provider.money_details": PROVIDERS,  # payout bank details (issue 18)
    "services_provider.onboarding": PROVIDERS,
    "services_provider.team": PROVIDERS,  # staff accounts and roles, owner only (issue 18)
    "services_provider.team_set": PROVIDERS,
    "services_provider.team_remove": PROVIDERS,  # the checklist after sign-up, also before filing (issue 18)
    "services_provider.money_statement": PROVIDERS,
    "services_provider.money_statement_pdf": PROVIDERS,
    "services.pay_transfer": SIGNED_IN,  # then: only the order's merchant (like services.pay)
    "operator.commission": OPERATORS,
    "operator.fx_csv": OPERATORS,
    "operator.fx_record": OPERATORS,
    "operator.fx_settlements": OPERATORS,
    "operator.payout_approve": OPERATORS,
    "operator.payout_reject": OPERATORS,
    "operator.payouts_csv": OPERATORS,
    "operator.payouts_list": OPERATORS,
    "operator.refund_dismiss": OPERATORS,
    "operator.refund_form": OPERATORS,
    "operator.refund_make": OPERATORS,
    "operator.refunds_queue": OPERATORS,
    "operator.transfer_confirm": OPERATORS,
    "operator.transfer_reject": OPERATORS,
    "operator.transfer_slip": OPERATORS,
    "operator.transfers_page": OPERATORS,
    # merchant back office
    "merchant.dashboard": MERCHANTS,
    "merchant.filing_page": MERCHANTS,
    "merchant.filing_document": MERCHANTS,
    "merchant.filing_document_delete": MERCHANTS,
    "merchant.products": MERCHANTS,
    "merchant.product_new": MERCHANTS,
    "merchant.product_edit": MERCHANTS,
    "merchant.product_delete": MERCHANTS,
    "merchant.product_visibility": MERCHANTS,
    "merchant.product_variants": MERCHANTS,  # own products only (tests/test_authz.py)
    "merchant.image_upload": MERCHANTS,
    "merchant.image_delete": MERCHANTS,
    "merchant.image_move": MERCHANTS,
    "merchant.catalog_import": MERCHANTS,
    "merchant.catalog_import_confirm": MERCHANTS,
    "merchant.catalog_export": MERCHANTS,
    "merchant.catalog_template": MERCHANTS,
    "merchant.orders": MERCHANTS,
    "merchant.order": MERCHANTS,
    "merchant.order_ship": MERCHANTS,
    "merchant.invoice": MERCHANTS,
    "merchant.packing_list": MERCHANTS,
    "clearance.merchant_cases": MERCHANTS,
    "clearance.merchant_cancel": MERCHANTS,
    "clearance.merchant_departures": MERCHANTS,
    "clearance.merchant_case": MERCHANTS,
    "clearance.merchant_declarations": MERCHANTS,
    "clearance.merchant_declaration": MERCHANTS,
    "clearance.merchant_declaration_csv": MERCHANTS,
    "clearance.merchant_declaration_lists_csv": MERCHANTS,
    # operator console
    "operator.home": OPERATORS,
    "operator.filings": OPERATORS,
    "operator.filing_detail": OPERATORS,
    "operator.filing_document": OPERATORS,
    "operator.filing_approve": OPERATORS,
    "operator.filing_reject": OPERATORS,
    "operator.moderation": OPERATORS,
    "operator.moderate_hide": OPERATORS,
    "operator.moderate_restore": OPERATORS,
    "operator.moderation_appeals": OPERATORS,
    "operator.team": OPERATORS,  # operator roles, administrators only (issue 18)
    "operator.team_set": OPERATORS,
    "operator.team_remove": OPERATORS,  # merchants' appeals against a hide (issue 18)
    "operator.appeal_accept": OPERATORS,
    "operator.appeal_reject": OPERATORS,
    "operator.listing_reviews": OPERATORS,  # listing review queue (issue 18)
    "operator.review_approve": OPERATORS,
    "operator.review_reject": OPERATORS,
    "merchant.product_appeal": MERCHANTS,  # own products only (tests/test_authz.py)
    "operator.rates_page": OPERATORS,
    "operator.duties": OPERATORS,
    "operator.duty_edit": OPERATORS,
    "operator.rates_update": OPERATORS,
    "operator.rates_import": OPERATORS,
    "operator.rates_history": OPERATORS,
    "operator.audit_log": OPERATORS,
    "operator.stats": OPERATORS,
    "operator.rfq_stats": OPERATORS,  # RFQ volume and response time per merchant
    "operator.province_csv": OPERATORS,  # statistics for the province (issue 18)
    "operator.province_pdf": OPERATORS,
    "clearance.operator_monitor": OPERATORS,
    "clearance.operator_cases": OPERATORS,  # the clearance desk (issue 18)
    "clearance.operator_case": OPERATORS,
    "clearance.operator_case_send_now": OPERATORS,
    "clearance.operator_retry": OPERATORS,
    "clearance.operator_declaration_resend": OPERATORS,
    "clearance.operator_declaration_release": OPERATORS,
    "services_operator.package_moderation": OPERATORS,
    "services_operator.moderate_package_hide": OPERATORS,
    "services_operator.moderate_package_restore": OPERATORS,
    "services_operator.service_orders": OPERATORS,
    "services_operator.voucher_batches": OPERATORS,
    "services_operator.voucher_batch": OPERATORS,
    "services_operator.voucher_new": OPERATORS,
    "services_operator.voucher_report_page": OPERATORS,
    # service marketplace: browsing is public, ordering is for merchants, orders for their two parties
    "services.browse": ANYONE,
    "services.category": ANYONE,
    "services.package": ANYONE,
    "services.provider": ANYONE,
    "services.order_form": MERCHANTS,
    "services.orders_list": MERCHANTS | PROVIDERS,
    "services.order": SIGNED_IN,  # then: only the order's merchant, provider or an operator
    "services.order_action": SIGNED_IN,
    "services.deliver": SIGNED_IN,
    "services.download": SIGNED_IN,
    "services.post_message": SIGNED_IN,
    "services.reply": SIGNED_IN,
    "services.review": SIGNED_IN,
    "services.pay": SIGNED_IN,
    "services.pay_card": SIGNED_IN,
    "services.pay_return": SIGNED_IN,
    # provider back office
    "services_provider.dashboard": PROVIDERS,
    "services_provider.filing": PROVIDERS,
    "services_provider.filing_documents": NOBODY,  # providers only, and only while the filing may change
    "services_provider.package_new": PROVIDERS,
    "services_provider.rates": PROVIDERS,
    "services_provider.package_edit": PROVIDERS,
    "services_provider.package_image": PROVIDERS,
    "services_provider.package_image_delete": PROVIDERS,
    # policy and training centre (issue 18): company users read and register; operators publish, mark attendance
    "training.index": MERCHANTS | PROVIDERS,
    "training.policy": MERCHANTS | PROVIDERS,
    "training.policy_file": MERCHANTS | PROVIDERS | OPERATORS,
    "training.register": MERCHANTS | PROVIDERS,
    "training.cancel": MERCHANTS | PROVIDERS,
    "training_operator.index": OPERATORS,
    "training_operator.policy_form": OPERATORS,
    "training_operator.policy_delete": OPERATORS,
    "training_operator.session_form": OPERATORS,
    "training_operator.attendance": OPERATORS,
}
