"""Real headless Chromium, two people: a merchant in Chinese finds a Russian-translation package, buys it
with a government voucher and a brief with a file; the provider, in Russian, accepts and delivers a file; the
merchant asks for one revision, then accepts the delivery and reviews it; the review appears on the package
page."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.accounts.models import Role
from storefront.extensions import db
from tests import factories
from tests.backoffice_helpers import PDF
from tests.browser.helpers import fill, sign_in, waiter

pytestmark = pytest.mark.browser
REVIEW = "译文准确，交付及时，修改也很快。"


@pytest.fixture
def market(live):
    """The live server with a merchant with a voucher, a provider with packages."""
    with live.app.app_context():
        factories.rates()
        merchant = factories.merchant(
            owner=factories.user(Role.MERCHANT.value, email="swim@example.cn", locale="zh", name="李娜"),
            names={"zh": "兴城海韵泳装有限公司", "en": "Xingcheng Haiyun Swimwear Co., Ltd."},
        )
        provider = factories.service_provider(
            owner=factories.user(Role.PROVIDER.value, email="translate@example.ru", locale="ru", name="Ольга"),
            names={
                "zh": "大连瀚译语言服务有限公司",
                "en": "Dalian Hanyi Language Services",
                "ru": "Языковая компания «Ханьи»",
            },
        )
        package = factories.service_package(
            provider,
            languages=("zh", "ru"),
            texts={
                "zh": ("产品目录俄语翻译（母语审校）", "将产品目录和详情页译成俄语，由母语编辑审校。"),
                "ru": (
                    "Перевод каталога на русский язык",
                    "Переводим каталог и карточки товаров на русский язык.",
                ),
                "en": (
                    "Product catalogue translation into Russian",
                    "Catalogue and product pages into Russian.",
                ),
            },
            tiers=[("basic", 80000, 5, 1), ("standard", 180000, 7, 2)],
        )
        factories.service_package(
            factories.service_provider(categories=["certification"]),
            category="certification",
            texts={"zh": ("欧亚经济联盟EAC认证", "")},
            languages=("zh", "ru"),
        )
        voucher = factories.voucher(merchant, kind="full", categories=["translation"])
        db.session.commit()
        live.package_id, live.voucher = package.id, voucher.code
    return live


def _sign_in(driver, wait, base: str, lang: str, email: str) -> None:
    # buyers land on the storefront; merchants and providers on their back office (checklist or dashboard)
    lands = rf"/{lang}/(merchant/(welcome)?|services/provider/(welcome)?)?$"
    sign_in(driver, wait, base, lang, email, lands)


def _status(wait, status: str) -> None:
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'article.service-order[data-status="{status}"]')))


def _act(driver, wait, action: str, status: str, note: str | None = None) -> None:
    if note is not None:
        driver.find_element(By.ID, f"note-{action}").send_keys(note)
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, f'button[data-action="{action}"]'))).click()
    _status(wait, status)


def _deliver(driver, wait, path, status: str = "delivered") -> None:
    wait.until(EC.presence_of_element_located((By.ID, "deliver-files"))).send_keys(str(path))
    fill(driver, {"deliver-note": "Перевод готов, файл во вложении."})
    driver.find_element(By.CSS_SELECTOR, 'button[data-action="deliver"]').click()
    _status(wait, status)


def test_merchant_buys_a_translation_with_a_voucher_and_reviews_it(market, browser_factory, tmp_path):
    brief = tmp_path / "产品目录.pdf"
    brief.write_bytes(PDF)
    result = tmp_path / "перевод-каталога.pdf"
    result.write_bytes(PDF)
    merchant = browser_factory("zh-CN,zh")
    provider = browser_factory("ru-RU,ru")
    mw, pw = waiter(merchant, 20), waiter(provider, 20)

    # the merchant (Chinese UI) finds the package: search, filtered to Russian
    _sign_in(merchant, mw, market.url, "zh", "swim@example.cn")
    merchant.get(f"{market.url}/zh/services/")
    mw.until(EC.element_to_be_clickable((By.ID, "svc-q"))).send_keys("俄语翻译")
    Select(merchant.find_element(By.ID, "language")).select_by_value("ru")
    merchant.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    mw.until(EC.url_contains("language=ru"))
    card = mw.until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, f'.service-card[data-package="{market.package_id}"] .card-link'))
    )
    assert len(merchant.find_elements(By.CSS_SELECTOR, ".service-card")) == 1
    card.click()
    mw.until(EC.url_matches(rf"/zh/services/p/{market.package_id}$"))
    assert merchant.find_element(By.TAG_NAME, "h1").text == "产品目录俄语翻译（母语审校）"

    # orders the basic tier (one revision) with a brief, a file and the voucher
    merchant.find_element(By.CSS_SELECTOR, '[data-tier="basic"] a.order-tier').click()
    mw.until(EC.presence_of_element_located((By.ID, "brief")))
    fill(merchant, {"brief": "请翻译附件中的40款泳装，尺码表也需要翻译。"})
    merchant.find_element(By.ID, "attachments").send_keys(str(brief))
    Select(merchant.find_element(By.ID, "voucher")).select_by_value(market.voucher)
    merchant.find_element(By.CSS_SELECTOR, "#order-form button[type=submit]").click()
    _status(mw, "requested")
    assert merchant.find_elements(By.CSS_SELECTOR, ".voucher-paid")
    order_url = merchant.current_url
    number = merchant.find_element(By.CSS_SELECTOR, "article.service-order").get_attribute("data-order")

    # the provider (Russian UI) finds it among its orders, accepts, starts and delivers a file
    _sign_in(provider, pw, market.url, "ru", "translate@example.ru")
    provider.get(f"{market.url}/ru/services/orders/")
    pw.until(EC.element_to_be_clickable((By.LINK_TEXT, number))).click()
    _status(pw, "requested")
    assert provider.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert "产品目录.pdf" in provider.find_element(By.ID, "brief-h").find_element(By.XPATH, "..").text
    _act(provider, pw, "accept", "accepted")
    _act(provider, pw, "start", "in_progress")
    _deliver(provider, pw, result)

    # the merchant asks for one revision; no more are left afterwards
    merchant.get(order_url)
    _status(mw, "delivered")
    assert merchant.find_elements(By.PARTIAL_LINK_TEXT, "перевод-каталога.pdf")
    _act(merchant, mw, "revise", "revision_requested", note="尺码表的单位请改为厘米。")

    provider.get(provider.current_url)
    _status(pw, "revision_requested")
    assert "尺码表的单位请改为厘米。" in provider.find_element(By.CSS_SELECTOR, ".svc-history").text
    _deliver(provider, pw, result)

    merchant.get(order_url)
    _status(mw, "delivered")
    assert not merchant.find_elements(By.CSS_SELECTOR, 'button[data-action="revise"]')
    _act(merchant, mw, "approve", "completed")

    # and reviews it: the review shows on the package page
    merchant.find_element(By.CSS_SELECTOR, '#review-form input[name="rating"][value="5"]').click()
    fill(merchant, {"#review-form textarea[name=body]": REVIEW}, By.CSS_SELECTOR)
    merchant.find_element(By.CSS_SELECTOR, "#review-form button[type=submit]").click()
    mw.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#review .review")))
    merchant.get(f"{market.url}/zh/services/p/{market.package_id}")
    review = mw.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".reviews .review-body")))
    assert review.text == REVIEW
    assert "★ 5" in merchant.find_element(By.CSS_SELECTOR, ".service-meta").text
