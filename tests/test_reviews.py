"""Product reviews: only the buyer of a shipped order line, once; photos checked; text shown escaped with its
language; the merchant's reply; operator moderation with a reason (audited); figures on cards, the product
page and its schema.org JSON-LD."""

from __future__ import annotations

import io
import json
import re

import pytest
from flask.testing import FlaskClient as Client
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from whoosh import index as whoosh_index

from storefront import search
from storefront.accounts.models import Role
from storefront.catalog.ratings import ProductRating
from storefront.core.audit import AuditEntry
from storefront.core.uploads import KINDS, CheckedUpload
from storefront.extensions import db
from storefront.ordering.operations import mark_paid, ship_order
from storefront.reviews import queries
from storefront.reviews.models import ProductReview, ReviewPhoto
from storefront.reviews.operations import ReviewError, moderate, reply, write_review
from storefront.search import SearchQuery
from storefront.search.whoosh_store import build_schema, doc_fields
from tests.backoffice_helpers import image_bytes
from tests.test_search_concurrency import doc


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def _png() -> CheckedUpload:
    data = image_bytes("PNG")
    return CheckedUpload(KINDS["png"], data, "photo.png", "0" * 64)


def _counts() -> tuple[int, int]:
    return (
        db.session.scalar(select(func.count()).select_from(ProductReview)),
        db.session.scalar(select(func.count()).select_from(ReviewPhoto)),
    )


@pytest.fixture
def bought(make):
    """A buyer (Russian) whose order of a product has shipped; returns (buyer, product, line, order)."""
    merchant = make.merchant(names={"zh": "营口汽保", "en": "Yingkou Auto Tools", "ru": "Инкоу Автосервис"})
    product = make.product(merchant, texts={"ru": {"name": "Подъёмник"}, "en": {"name": "Car lift"}})
    buyer = make.user(Role.BUYER.value, locale="ru", name="Алексей")
    order = make.order([(product, 1)], currency="EUR", email=buyer.email, user_=buyer)
    mark_paid(order, payment_ref="pi_review", cause="payment_succeeded", actor="test")
    ship_order(order.sub_orders[0], "EMS", "EE123456789CN", actor="test")
    db.session.commit()
    return buyer, product, order.sub_orders[0].lines[0], order


def test_buyer_reviews_with_a_photo_and_it_shows_everywhere(app, make, bought):
    buyer, product, line, order = bought
    client = as_user(app, buyer)
    order_page = client.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert f"/ru/reviews/line/{line.id}" in order_page
    sent = client.post(
        f"/ru/reviews/line/{line.id}",
        data={"rating": "4", "body": "Надёжный подъёмник, собрали за день.",
              "photos": [(io.BytesIO(image_bytes("JPEG")), "фото.jpg")]},
        content_type="multipart/form-data",
    )  # fmt: skip
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/ru/p/{product.id}#reviews")
    [review] = queries.published(product.id)
    assert (review.rating, review.lang, review.author_name, len(review.photos)) == (4, "ru", "Алексей", 1)
    assert db.session.get(ProductRating, product.id).average == 4.0

    page = app.test_client().get(f"/en/p/{product.id}").get_data(as_text=True)  # anonymous, cached fragment
    assert "Надёжный подъёмник" in page and 'data-lang="ru"' in page and "written in Russian" in page
    assert 'data-rating="4.0" data-count="1"' in page
    [ld] = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)]
    assert ld["@type"] == "Product" and ld["offers"]["@type"] == "Offer" and ld["offers"]["priceCurrency"] == "CNY"
    assert ld["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": 4.0, "reviewCount": 1,
                                     "bestRating": 5, "worstRating": 1}  # fmt: skip
    cat = app.test_client().get(f"/en/c/{product.category.cluster.slug}/{product.category.slug}/")
    assert "card-rating" in cat.get_data(as_text=True)


def test_only_the_buyer_once_after_shipping(app, make, bought):
    buyer, product, line, order = bought
    stranger = make.user(Role.BUYER.value)
    db.session.commit()
    with pytest.raises(ReviewError) as refused:
        write_review(stranger, line, 5, "fake praise")
    assert refused.value.code == "not_buyer"
    # over HTTP a stranger does not even learn the line exists
    assert as_user(app, stranger).post(f"/en/reviews/line/{line.id}", data={"rating": "5"}).status_code == 404
    write_review(buyer, line, 5, "Отлично")
    db.session.commit()
    with pytest.raises(ReviewError) as again:
        write_review(buyer, line, 1, "second try")
    assert again.value.code == "reviewed"
    assert _counts() == (1, 0)
    # an unshipped purchase cannot be reviewed yet
    unshipped = make.order([(product, 1)], currency="EUR", email=buyer.email, user_=buyer)
    db.session.commit()
    with pytest.raises(ReviewError) as early:
        write_review(buyer, unshipped.sub_orders[0].lines[0], 5, "not received")
    assert early.value.code == "not_shipped"
    response = as_user(app, buyer).get(f"/en/reviews/line/{unshipped.sub_orders[0].lines[0].id}")
    assert response.status_code == 302 and _counts() == (1, 0)


