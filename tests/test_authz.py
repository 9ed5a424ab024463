"""Authorization walk: every route under /<lang>/merchant and /<lang>/operator (whichever blueprint serves
it), every method, as anonymous, buyer, provider and another merchant. Each gets the sign-in page, 403 or
404 — never the victim's data — and nothing of the victim's changes."""

import pytest
from werkzeug.routing import AnyConverter

from storefront.accounts.documents import MERCHANT, save_document
from storefront.accounts.models import Merchant, Role
from storefront.catalog.models import Product, ProductImage, ProductTranslation
from storefront.clearance.models import ClearanceCase
from storefront.core.uploads import KINDS, CheckedUpload
from storefront.extensions import db
from storefront.ordering import quotations
from storefront.ordering.models import SubOrder
from storefront.ordering.operations import mark_paid
from tests.backoffice_helpers import PDF, client_as

VICTIM_SKU = "VICTIM-SKU-77"
VICTIM_NAME = "受害者专用产品名称"
VICTIM_COMPANY = "受害者专用公司名称"
VICTIM_BUYER = "victim-buyer@example.com"
#: Route variables the walk knows how to fill; a new variable must be added here on purpose.
KNOWN_ARGS = {"lang", "product_id", "image_id", "doc_id", "filing_id", "kind_key", "fmt", "sub_order_id",
              "case_id", "declaration_id", "batch_id", "package_id",
              "kind", "payable_id", "proposal_id", "payout_id", "month", "settlement_id", "proof_id",
              "action", "rule_key", "conversation_id", "file_id", "review_id", "line_id", "merchant_id",
              "slug", "appeal_id", "user_id", "return_id", "key_id", "endpoint_id", "promotion_id",
              "policy_id", "session_id", "rfq_id"}  # fmt: skip
#: Arguments naming one merchant-owned object: another merchant gets 404 for the victim's.
OBJECT_ARGS = {"product_id", "image_id", "doc_id", "sub_order_id", "case_id", "declaration_id", "user_id",
               "return_id", "key_id", "endpoint_id", "promotion_id", "rfq_id"}  # fmt: skip


@pytest.fixture
def victim(make):
    """A merchant with a product, an image, a filing document and a paid order (with its clearance case)."""
    merchant = make.merchant(names={"zh": VICTIM_COMPANY, "en": "Victim Co"})
    product = make.product(merchant, sku=VICTIM_SKU, texts={"zh": {"name": VICTIM_NAME}})
    product.images.append(ProductImage(stem="victimstem0001", width=10, height=10, position=0, alt=""))
    upload = CheckedUpload(KINDS["pdf"], PDF + b"%VICTIM", "victim.pdf", "0" * 64)
    doc = save_document(MERCHANT, merchant.id, upload, merchant.owner)
    order = make.order([(product, 1)], currency="EUR", email=VICTIM_BUYER)
    mark_paid(order, payment_ref="pi_victim", cause="payment_succeeded", actor="test")
    rfq = quotations.create_rfq(
        make.user(), merchant, quotations.RfqData(need=VICTIM_NAME, quantity=1, country="RU", incoterm="DAP")
    )
    merchant.status = "pending"  # pending: its filing can still be changed (the walk tries)
    db.session.commit()
    case = db.session.scalars(db.select(ClearanceCase).where(ClearanceCase.merchant_id == merchant.id)).first()
    return {"merchant": merchant, "product": product, "image": product.images[0], "doc": doc,
            "sub": order.sub_orders[0], "case_id": case.id if case else 1, "rfq": rfq}  # fmt: skip


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(("/<lang>/merchant", "/<lang>/operator")):
            unknown = set(rule.arguments) - KNOWN_ARGS
            assert not unknown, f"{rule.rule}: teach the authorization walk about {unknown}"
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                yield rule, method


def _url(rule, v) -> str:
    values = {"lang": "zh", "product_id": v["product"].id, "image_id": v["image"].id, "doc_id": v["doc"].id,
              "filing_id": v["merchant"].id, "kind_key": "merchant", "fmt": "csv",
              "sub_order_id": v["sub"].id, "case_id": v["case_id"],
              "declaration_id": 1, "batch_id": 1, "package_id": 1,
              "kind": "order", "payable_id": v["sub"].order_id, "proposal_id": 1, "payout_id": 1,
              "month": "2026-12", "settlement_id": 1, "proof_id": 1, "rule_key": "kr-personal",
              "conversation_id": 1, "file_id": 1,
              "review_id": 1, "line_id": 1, "merchant_id": v["merchant"].id,
              "slug": "terms", "appeal_id": 1, "user_id": v["merchant"].owner_id, "return_id": 1,
              "key_id": 1, "endpoint_id": 1, "promotion_id": 1, "policy_id": 1, "session_id": 1,
              "rfq_id": v["rfq"].id}  # fmt: skip
    for name in rule.arguments:  # an <any(…)> argument: its first choice
        if isinstance(rule._converters.get(name), AnyConverter):
            values[name] = sorted(rule._converters[name].items)[0]
    return rule.build({k: values[k] for k in rule.arguments})[1]


