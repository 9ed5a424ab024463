"""Legal and help pages: default text from the data file in every locale, operator edits (audited, plain text
only), fallback labelled, links in the footer and at checkout."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient as Client
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.core.audit import AuditEntry
from storefront.core.locales import LANGS
from storefront.extensions import db
from storefront.legal import pages


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def test_every_page_has_default_text_in_every_language():
    for slug in pages.SLUGS:
        default = pages.defaults()[slug]
        for lang in LANGS:
            assert default["titles"].get(lang) and len(default["bodies"].get(lang, "")) > 100, (slug, lang)
    privacy = pages.defaults()["privacy"]["bodies"]
    assert "152-ФЗ" in privacy["ru"] and "PIPA" in privacy["ko"] and "PIPL" in privacy["zh"]


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_and_footer_links(app, lang):
    client = app.test_client()
    home = client.get(f"/{lang}/").get_data(as_text=True)
    for slug in pages.SLUGS:
        assert f"/{lang}/help/{slug}" in home
    page = client.get(f"/{lang}/help/returns").get_data(as_text=True)
    assert pages.defaults()["returns"]["titles"][lang] in page
    assert client.get(f"/{lang}/help/nothing").status_code == 404


def test_checkout_links_to_the_terms(app, make):
    product = make.product()
    make.rates()
    db.session.commit()
    client = app.test_client()
    client.post("/en/cart/add", data={"product_id": product.id, "qty": product.moq})
    checkout = client.get("/en/checkout").get_data(as_text=True)
    assert "/en/help/terms" in checkout and "/en/help/returns" in checkout


def test_operator_edits_a_page_as_plain_text(app, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = as_user(app, operator)
    assert "/en/operator/pages/privacy" in client.get("/en/operator/pages/").get_data(as_text=True)
    form = client.get("/en/operator/pages/privacy").get_data(as_text=True)
    assert "152-ФЗ" in form  # the default text is there to complete
    data = {"title_zh": "隐私政策", "title_en": "Privacy", "title_ru": "Конфиденциальность",
            "body_en": "## Who we are\n\nKuajing Ltd <script>alert(1)</script>",
            "body_ru": "Оператор: ООО «Куацзин». Данные граждан РФ хранятся в России."}  # fmt: skip
    assert client.post("/en/operator/pages/privacy", data=data).status_code == 302
    page = app.test_client().get("/en/help/privacy").get_data(as_text=True)
    assert "<h2>Who we are</h2>" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "ООО «Куацзин»" in app.test_client().get("/ru/help/privacy").get_data(as_text=True)
    korean = app.test_client().get("/ko/help/privacy").get_data(as_text=True)
    assert "Kuajing Ltd" in korean and 'lang="en"' in korean  # no Korean text yet: English, labelled
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "help_page.edit")).one()
    assert entry.target_id == "privacy" and entry.after["titles"]["en"] == "Privacy"
    assert "152-ФЗ" in entry.before["bodies"]["ru"]


def test_titles_are_required_and_only_operators_edit(app, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    refused = as_user(app, operator).post("/en/operator/pages/terms", data={"title_en": "Terms", "body_en": "x"})
    assert refused.status_code == 200 and 'class="error"' in refused.get_data(as_text=True)
    with pytest.raises(pages.PageError):
        pages.save("terms", operator, {"en": "Terms"}, {})
    for role in (Role.MERCHANT.value, Role.BUYER.value):
        user = make.user(role)
        db.session.commit()
        response = as_user(app, user).post("/en/operator/pages/terms", data={"title_zh": "x", "title_en": "x"})
        assert response.status_code == 403
    assert db.session.scalars(select(AuditEntry).where(AuditEntry.action == "help_page.edit")).first() is None
