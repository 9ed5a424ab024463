"""Seller profiles and the credit rating: figures from orders, customs, messages and reviews; the formula the
explanation page shows; the operator's override with a logged reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient as Client
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.catalog.ratings import ProductRating
from storefront.clearance.models import CaseEvent, ClearanceCase
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.messaging.models import Message
from storefront.messaging.operations import contact_about_product, open_conversation
from storefront.ordering.operations import mark_paid, ship_order
from storefront.trust import credit
from storefront.trust.models import CreditOverride
from storefront.trust.operations import CreditError, set_override


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def test_formula_weights_add_up_and_grades_follow_the_score():
    assert sum(credit.WEIGHTS.values()) == pytest.approx(1)
    empty = credit.Figures(years=None, filing_verified=True, documents=0, shipped_on_time=0, shipped_counted=0,
                           customs_refused=0, customs_cases=0, response_hours=None, replies_counted=0,
                           review_average=None, review_count=0)  # fmt: skip
    new_seller = credit.rate(empty)  # verified, no history: neutral figures, no years
    assert new_seller.score == round(100 * (0.15 + 0.5 * (0.25 + 0.20 + 0.10 + 0.20)))  # 53
    assert new_seller.grade == "D"
    best = credit.Figures(years=12, filing_verified=True, documents=2, shipped_on_time=50, shipped_counted=50,
                          customs_refused=0, customs_cases=50, response_hours=1.0, replies_counted=9,
                          review_average=5.0, review_count=20)  # fmt: skip
    assert (credit.rate(best).score, credit.rate(best).grade) == (100, "A")
    poor = credit.Figures(years=1, filing_verified=True, documents=0, shipped_on_time=1, shipped_counted=4,
                          customs_refused=1, customs_cases=4, response_hours=72.0, replies_counted=3,
                          review_average=2.0, review_count=3)  # fmt: skip
    parts = credit.components(poor)
    assert parts["customs"] == 0 and parts["response"] == 0 and parts["on_time"] == 0.25
    assert credit.grade_of(credit.rate(poor).score) == "D"
    assert [credit.grade_of(s) for s in (85, 84, 70, 69, 55, 54)] == ["A", "B", "B", "C", "C", "D"]


@pytest.fixture
def seller(make):
    """A seller founded five years ago with two paid orders (one shipped late), a customs refusal, a question
    answered after two hours and two reviews."""
    now = datetime.now(UTC)
    merchant = make.merchant(founded=now.year - 5, names={"zh": "大石桥镁砂厂", "en": "Dashiqiao Magnesia"})
    product = make.product(merchant)
    buyer = make.user(Role.BUYER.value, locale="ru")
    orders = []
    for paid_days_ago, shipped_after in ((20, 2), (12, 9)):
        order = make.order([(product, 1)], currency="EUR", email=buyer.email, user_=buyer)
        mark_paid(order, payment_ref=f"pi_{paid_days_ago}", cause="payment_succeeded", actor="test")
        ship_order(order.sub_orders[0], "EMS", f"EE{paid_days_ago}CN", actor="test")
        order.paid_at = now - timedelta(days=paid_days_ago)
        order.sub_orders[0].shipped_at = order.paid_at + timedelta(days=shipped_after)
        orders.append(order)
    case = db.session.scalars(select(ClearanceCase).where(ClearanceCase.merchant_id == merchant.id)).first()
    if case is not None:
        db.session.add(CaseEvent(case_id=case.id, status="rejected", previous="declared", source="test", at=now))
    conversation = contact_about_product(buyer, product, "Какое содержание MgO?", [])
    question = db.session.scalars(select(Message).where(Message.conversation_id == conversation.id)).one()
    question.created_at = now - timedelta(hours=5)
    db.session.add(Message(conversation_id=conversation.id, author_id=merchant.owner_id, party="merchant",
                           body="MgO ≥ 97 %", lang="zh", created_at=now - timedelta(hours=3)))  # fmt: skip
    db.session.add(ProductRating(product_id=product.id, rating_sum=9, rating_count=2))
    db.session.commit()
    return merchant


def test_figures_come_from_orders_customs_messages_and_reviews(app, seller):
    figures = credit.figures(seller)
    cases = db.session.scalar(select(db.func.count(ClearanceCase.id)).where(ClearanceCase.merchant_id == seller.id))
    assert figures.years == 5 and figures.filing_verified
    assert (figures.shipped_on_time, figures.shipped_counted) == (1, 2)
    assert (figures.customs_refused, figures.customs_cases) == (1 if cases else 0, cases)
    assert figures.response_hours == 2.0 and figures.replies_counted == 1
    assert (figures.review_average, figures.review_count) == (4.5, 2)
    rating = credit.rate(figures)
    customs = credit.components(figures)["customs"]
    assert rating.score == round(100 * (0.15 + 0.10 * 0.5 + 0.25 * 0.5 + 0.20 * customs + 0.10 * 1 + 0.20 * 0.875))


def test_unanswered_questions_count_as_the_cap(app, make, seller):
    buyer = make.user(Role.BUYER.value)
    late = open_conversation("product", 1, "product:1:user:late", [(buyer, "buyer"), (seller.owner, "merchant")])
    db.session.add(Message(conversation_id=late.id, author_id=buyer.id, party="buyer", body="?", lang="en",
                           created_at=datetime.now(UTC) - timedelta(days=5)))  # fmt: skip
    db.session.commit()
    figures = credit.figures(seller)
    assert figures.replies_counted == 2 and figures.response_hours == (2.0 + credit.RESPONSE_CAP_HOURS) / 2


def test_profile_and_explanation_pages(app, seller):
    client = app.test_client()
    page = client.get(f"/ru/sellers/{seller.slug}").get_data(as_text=True)
    rating = credit.rate(credit.figures(seller))
    assert f'data-grade="{rating.grade}"' in page and "/ru/credit-rating" in page
    assert 'data-figure="on_time"' in page and "50 %" in page
    assert client.get("/ru/sellers/no-such-seller").status_code == 404
    explanation = client.get("/ru/credit-rating").get_data(as_text=True)
    for name, weight in credit.WEIGHTS.items():
        assert f'data-component="{name}"' in explanation and f"{round(weight * 100)} %" in explanation
    assert 'data-grade="A"' in explanation
    product_page = client.get(f"/ru/m/{seller.slug}").get_data(as_text=True)
    assert f"/ru/sellers/{seller.slug}" in product_page


def test_operator_overrides_with_a_logged_reason(app, make, seller):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = as_user(app, operator)
    url = f"/en/operator/sellers/{seller.id}/rating"
    assert 'id="credit-components"' in client.get(url).get_data(as_text=True)
    refused = client.post(url, data={"grade": "A", "reason": ""})
    assert refused.status_code == 200 and db.session.get(CreditOverride, seller.id) is None
    assert client.post(url, data={"grade": "D", "reason": "Three unresolved complaints"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(CreditOverride, seller.id).grade == "D"
    page = app.test_client().get(f"/en/sellers/{seller.slug}").get_data(as_text=True)
    assert 'data-grade="D"' in page and "set by the platform operator" in page
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "credit.override")).one()
    assert entry.after == {"grade": "D", "reason": "Three unresolved complaints"} and entry.actor_id == operator.id
    assert client.post(url, data={"grade": "", "reason": "Complaints resolved"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(CreditOverride, seller.id) is None
    assert db.session.scalars(select(AuditEntry).where(AuditEntry.action == "credit.override_removed")).one()
    with pytest.raises(CreditError):
        set_override(seller, operator, "Z", "typo")
    for role in (Role.MERCHANT.value, Role.BUYER.value):
        user = make.user(role)
        db.session.commit()
        assert as_user(app, user).post(url, data={"grade": "A", "reason": "me"}).status_code == 403
    assert db.session.get(CreditOverride, seller.id) is None
