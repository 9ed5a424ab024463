"""Money: conversion from the CNY base, per-locale formatting, parsing user input."""

from decimal import Decimal

import pytest

from storefront.core.money import Money, convert, parse_amount, to_minor

RATES = {
    "CNY": Decimal(1),
    "RUB": Decimal("12.85"),
    "KRW": Decimal("192.40"),
    "USD": Decimal("0.1389"),
    "MNT": Decimal("472.50"),
}


def test_convert_cny_to_krw_is_zero_decimal():
    krw = convert(Money(8900, "CNY"), "KRW", RATES)
    assert krw == Money(17124, "KRW")  # 89.00 × 192.40 = 17123.6 → 17124 won
    assert krw.amount == Decimal(17124)


def test_convert_half_up_at_minor_unit():
    assert convert(Money(1, "CNY"), "USD", RATES) == Money(0, "USD")  # 0.001389 → 0.00
    assert convert(Money(4, "CNY"), "USD", RATES) == Money(1, "USD")  # 0.005556 → 0.01
    assert convert(Money(10000, "CNY"), "RUB", RATES) == Money(128500, "RUB")


def test_convert_back_to_cny():
    assert convert(Money(128500, "RUB"), "CNY", RATES) == Money(10000, "CNY")


@pytest.mark.parametrize(
    ("money", "locale", "expected"),
    [
        (Money(17124, "KRW"), "ko", "₩17,124"),
        (Money(114365, "RUB"), "ru", "1\xa0143,65\xa0₽"),
        (Money(8900, "CNY"), "zh", "¥89.00"),
        (Money(1236, "USD"), "en", "$12.36"),
        (Money(4725000, "MNT"), "mn", "₮\xa047,250"),
        (Money(4725050, "MNT"), "mn", "₮\xa047,250.50"),
        (Money(4725000, "MNT"), "ru", "47\xa0250\xa0MNT"),
    ],
)
def test_format_per_locale(app, money, locale, expected):
    with app.test_request_context("/"):
        assert money.format(locale) == expected


def test_convert_to_tugrik_rounds_to_whole_tugrik_keeping_iso_minor_units():
    mnt = convert(Money(8999, "CNY"), "MNT", RATES)  # 89.99 × 472.50 = 42520.275 → 42520 ₮
    assert mnt == Money(4252000, "MNT")
    assert mnt.amount == Decimal("42520.00")
    assert convert(Money(8990, "CNY"), "MNT", RATES) == Money(4247800, "MNT")  # 42477.75 → 42478 ₮


def test_mongolian_display_currency_is_tugrik(app):
    from storefront.core.money import DISPLAY_CURRENCIES, display_currency

    assert "MNT" in DISPLAY_CURRENCIES
    with app.test_request_context("/mn/"):
        assert display_currency("mn") == "MNT"


def test_adding_different_currencies_is_refused():
    with pytest.raises(ValueError):
        Money(1, "CNY") + Money(1, "USD")


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("100", "CNY", 10000),
        ("99,5", "RUB", 9950),
        ("1 234.56", "USD", 123456),
        ("17124", "KRW", 17124),
        ("", "CNY", None),
        (None, "CNY", None),
    ],
)
def test_parse_amount(text, currency, minor):
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize("text", ["foo", "1.2.3", "-5", "NaN", "Infinity", "1e999", "9" * 30])
def test_parse_amount_rejects_garbage(text):
    with pytest.raises(ValueError):
        parse_amount(text, "CNY")


def test_to_minor_exact():
    assert to_minor(Decimal("0.105"), "CNY") == 11
    assert to_minor("33.33", "USD") == 3333
