"""E-mails in the recipient's language for a filing decision and a product hidden by moderation; the
merchant's appeal lands in the operators' queue, which restores the product or keeps it hidden with an answer."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from storefront.accounts import filing
from storefront.accounts.models import Role
from storefront.catalog import appeals, moderation
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from tests.backoffice_helpers import client_as


def _mails_to(app, to: str) -> list:
    folder = Path(app.config["DATA_DIR"]) / "mail"
    found = []
    for f in sorted(folder.glob("*.eml")) if folder.exists() else ():
        message = email.message_from_bytes(f.read_bytes(), policy=policy.default)
        if to in str(message["To"]):
            found.append(message)
    return found


def _body(message) -> str:
    return message.get_body(("plain",)).get_content()


@pytest.fixture
def operator(make):
    return make.user(Role.OPERATOR.value, email="mod@kuajing.example")


@pytest.mark.parametrize(
    ("locale", "approved", "subject"),
    [
        ("zh", True, "您的企业备案已通过"),
        ("ru", False, "Регистрация вашей компании не одобрена"),
    ],
)
def test_filing_decision_mail_in_the_owners_language(app, make, operator, locale, approved, subject):
    owner = make.user(Role.MERCHANT.value, locale=locale)
    merchant = make.merchant(status="pending", owner=owner, contact_email=f"filing-{locale}@haiyun.example.cn")
    db.session.commit()
    if approved:
        filing.approve(merchant, operator)
    else:
        filing.reject(merchant, operator, "营业执照照片不清晰")
    assert not _mails_to(app, merchant.contact_email)  # sent after the commit, not before
    db.session.commit()
    [mail] = _mails_to(app, merchant.contact_email)
    assert mail["Subject"] == subject
    body = _body(mail)
    if approved:
        assert "/zh/merchant/welcome" in body
    else:
        assert "营业执照照片不清晰" in body and "/ru/merchant/filing" in body


def test_hidden_product_mail_appeal_and_the_operators_queue(app, make, operator):
    owner = make.user(Role.MERCHANT.value, locale="ko")
    merchant = make.merchant(owner=owner, contact_email="hidden@haiyun.example.cn")
    product = make.product(merchant, sku="HID-1")
    db.session.commit()
    moderation.hide(product, operator, "图片含有其他品牌标志")
    db.session.commit()
    [mail] = _mails_to(app, "hidden@haiyun.example.cn")
    assert "HID-1" in mail["Subject"] and "플랫폼" in mail["Subject"]  # Korean
    body = _body(mail)
    assert "图片含有其他品牌标志" in body and f"/ko/merchant/products/{product.id}#appeal" in body

    m = client_as(app, owner)
    page = m.get(f"/ko/merchant/products/{product.id}").get_data(as_text=True)
    assert 'id="appeal-form"' in page
    assert m.post(f"/ko/merchant/products/{product.id}/appeal", data={"message": "  "}).status_code == 302
    assert appeals.open_appeal_of(product) is None  # an empty appeal is refused
    m.post(f"/ko/merchant/products/{product.id}/appeal", data={"message": "已更换图片，去掉了标志。"})
    [item] = appeals.open_appeals()
    assert (item.product_id, item.reason, item.created_by_id) == (product.id, "图片含有其他品牌标志", owner.id)
    assert 'id="appeal-waiting"' in m.get(f"/ko/merchant/products/{product.id}").get_data(as_text=True)
    m.post(f"/ko/merchant/products/{product.id}/appeal", data={"message": "again"})
    assert len(appeals.open_appeals()) == 1  # one open appeal per product

    o = client_as(app, operator)
    queue = o.get("/zh/operator/moderation/appeals").get_data(as_text=True)
    assert "已更换图片，去掉了标志。" in queue and "HID-1" in queue
    assert o.post(f"/zh/operator/moderation/appeals/{item.id}/reject", data={"reason": ""}).status_code == 302
    assert appeals.open_appeals() == [item]  # no answer, no decision
    o.post(f"/zh/operator/moderation/appeals/{item.id}/reject", data={"reason": "标志仍在第二张图片上"})
    db.session.expire_all()
    assert item.status == "rejected" and product.moderation_reason
    decided = _mails_to(app, "hidden@haiyun.example.cn")[-1]
    assert "标志仍在第二张图片上" in _body(decided)

    m.post(f"/ko/merchant/products/{product.id}/appeal", data={"message": "第二张图片也换了。"})
    [second] = appeals.open_appeals()
    o.post(f"/zh/operator/moderation/appeals/{second.id}/accept")
    db.session.expire_all()
    assert second.status == "accepted" and not product.moderation_reason and not product.hidden
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"product.hide", "product.appeal", "product.appeal_reject", "product.restore"} <= actions


def test_another_merchant_cannot_appeal_for_a_product(app, make, operator):
    product = make.product(make.merchant(), sku="NOT-YOURS")
    other = make.merchant()
    db.session.commit()
    moderation.hide(product, operator, "x")
    db.session.commit()
    response = client_as(app, other.owner).post(f"/zh/merchant/products/{product.id}/appeal", data={"message": "m"})
    assert response.status_code == 404 and appeals.open_appeals() == []
