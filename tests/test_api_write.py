"""The merchant REST API's write side (issue 18): products through the back office's operations (listing review,
customs-data review), variant stock and price, shipping through the back office's operation; Idempotency-Key;
problem objects translated by Accept-Language; scopes, revocation, other merchants' objects; rate limit per key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from storefront.accounts import api_keys
from storefront.catalog.models import Product
from storefront.catalog.reviews import ListingReview
from storefront.clearance import operations as clearance_ops
from storefront.clearance.models import OutboxMessage
from storefront.core import periodic
from storefront.extensions import db, limiter
from storefront.integrations import webhooks
from storefront.ordering import operations as order_ops
from storefront.ordering.models import SubOrder
from tests.backoffice_helpers import client_as
from tests.fixtures import make_app

API = "/api/merchant/v1"
ALL = ["products:read", "products:write", "orders:read", "orders:write"]


def _key(merchant, scopes=ALL) -> str:
    _row, text = api_keys.create(merchant.id, "ERP", scopes, merchant.owner)
    db.session.commit()
    return text


class Api:
    """A test client that sends the key (and optional headers) with every request."""

    def __init__(self, app, key: str, lang: str = "en") -> None:
        self.client, self.headers = app.test_client(), {"Authorization": f"Bearer {key}", "Accept-Language": lang}

    def __getattr__(self, method):
        def call(path, json=None, **headers):
            return getattr(self.client, method)(API + path, json=json, headers={**self.headers, **headers})

        return call


@pytest.fixture
def shop(app, make):
    merchant = make.merchant()
    product = make.product(merchant, sku="API-1", stock=7, price_fen=12800)
    order = make.order([(product, 2)])
    order_ops.mark_paid(order, payment_ref="pi_api_w", cause="payment_succeeded", actor="test")
    db.session.commit()
    return merchant, product, order.sub_orders[0]


def _new_product(make, **extra) -> dict:
    category = make.category()
    make.city("dalian")
    db.session.commit()
    body = {
        "sku": "NEW-1", "category_id": category.id, "hs_code": "7228300000", "customs_name": "合金钢圆钢",
        "customs_unit": "035", "origin_city": "dalian", "net_weight_g": 1000, "gross_weight_g": 1100,
        "price_fen": 25000, "texts": {"zh": {"name": "圆钢"}, "en": {"name": "Round bar"}},
        "tiers": [{"min_qty": 10, "price_fen": 24000}],
    }  # fmt: skip
    return {**body, **extra}


def test_create_is_a_draft_held_for_review_like_the_form(app, shop, make):
    merchant, _product, _sub = shop
    api = Api(app, _key(merchant))
    app.config["LISTING_REVIEW_FIRST_N"] = 5
    try:
        created = api.post("/products", _new_product(make, hidden=False))
    finally:
        app.config["LISTING_REVIEW_FIRST_N"] = 0
    assert created.status_code == 201, created.json
    body = created.json
    assert body["sku"] == "NEW-1" and body["tiers"] == [{"min_qty": 10, "price_fen": 24000}]
    assert body["hidden"] is True and [r["kind"] for r in body["reviews"]] == ["new"]  # the form's review queue
    review = db.session.scalars(select(ListingReview).where(ListingReview.product_id == body["id"])).one()
    assert review.proposed == {"hidden": False}  # shown once an operator approves
    draft = api.post("/products", _new_product(make, sku="NEW-2"))
    assert draft.status_code == 201 and draft.json["hidden"] is True and draft.json["reviews"] == []


def test_field_errors_are_problems_in_the_callers_language(app, shop, make):
    merchant, _product, _sub = shop
    key = _key(merchant)
    english = Api(app, key).post("/products", _new_product(make, price_fen=0, sku="bad sku!", colour="red"))
    assert english.status_code == 422 and english.mimetype == "application/problem+json"
    assert set(english.json["errors"]) == {"colour"}  # unknown fields are refused before the rules run
    english = Api(app, key).post("/products", _new_product(make, price_fen=0, sku="bad sku!"))
    assert english.json["status"] == 422 and set(english.json["errors"]) >= {"price_fen", "sku"}
    russian = Api(app, key, "ru-RU,ru;q=0.9").post("/products", _new_product(make, price_fen=0, sku="bad sku!"))
    assert russian.json["errors"]["price_fen"] != english.json["errors"]["price_fen"]
    assert russian.json["title"] != english.json["title"]
    typed = Api(app, key).post("/products", _new_product(make, price_fen="128.50", hidden="no", texts=[]))
    assert set(typed.json["errors"]) == {"price_fen", "hidden", "texts"}
    missing_name = Api(app, key).post("/products", _new_product(make, texts={"ru": {"name": "Пруток"}}))
    assert "texts.zh.name" in missing_name.json["errors"]
    assert Api(app, key).post("/products", [1, 2]).status_code == 400
    not_json = Api(app, key).client.post(f"{API}/products", data="sku=x", headers=Api(app, key).headers)
    assert not_json.status_code == 415 and not_json.json["status"] == 415
    assert db.session.scalar(select(func.count()).select_from(Product)) == 1  # nothing was created


def test_customs_change_of_a_live_product_goes_to_review(app, shop):
    merchant, product, _sub = shop
    api = Api(app, _key(merchant))
    changed = api.patch(f"/products/{product.id}", {"hs_code": "7228309000", "texts": {"ru": {"name": "Пруток"}}})
    assert changed.status_code == 200, changed.json
    assert changed.json["hs_code"] == "7228300000"  # the live value stays until an operator approves
    assert changed.json["reviews"] == [{"kind": "customs", "proposed": {"hs_code": "7228309000"}}]
    assert changed.json["texts"]["ru"]["name"] == "Пруток" and "zh" in changed.json["texts"]  # other languages kept
    price = api.patch(f"/products/{product.id}", {"price_fen": 13000, "moq": 2})
    assert (price.json["price_fen"], price.json["moq"]) == (13000, 2)
    bad = api.patch(f"/products/{product.id}", {"tiers": [{"min_qty": 5, "price_fen": 20000}]})
    assert bad.status_code == 422 and "tiers" in bad.json["errors"]  # a tier dearer than the base price


def test_variant_stock_and_price(app, shop, make):
    merchant, product, _sub = shop
    api = Api(app, _key(merchant))
    [only] = api.get(f"/products/{product.id}/variants").json["items"]
    plain = api.patch(f"/variants/{only['id']}", {"stock": 40, "price_fen": 9900})
    assert plain.status_code == 200 and (plain.json["stock"], plain.json["price_fen"]) == (40, 9900)
    db.session.expire_all()
    assert (db.session.get(Product, product.id).price_fen, db.session.get(Product, product.id).stock) == (9900, 40)
    assert api.patch(f"/variants/{only['id']}", {"price_fen": None}).status_code == 422
    swimsuit = make.product(merchant, sku="SW-1")
    variants = make.with_variants(swimsuit, {"size": ["S", "M"]}, stock=3)
    db.session.commit()
    medium = variants[("M",)]
    own = api.patch(f"/variants/{medium.id}", {"stock": 12, "price_fen": 15000})
    assert (own.json["stock"], own.json["price_fen"], own.json["own_price"]) == (12, 15000, True)
    assert own.json["sku"] == "SW-1-2"
    back = api.patch(f"/variants/{medium.id}", {"price_fen": None})
    assert back.json["own_price"] is False and back.json["price_fen"] == swimsuit.price_fen and back.json["stock"] == 12
    for bad in ({"stock": -1}, {"stock": 1.5}, {"price_fen": 0}, {"colour": "red"}):
        assert api.patch(f"/variants/{medium.id}", bad).status_code == 422, bad


def test_ship_uses_the_back_office_operation(app, shop, make):
    merchant, _product, sub = shop
    webhooks.add_endpoint(merchant.id, "http://127.0.0.1:9/hook", ["order.shipped"], merchant.owner)
    db.session.commit()
    api = Api(app, _key(merchant))
    assert api.get(f"/orders/{sub.number}").json["status"] == "paid"
    assert api.post(f"/orders/{sub.number}/ship", {"carrier": "EMS"}).status_code == 422
    shipped = api.post(f"/orders/{sub.number}/ship", {"carrier": "EMS", "tracking_no": "EE123456789CN"})
    assert shipped.status_code == 200, shipped.json
    assert (shipped.json["status"], shipped.json["tracking_no"]) == ("shipped", "EE123456789CN")
    assert shipped.json["shipped_at"] and shipped.json["lines"][0]["unit_price_minor"] > 0
    [delivery] = webhooks.deliveries_of(merchant.id)
    assert delivery.event == "order.shipped" and delivery.payload["tracking_no"] == "EE123456789CN"
    case = clearance_ops.case_for(sub.id)
    kinds = set(db.session.scalars(select(OutboxMessage.kind).where(OutboxMessage.case_id == case.id)))
    assert "CEB603" in kinds  # the inventory list went to the clearance outbox with the shipment
    again = api.post(f"/orders/{sub.number}/ship", {"carrier": "EMS", "tracking_no": "EE999999999CN"})
    assert again.status_code == 409
    db.session.expire_all()
    assert db.session.get(SubOrder, sub.id).tracking_no == "EE123456789CN"


def test_idempotency_key_replays_the_first_answer(app, shop, make):
    merchant, product, _sub = shop
    key = _key(merchant)
    api = Api(app, key)
    body = _new_product(make, sku="IDEM-1")
    first = api.post("/products", body, **{"Idempotency-Key": "order-42"})
    replay = api.post("/products", body, **{"Idempotency-Key": "order-42"})
    assert first.status_code == replay.status_code == 201
    assert replay.json == first.json and replay.headers["Idempotent-Replayed"] == "true"
    assert db.session.scalar(select(func.count()).select_from(Product).where(Product.sku == "IDEM-1")) == 1
    other = api.post("/products", {**body, "sku": "IDEM-2"}, **{"Idempotency-Key": "order-42"})
    assert other.status_code == 422 and other.json["status"] == 422  # the same key for another request
    assert db.session.scalar(select(func.count()).select_from(Product).where(Product.sku == "IDEM-2")) == 0
    stock = api.patch(f"/products/{product.id}", {"stock": 50}, **{"Idempotency-Key": "stock-1"})
    api.patch(f"/products/{product.id}", {"stock": 60})  # a change in between, without a key
    assert api.patch(f"/products/{product.id}", {"stock": 50}, **{"Idempotency-Key": "stock-1"}).json == stock.json
    db.session.expire_all()
    assert db.session.get(Product, product.id).stock == 60  # the replay changed nothing
    refused = api.post("/products", {**body, "sku": "bad sku!"}, **{"Idempotency-Key": "bad-1"})
    assert refused.status_code == 422
    assert api.post("/products", {**body, "sku": "bad sku!"}, **{"Idempotency-Key": "bad-1"}).json == refused.json
    assert api.post("/products", body, **{"Idempotency-Key": "x" * 101}).status_code == 400
    second_key = Api(app, _key(merchant))  # keys are per API key: another key may use the same text
    assert second_key.post("/products", {**body, "sku": "IDEM-3"}, **{"Idempotency-Key": "order-42"}).status_code == 201


def test_scopes_revocation_and_other_merchants(app, shop, make):
    merchant, product, sub = shop
    reader = Api(app, _key(merchant, ["products:read", "orders:read"]))
    forbidden = reader.patch(f"/products/{product.id}", {"price_fen": 1})
    assert forbidden.status_code == 403 and forbidden.mimetype == "application/problem+json"
    assert reader.post(f"/orders/{sub.number}/ship", {"carrier": "X", "tracking_no": "Y"}).status_code == 403
    stranger = make.merchant()
    db.session.commit()
    thief = Api(app, _key(stranger))
    variant_id = product.variants[0].id
    assert thief.get(f"/products/{product.id}").status_code == 404
    assert thief.get(f"/products/{product.id}/variants").status_code == 404
    assert thief.patch(f"/products/{product.id}", {"price_fen": 1}).status_code == 404
    assert thief.patch(f"/variants/{variant_id}", {"stock": 0}).status_code == 404
    assert thief.get(f"/orders/{sub.number}").status_code == 404
    assert thief.post(f"/orders/{sub.number}/ship", {"carrier": "X", "tracking_no": "Y"}).status_code == 404
    assert thief.get("/products/99999999999").status_code == 404  # beyond any id: not found, not a crash
    unknown = thief.get("/nothing-here")
    assert unknown.status_code == 404 and unknown.mimetype == "application/problem+json"  # even unrouted URLs
    assert thief.delete(f"/products/{product.id}").json["status"] == 405
    text = _key(merchant)
    [row, *_] = api_keys.keys_of(merchant.id)
    api_keys.revoke(row, merchant.owner)
    db.session.commit()
    revoked = Api(app, text).patch(f"/products/{product.id}", {"price_fen": 1})
    assert revoked.status_code == 401 and revoked.headers["WWW-Authenticate"].startswith("Bearer")
    assert Api(app, text, "zh-CN").get("/products").json["title"] != revoked.json["title"]  # translated
    db.session.expire_all()
    assert db.session.get(Product, product.id).price_fen == 12800
    assert db.session.get(SubOrder, sub.id).status == "paid"


def test_rate_limit_counts_per_key(app, shop, make):
    merchant, _product, _sub = shop
    first, second = _key(merchant), _key(merchant)
    limited = make_app(
        app.config["DATA_DIR"], app.config["SQLALCHEMY_DATABASE_URI"], RATELIMIT_ENABLED=True,
        API_RATE_LIMIT="3 per minute",
    )  # fmt: skip
    try:
        codes = [Api(limited, first).get("/products").status_code for _ in range(4)]
        other = Api(limited, second).get("/products")
    finally:
        limiter.enabled = False  # the limiter object is shared by every app in the test session
        limiter.reset()
    assert codes == [200, 200, 200, 429] and other.status_code == 200


def test_two_requests_racing_with_one_key_apply_once(app, shop, make, monkeypatch):
    """The second of two requests with one Idempotency-Key that both passed the look-up fails on the unique key:
    409, and its change is rolled back with it."""
    merchant, _product, _sub = shop
    api = Api(app, _key(merchant))
    body = _new_product(make, sku="RACE-1")
    assert api.post("/products", body, **{"Idempotency-Key": "race"}).status_code == 201
    monkeypatch.setattr(api_keys, "earlier_request", lambda key, token: None)  # the twin has not committed yet
    twin = api.post("/products", {**body, "sku": "RACE-2"}, **{"Idempotency-Key": "race"})
    assert twin.status_code == 409 and twin.json["status"] == 409
    skus = set(db.session.scalars(select(Product.sku).where(Product.sku.like("RACE-%"))))
    assert skus == {"RACE-1"}


def test_write_scopes_are_offered_on_the_keys_page(app, shop):
    merchant, _product, _sub = shop
    page = client_as(app, merchant.owner).get("/zh/merchant/api-keys").get_data(as_text=True)
    assert 'value="products:write"' in page and 'value="orders:write"' in page
    assert "创建和修改商品、价格与库存" in page and "将订单标记为已发货" in page


def test_idempotency_keys_are_kept_24_hours_then_purged_by_the_worker(app, shop, make):
    merchant, product, _sub = shop
    api = Api(app, _key(merchant))
    first = api.patch(f"/products/{product.id}", {"stock": 50}, **{"Idempotency-Key": "stock-day"})
    api.patch(f"/products/{product.id}", {"stock": 60}, **{"Idempotency-Key": "other"})
    day_ago = datetime.now(UTC) - api_keys.IDEMPOTENCY_KEEP - timedelta(minutes=1)
    db.session.execute(
        update(api_keys.IdempotentRequest)
        .where(api_keys.IdempotentRequest.key == "stock-day")
        .values(created_at=day_ago)
    )
    db.session.commit()
    again = api.patch(f"/products/{product.id}", {"stock": 50}, **{"Idempotency-Key": "stock-day"})
    assert again.status_code == first.status_code and "Idempotent-Replayed" not in again.headers  # a new request
    db.session.expire_all()
    assert db.session.get(Product, product.id).stock == 50  # … that was applied
    db.session.execute(update(api_keys.IdempotentRequest).values(created_at=day_ago))
    db.session.commit()
    assert "api.purge_idempotency_keys" in periodic._JOBS
    periodic._JOBS["api.purge_idempotency_keys"].func()
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(api_keys.IdempotentRequest)) == 0
    api.patch(f"/products/{product.id}", {"stock": 70}, **{"Idempotency-Key": "fresh"})
    assert api_keys.purge_idempotency_keys() == 0  # an answer of a moment ago is kept
    assert db.session.scalar(select(func.count()).select_from(api_keys.IdempotentRequest)) == 1


def test_quantities_are_read_and_written_in_the_unit_of_sale(app, shop, make):
    """A tonne product: MOQ, step, stock and tier breaks as numbers or decimal strings in tonnes (stored in kg);
    a decimal for a piece product is a 422."""
    merchant, product, _sub = shop
    api = Api(app, _key(merchant))
    body = _new_product(make, sku="MG-1", unit="tonne", moq=0.5, qty_step="0.5", stock="12,5")
    body["tiers"] = [{"min_qty": 2.5, "price_fen": 24000}]
    created = api.post("/products", body)
    assert created.status_code == 201, created.json
    made = db.session.get(Product, created.json["id"])
    assert (made.moq, made.qty_step, made.stock, made.tiers[0].min_qty) == (500, 500, 12_500, 2500)
    assert (created.json["moq"], created.json["stock"], created.json["tiers"][0]["min_qty"]) == (0.5, 12.5, 2.5)
    variant = made.default_variant.id
    assert api.patch(f"/variants/{variant}", {"stock": 3.75}).json["stock"] == 3.75
    too_fine = api.patch(f"/variants/{variant}", {"stock": "1.0005"})
    assert too_fine.status_code == 422 and set(too_fine.json["errors"]) == {"stock"}
    pieces = api.patch(f"/products/{product.id}", {"moq": 1.5})
    assert pieces.status_code == 422 and set(pieces.json["errors"]) == {"moq"}
    assert api.get(f"/products/{product.id}").json["moq"] == 1  # piece units stay whole numbers
