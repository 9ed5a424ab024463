"""Exchange rates entered as the central parity table writes them ("1 USD = 7.10 CNY"), a confirmation for a
jump above 10 %, the day's CSV with the same checks, the history with who/when and a chart."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from storefront.accounts.models import Role
from storefront.core import rates
from storefront.core.models import ExchangeRate
from storefront.extensions import db
from tests.backoffice_helpers import client_as


@pytest.fixture
def operator(app, make):
    user = make.user(Role.OPERATOR.value, email="fx@kuajing.example")
    make.rates()  # USD 0.1389 per CNY (1 USD = 7.1994 CNY), RUB 12.85, KRW 192.40
    db.session.commit()
    return client_as(app, user), user


def _rate(code):
    db.session.expire_all()
    return db.session.get(ExchangeRate, code).rate


def test_quotes_convert_both_ways():
    usd, rub = rates.quote_of("USD"), rates.quote_of("RUB")
    assert (usd.first, usd.second, usd.pair) == ("USD", "CNY", "USD/CNY")
    assert (rub.first, rub.second, rub.pair) == ("CNY", "RUB", "CNY/RUB")
    assert usd.to_stored(Decimal("7.10")) == Decimal("0.14084507")
    assert usd.from_stored(Decimal("0.14084507")) == Decimal("7.1000")
    assert rub.to_stored(Decimal("12.85")) == Decimal("12.85")
    assert rates.stored_from_pair("100JPY/CNY", Decimal("4.80")) == ("JPY", Decimal("20.83333333"))
    assert rates.stored_from_pair("cny/krw", Decimal("190")) == ("KRW", Decimal("190"))
    with pytest.raises(rates.RateError):
        rates.stored_from_pair("USD/EUR", Decimal("1"))


def test_usd_is_entered_as_cny_per_dollar(operator):
    client, user = operator
    page = client.get("/zh/operator/rates/").get_data(as_text=True)
    assert "1 USD =" in page and 'value="7.1994"' in page  # shown the natural way, not 0.1389
    response = client.post("/zh/operator/rates/", data={"currency": "USD", "rate": "7.10"})
    assert response.status_code == 302
    assert _rate("USD") == Decimal("0.14084507")
    [change] = rates.history("USD")
    assert change.changed_by_id == user.id and change.changed_at is not None
    # the same quote again is no change (the round trip through the stored rate is exact enough)
    client.post("/zh/operator/rates/", data={"currency": "USD", "rate": "7.1000"})
    assert len(rates.history("USD")) == 1


@pytest.mark.parametrize("typed", ["0.141", "71.0", "6.40"])  # the old direction, a slipped digit, -11 %
def test_a_jump_above_ten_percent_needs_a_confirmation(operator, typed):
    client, _user = operator
    old = _rate("USD")
    refused = client.post("/en/operator/rates/", data={"currency": "USD", "rate": typed})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "confirm" in page and 'name="confirm"' in page
    assert _rate("USD") == old and not rates.history()
    confirmed = client.post("/en/operator/rates/", data={"currency": "USD", "rate": typed, "confirm": "y"})
    assert confirmed.status_code == 302 and _rate("USD") != old


def test_a_small_move_needs_no_confirmation(operator):
    client, _user = operator
    assert client.post("/en/operator/rates/", data={"currency": "RUB", "rate": "13.50"}).status_code == 302
    assert _rate("RUB") == Decimal("13.50")


def _upload(client, body: bytes, **extra):
    data = {"file": (io.BytesIO(body), "parity.csv"), **extra}
    return client.post("/en/operator/rates/import", data=data, content_type="multipart/form-data")


def test_central_parity_csv_with_the_same_checks(operator):
    client, _user = operator
    day = "货币对,中间价\r\nUSD/CNY,7.1030\r\nEUR/CNY,7.7000\r\n100JPY/CNY,4.7800\r\nCNY/RUB,12.9000\r\n".encode()
    response = _upload(client, day)
    assert response.status_code == 302
    assert _rate("USD") == Decimal("0.14078558") and _rate("RUB") == Decimal("12.9")
    assert _rate("EUR") == Decimal("0.12987013")
    assert {c.currency for c in rates.history()} == {"USD", "EUR", "RUB"}  # JPY is skipped, not an error
    assert all(c.source == "csv" for c in rates.history())


def test_csv_jump_is_held_until_confirmed_and_errors_block_everything(operator):
    client, _user = operator
    jumpy = b"pair,rate\nUSD/CNY,7.20\nCNY/KRW,1924.0\n"  # KRW ten times too high
    held = _upload(client, jumpy)
    page = held.get_data(as_text=True)
    assert held.status_code == 400 and "KRW" in page and 'name="confirm"' in page
    assert not rates.history()
    assert _upload(client, jumpy, confirm="y").status_code == 302
    assert _rate("KRW") == Decimal("1924")
    bad = b"pair,rate\nUSD/CNY,7.25\nUSD/EUR,1.1\nCNY/RUB,-3\n"
    refused = _upload(client, bad, confirm="y")
    result = rates.read_csv(bad)
    assert refused.status_code == 400
    assert [(line, col) for line, col, _m in result.errors] == [(3, "pair"), (4, "rate")]
    assert _rate("USD") != Decimal("0.13793103")  # 7.25 was not applied: all or nothing


def test_history_page_has_a_chart_per_currency_and_who_changed_it(operator):
    client, user = operator
    client.post("/en/operator/rates/", data={"currency": "USD", "rate": "7.10"})
    client.post("/en/operator/rates/", data={"currency": "USD", "rate": "7.15"})
    page = client.get("/zh/operator/rates/history?currency=USD").get_data(as_text=True)
    assert 'id="chart-rate-USD"' in page and "<polyline" in page and user.email in page
    assert "7.1000" in page and "7.1500" in page
