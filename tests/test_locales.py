"""Locale negotiation, URL prefixes, the switcher and translation loading."""

import pytest
from flask_babel import force_locale, gettext

from storefront.core.locales import negotiate


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9", "zh"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("ko-KR", "ko"),
        ("pl-PL,pl;q=0.9", "en"),
        ("mn-MN, ru;q=0.5", "ru"),
        ("", "en"),
        (None, "en"),
        ("de;q=0.9, ko;q=0.1", "ko"),
        ("garbage;;;q=abc", "en"),
    ],
)
def test_negotiate(header, expected):
    assert negotiate(header) == expected


@pytest.mark.parametrize(("header", "target"), [("ko-KR", "/ko/"), ("zh-CN", "/zh/"), ("ru-RU", "/ru/"), ("pl", "/en/")])
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)
    assert "Accept-Language" in response.headers["Vary"]


def test_unknown_locale_is_404(client):
    response = client.get("/xx/")
    assert response.status_code == 404
    assert b"<html" in response.data


@pytest.mark.parametrize(("lang", "html_lang"), [("zh", "zh-Hans"), ("ru", "ru"), ("ko", "ko"), ("en", "en")])
def test_html_lang_and_hreflang(client, lang, html_lang):
    page = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<html lang="{html_lang}">' in page
    for other in ("zh-Hans", "ru", "ko", "en"):
        assert f'hreflang="{other}"' in page


def test_switcher_keeps_page_and_query(client, make):
    p = make.product()
    from storefront.extensions import db

    db.session.commit()
    page = client.get(f"/ko/p/{p.id}").get_data(as_text=True)
    assert f'href="/ru/p/{p.id}"' in page
    listing = client.get(f"/ko/c/steel/?sort=price_asc").get_data(as_text=True)
    assert 'href="/ru/c/steel/?sort=price_asc"' in listing


@pytest.mark.parametrize(("lang", "expected"), [("zh", "登录"), ("ru", "Войти"), ("ko", "로그인")])
def test_translations_load_for_each_language(app, lang, expected):
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert gettext("Sign in") == expected


def test_dates_and_numbers_formatted_per_locale(app):
    from datetime import date

    from flask_babel import format_date, format_decimal

    with app.test_request_context("/"):
        with force_locale("ru"):
            assert format_decimal(1234567.5) == "1\xa0234\xa0567,5"
        with force_locale("de"):
            assert format_decimal(1234.5) == "1.234,5"
        with force_locale("ko"):
            assert "2026" in format_date(date(2026, 11, 27))