def _state(v):
    db.session.expire_all()
    product = db.session.get(Product, v["product"].id)
    merchant = db.session.get(Merchant, v["merchant"].id)
    sub = db.session.get(SubOrder, v["sub"].id)
    texts = db.session.scalar(db.select(db.func.count(ProductTranslation.product_id)))
    return (
        product is not None and (product.sku, product.hidden, product.moderation_reason, product.price_fen,
                                 len(product.images), tuple(sorted(product.translations))),
        merchant.status, merchant.rejection_reason, dict(merchant.names), texts,
        (sub.status, sub.carrier, sub.tracking_no),
    )  # fmt: skip


def _walk(app, client, v, allowed):
    before = _state(v)
    seen = 0
    data = {"reason": "stolen", "hidden": "0", "direction": "up", "currency": "RUB", "rate": "99",
            "sku": "HACK", "name_zh": "x", "carrier": "X", "tracking_no": "Y", "id": "all"}  # fmt: skip
    secrets = (VICTIM_SKU, VICTIM_NAME, VICTIM_COMPANY, "%VICTIM", v["sub"].number, VICTIM_BUYER)
    for rule, method in _routes(app):
        url = _url(rule, v)
        response = client.open(url, method=method, data=data if method == "POST" else None)
        body = response.get_data().decode("utf-8", "replace")  # PDFs too
        assert response.status_code in allowed(rule, method), (method, url, response.status_code)
        if response.status_code in (301, 302, 303):
            location = response.headers["Location"]
            assert "/account/login" in location or "/merchant/" in location, (method, url, location)
        for secret in secrets:
            assert secret not in body, (method, url, secret)
        seen += 1
    assert _state(v) == before
    return seen


def test_anonymous_is_sent_to_sign_in_everywhere(app, victim):
    seen = _walk(app, client_as(app), victim, lambda rule, method: {302})
    assert seen >= 40


@pytest.mark.parametrize("role", [Role.BUYER.value, Role.PROVIDER.value])
def test_buyers_and_providers_are_refused_everywhere(app, make, victim, role):
    user = make.user(role)
    db.session.commit()
    _walk(app, client_as(app, user), victim, lambda rule, method: {403})


def test_another_merchant_never_reaches_the_victims_data(app, make, victim):
    other = make.merchant()
    make.product(other, sku="OTHER-OWN-1")
    db.session.commit()

    def allowed(rule, method):
        if rule.rule.startswith("/<lang>/operator"):
            return {403}
        if OBJECT_ARGS & set(rule.arguments):
            return {404}
        return {200, 302, 400}  # their own pages (lists, forms, exports), never the victim's rows

    _walk(app, client_as(app, other.owner), victim, allowed)


def test_merchant_without_filing_only_reaches_the_filing_form(app, make, victim):
    user = make.user(Role.MERCHANT.value)
    db.session.commit()

    def allowed(rule, method):
        if rule.rule.startswith("/<lang>/operator"):
            return {403}
        if rule.endpoint.startswith("merchant.filing_document"):
            return {404}
        if rule.endpoint in ("merchant.filing_page", "merchant.onboarding"):
            return {200}  # the filing form, and the checklist that leads to it
        return {302}  # → the filing form

    _walk(app, client_as(app, user), victim, allowed)


def test_operator_reaches_console_but_not_merchant_back_office(app, make, victim):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = client_as(app, operator)
    assert client.get("/zh/operator/").status_code == 200
    doc_url = f"/zh/operator/filings/merchant/{victim['merchant'].id}/documents/{victim['doc'].id}"
    assert client.get(doc_url).data == PDF + b"%VICTIM"
    for url in ("/zh/merchant/", "/zh/merchant/products", f"/zh/merchant/products/{victim['product'].id}",
                f"/zh/merchant/orders/{victim['sub'].id}"):  # fmt: skip
        assert client.get(url).status_code == 403
