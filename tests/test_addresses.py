"""The address book: one default per country, filled into checkout, saved from checkout on request, private."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient as Client
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ordering import addresses
from storefront.ordering.addresses import Address

MOSCOW = {"contact_name": "Иван Петров", "phone": "+7 495 123-45-67", "country": "RU", "region": "Москва",
          "city": "Москва", "postal_code": "125009", "address_line1": "ул. Тверская, д. 1",
          "address_line2": ""}  # fmt: skip
KAZAN = dict(MOSCOW, city="Казань", region="Татарстан", postal_code="420111", address_line1="ул. Баумана, 5")
ULAANBAATAR = dict(MOSCOW, contact_name="Бат-Эрдэнэ", country="MN", region="", city="Улаанбаатар",
                   postal_code="14200", address_line1="Сүхбаатар дүүрэг, 1-р хороо")  # fmt: skip


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def test_one_default_per_country(app, make):
    buyer = make.user(Role.BUYER.value)
    moscow = addresses.add(buyer, MOSCOW, "Дом")
    kazan = addresses.add(buyer, KAZAN, "Склад")
    ub = addresses.add(buyer, ULAANBAATAR)
    assert (moscow.is_default, kazan.is_default, ub.is_default) == (True, False, True)
    addresses.make_default(kazan)
    db.session.expire_all()
    assert not db.session.get(Address, moscow.id).is_default and db.session.get(Address, kazan.id).is_default
    assert addresses.for_checkout(buyer, "RU").id == kazan.id and addresses.for_checkout(buyer, "MN").id == ub.id
    addresses.delete(db.session.get(Address, kazan.id))
    assert db.session.get(Address, moscow.id).is_default  # the other address of the country takes over
    db.session.add(Address(user_id=buyer.id, is_default=True, **MOSCOW))
    with pytest.raises(IntegrityError):  # the database keeps one default per country too
        db.session.flush()
    db.session.rollback()


def test_checkout_fills_in_the_default_and_saves_on_request(app, make):
    make.rates()
    product = make.product(texts={"ru": {"name": "Периклаз"}})
    buyer = make.user(Role.BUYER.value, email="ivan@example.ru")
    addresses.add(buyer, MOSCOW)
    other = addresses.add(buyer, KAZAN, "Склад")
    stranger = make.user(Role.BUYER.value)
    theirs = addresses.add(stranger, ULAANBAATAR)
    db.session.commit()
    client = as_user(app, buyer)
    client.post("/ru/cart/add", data={"product_id": product.id, "qty": product.moq})
    page = client.get("/ru/checkout").get_data(as_text=True)
    assert 'value="ул. Тверская, д. 1"' in page and 'value="125009"' in page
    chosen = client.get(f"/ru/checkout?address={other.id}").get_data(as_text=True)
    assert 'value="ул. Баумана, 5"' in chosen
    foreign = client.get(f"/ru/checkout?address={theirs.id}").get_data(as_text=True)
    assert "Сүхбаатар" not in foreign  # someone else's address is never filled in
    new_place = dict(MOSCOW, city="Санкт-Петербург", address_line1="Невский пр., 10", postal_code="191186")
    data = dict(new_place, email=buyer.email, terms="DAP", currency="EUR", pay_method="card", note="",
                action="place", save_address="1")  # fmt: skip
    assert client.post("/ru/checkout", data=data).status_code == 302
    assert any(a.address_line1 == "Невский пр., 10" for a in addresses.addresses_of(buyer))
    assert len(addresses.addresses_of(buyer)) == 3


def test_address_pages_are_private(app, make):
    buyer, stranger = make.user(Role.BUYER.value), make.user(Role.BUYER.value)
    address = addresses.add(buyer, MOSCOW, "Дом")
    db.session.commit()
    page = as_user(app, buyer).get("/ru/account/addresses/").get_data(as_text=True)
    assert "ул. Тверская" in page and 'data-default="1"' in page
    other = as_user(app, stranger)
    assert "ул. Тверская" not in other.get("/ru/account/addresses/").get_data(as_text=True)
    assert other.post(f"/ru/account/addresses/{address.id}/delete").status_code == 404
    assert other.post(f"/ru/account/addresses/{address.id}/default").status_code == 404
    assert db.session.get(Address, address.id) is not None
    added = as_user(app, stranger).post("/ru/account/addresses/", data=dict(ULAANBAATAR, label="Гэр"))
    assert added.status_code == 302 and addresses.addresses_of(stranger)[0].is_default