def test_the_database_refuses_a_second_review_of_a_line(app, bought):
    buyer, product, line, order = bought
    write_review(buyer, line, 5, "first")
    db.session.add(ProductReview(product_id=product.id, order_line_id=line.id, rating=1, body="", lang="en",
                                 reply="", status="published", moderation_reason=""))  # fmt: skip
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00", "photo.jpg"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png"),
        (b"%PDF-1.4\n%%EOF\n", "doc.pdf"),
    ],
)
def test_fake_photos_are_refused_and_nothing_is_stored(app, bought, data, name):
    buyer, product, line, order = bought
    response = as_user(app, buyer).post(
        f"/en/reviews/line/{line.id}",
        data={"rating": "5", "body": "ok", "photos": [(io.BytesIO(data), name)]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert _counts() == (0, 0) and db.session.get(ProductRating, product.id) is None


def test_bad_ratings_long_text_and_too_many_photos(app, bought):
    buyer, product, line, order = bought
    for rating, body, photos, code in (
        (0, "", [], "rating"), (6, "", [], "rating"), ("5", "", [], "rating"), (True, "", [], "rating"),
        (5, "x" * 5001, [], "long"), (5, "", [_png()] * 4, "photos"),
    ):  # fmt: skip
        with pytest.raises(ReviewError) as refused:
            write_review(buyer, line, rating, body, photos)
        assert refused.value.code == code
    assert _counts() == (0, 0)


def test_html_in_reviews_and_replies_is_shown_as_text(app, bought):
    buyer, product, line, order = bought
    review = write_review(buyer, line, 3, "<script>alert(1)</script><b>x</b>")
    reply(review, product.merchant.owner, '<img src=x onerror="alert(2)">')
    db.session.commit()
    page = app.test_client().get(f"/en/p/{product.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_merchant_replies_once_and_only_to_its_own(app, make, bought):
    buyer, product, line, order = bought
    review = write_review(buyer, line, 2, "Долго шло")
    db.session.commit()
    other = make.merchant()
    db.session.commit()
    assert as_user(app, other.owner).post(f"/en/reviews/{review.id}/reply", data={"reply": "x"}).status_code == 404
    owner = as_user(app, product.merchant.owner)
    assert "Долго шло" in owner.get("/zh/reviews/merchant").get_data(as_text=True)
    assert owner.post(f"/zh/reviews/{review.id}/reply", data={"reply": "抱歉，春节期间物流较慢。"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(ProductReview, review.id).reply == "抱歉，春节期间物流较慢。"
    with pytest.raises(ReviewError) as again:
        reply(db.session.get(ProductReview, review.id), product.merchant.owner, "again")
    assert again.value.code == "replied"
    page = app.test_client().get(f"/ru/p/{product.id}").get_data(as_text=True)
    assert "抱歉，春节期间物流较慢。" in page


def test_operator_hides_with_a_reason_and_the_figures_follow(app, make, bought):
    buyer, product, line, order = bought
    review = write_review(buyer, line, 1, "Спам: купите у нас дешевле")
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = as_user(app, operator)
    assert "Спам" in client.get("/en/operator/reviews/").get_data(as_text=True)
    refused = client.post(f"/en/operator/reviews/{review.id}", data={"action": "hide", "reason": ""})
    assert refused.status_code == 302 and db.session.get(ProductReview, review.id).status == "published"
    hidden = client.post(f"/en/operator/reviews/{review.id}", data={"action": "hide", "reason": "Advertising"})
    assert hidden.status_code == 302
    db.session.expire_all()
    assert db.session.get(ProductReview, review.id).status == "hidden"
    assert db.session.get(ProductRating, product.id).rating_count == 0
    assert "Спам" not in app.test_client().get(f"/en/p/{product.id}").get_data(as_text=True)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "review.hide")).one()
    assert entry.after == {"status": "hidden", "moderation_reason": "Advertising"}
    assert moderate(db.session.get(ProductReview, review.id), operator, False, "Checked: a real buyer")
    db.session.commit()
    assert db.session.get(ProductRating, product.id).rating_count == 1
    # merchants and buyers cannot moderate
    for role in (Role.MERCHANT.value, Role.BUYER.value):
        user = make.user(role)
        db.session.commit()
        response = as_user(app, user).post(f"/en/operator/reviews/{review.id}", data={"action": "hide", "reason": "x"})
        assert response.status_code == 403


def test_reviews_are_one_signal_in_search_ranking(app, make, bought):
    buyer, product, line, order = bought
    twin = make.product(texts={"ru": {"name": "Подъёмник"}, "en": {"name": "Car lift"}})
    unrelated = make.product(texts={"en": {"name": "Garden table"}})
    db.session.commit()

    def ranked() -> list[int]:
        return [h.id for h in search.query(SearchQuery("car lift", "en")).hits]

    assert ranked() == [product.id, twin.id]  # equal text: index order
    review = write_review(buyer, line, 1, "Сломался через неделю")
    db.session.commit()
    assert ranked() == [twin.id, product.id]  # the one-star review moves it down, nothing else changes
    assert unrelated.id not in ranked()
    moderate(review, make.user(Role.OPERATOR.value), True, "Not about the product")
    db.session.commit()
    scores = {h.id: h.score for h in search.query(SearchQuery("car lift", "en")).hits}
    assert scores[product.id] == pytest.approx(scores[twin.id])  # hidden reviews leave the ranking too


def test_an_index_built_before_the_rating_field_still_takes_documents(tmp_path):
    old = build_schema()
    old.remove("rating")
    ix = whoosh_index.create_in(str(tmp_path), old)
    reviewed = doc(1)
    reviewed.rating_signal = 50
    with ix.writer() as w:
        w.add_document(**doc_fields(reviewed, w.schema))  # no "rating" field: dropped, not an error
    assert ix.doc_count() == 1
    assert doc_fields(reviewed)["rating"] == 50
