"""Back-office pages in Chinese show people words, not technical values: statuses through their labels, money
formatted, and payment ids only inside a "technical details" fold."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from lxml import html

from storefront.accounts import filing
from storefront.accounts.models import Role
from storefront.catalog import moderation
from storefront.core import rates
from storefront.extensions import db
from storefront.ordering import operations as order_ops
from tests.backoffice_helpers import client_as
from tests.test_translations import _english_ui_strings

#: Status codes and ids that must never be read as page text (outside a technical-details fold or code).
RAW = re.compile(
    r"\b(pending_payment|paid|shipped|delivered|cancelled|refunded|requested|pending|approved|"
    r"rejected|in_progress|declared|released|pi_[A-Za-z0-9]+|re_[A-Za-z0-9]+|ch_[A-Za-z0-9]+)\b"
)


def _paid(make, product, qty, country, currency):
    order = make.order([(product, qty)], country=country, currency=currency)
    order_ops.mark_paid(order, payment_ref=f"pi_3Tech{order.id}Id", cause="payment_succeeded", actor="test")
    return order


@pytest.fixture
def day(app, make):
    """A merchant with a paid and a shipped order, an operator; pages to read."""
    merchant = make.merchant(owner=make.user(Role.MERCHANT.value, locale="zh"))
    product = make.product(
        merchant, sku="SW-1", price_fen=12850, stock=100, texts={"zh": {"name": "女式泳衣"}, "en": {"name": "Swimsuit"}}
    )
    paid = _paid(make, product, 3, "RU", "EUR")
    shipped = _paid(make, product, 1, "KR", "KRW")
    order_ops.ship_order(shipped.sub_orders[0], "EMS", "EA123456789CN", actor="test")
    operator = make.user(Role.OPERATOR.value)
    pending = make.merchant(status="pending")
    db.session.flush()
    filing.approve(pending, operator)
    hidden = make.product(merchant, sku="SW-2")
    moderation.hide(hidden, operator, "图片不清晰")
    rates.set_rate("RUB", Decimal("12.90"), operator)
    db.session.commit()
    return merchant, operator, paid.sub_orders[0], shipped.sub_orders[0]


def _visible(page: str) -> str:
    """Text a person reads: without scripts, code samples and technical-details folds."""
    tree = html.fromstring(page)
    for el in tree.xpath("//script|//style|//code|//details[contains(@class, 'tech')]|//*[@lang and not(self::html)]"):
        el.drop_tree()
    parts = [tree.text_content()]
    for attr in ("title", "aria-label", "placeholder", "alt"):
        parts += tree.xpath(f"//@{attr}")
    return "\n".join(parts)


def _problems(page: str) -> list[str]:
    text = _visible(page)
    found = sorted(set(RAW.findall(text)))
    english = sorted(f for f in _english_ui_strings() if len(f) > 12 and f in text)
    return found + english


def test_merchant_pages_in_chinese_show_no_technical_values(app, day):
    merchant, _operator, paid, shipped = day
    client = client_as(app, merchant.owner)
    for url in (
        "/zh/merchant/",
        "/zh/merchant/orders",
        f"/zh/merchant/orders/{paid.id}",
        f"/zh/merchant/orders/{shipped.id}",
        "/zh/merchant/money",
        "/zh/merchant/products",
    ):
        page = client.get(url).get_data(as_text=True)
        assert _problems(page) == [], url


def test_operator_pages_in_chinese_show_no_technical_values(app, day):
    _merchant, operator, paid, _shipped = day
    client = client_as(app, operator)
    for url in (
        "/zh/operator/",
        "/zh/operator/audit",
        "/zh/operator/refunds",
        "/zh/operator/payouts",
        "/zh/operator/stats",
        "/zh/operator/rates/",
        "/zh/operator/clearance/",
    ):
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert _problems(response.get_data(as_text=True)) == [], url


def test_payment_ids_sit_in_the_technical_details_fold(app, day):
    merchant, _operator, paid, _shipped = day
    page = client_as(app, merchant.owner).get(f"/zh/merchant/orders/{paid.id}").get_data(as_text=True)
    fold = html.fromstring(page).xpath("//details[contains(@class, 'tech')]")
    assert fold and paid.order.payment_ref in fold[0].text_content()
    assert "技术信息" in fold[0].text_content()


def test_audit_log_reads_in_words_with_codes_in_the_fold(app, day):
    _merchant, operator, _paid, _shipped = day
    page = client_as(app, operator).get("/zh/operator/audit").get_data(as_text=True)
    assert "备案已通过" in page and "汇率已修改" in page and "商品被管控隐藏" in page
    assert "待审核" in page  # the filing status before approval, as a label
    fold = " ".join(d.text_content() for d in html.fromstring(page).xpath("//details[contains(@class, 'tech')]"))
    assert "filing.approve" in fold and "merchants" in fold
