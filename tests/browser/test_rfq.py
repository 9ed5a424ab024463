"""Real headless Chromium, the RFQ journey in Russian and in Korean: a buyer asks for a quotation from a product
page; the merchant (Chinese UI) quotes from the back office with T/T, 30 % deposit; the buyer accepts and the order
page shows the deposit instructions with the right amount, bank details and reference, and the proforma PDF the
deposit and the balance."""

from __future__ import annotations

import io
import re
import urllib.request
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.accounts.models import Role
from storefront.extensions import db
from tests import factories
from tests.browser.helpers import fill, sign_in, waiter

pytestmark = pytest.mark.browser
#: Per buyer language: the need, country, city and address typed, and what the deposit block and the proforma say.
BUYERS = {
    "ru": {
        "email": "oleg@example.ru", "need": "Нужно 20 штук, доставка в Новосибирск, образцы не нужны.",
        "country": "RU", "city": "Новосибирск", "address": "ул. Ленина, 1",
        "deposit": ["Предоплата банковским переводом", "840,00 $", "Переведите ровно"],
        "proforma": "Предоплата, 30 % банковским переводом (T/T)",
    },
    "ko": {
        "email": "minji@example.kr", "need": "20대 필요합니다. 부산항 도착, 샘플은 필요 없습니다.",
        "country": "KR", "city": "부산", "address": "중앙대로 1", "customs_id": "P123456789012",
        "deposit": ["은행 송금(T/T)으로 선금 결제"],
        "proforma": "선금, 30% 은행 송금(T/T)",
    },
}  # fmt: skip


@pytest.fixture
def shop(live):
    """The live server with a merchant (Chinese) with a product, a Russian and a Korean buyer."""
    with live.app.app_context():
        factories.rates()
        merchant = factories.merchant(
            owner=factories.user(Role.MERCHANT.value, email="lift@example.cn", locale="zh", name="王强"),
            names={"zh": "营口汽保设备有限公司", "ru": "Инкоу Автосервис", "en": "Yingkou Auto Service"},
        )
        product = factories.product(
            merchant, texts={"ru": {"name": "Подъёмник двухстоечный 4 т"}, "zh": {"name": "双柱举升机 4吨"}}
        )
        factories.user(Role.BUYER.value, email="oleg@example.ru", locale="ru", name="Олег")
        factories.user(Role.BUYER.value, email="minji@example.kr", locale="ko", name="김민지")
        db.session.commit()
        live.product_id = product.id
    return live


def _sign_in(driver, wait, base: str, lang: str, email: str) -> None:
    sign_in(driver, wait, base, lang, email, rf"/{lang}/(merchant/\S*)?$")


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_rfq_quote_accept_shows_the_deposit_instructions_and_the_proforma(shop, browser_factory, lang):
    who = BUYERS[lang]
    buyer, merchant = browser_factory(f"{lang}-{who['country']},{lang}"), browser_factory("zh-CN,zh")
    bw, mw = waiter(buyer, 20), waiter(merchant, 20)

    _sign_in(buyer, bw, shop.url, lang, who["email"])
    buyer.get(f"{shop.url}/{lang}/p/{shop.product_id}")
    bw.until(EC.element_to_be_clickable((By.ID, "request-quote"))).click()
    bw.until(EC.presence_of_element_located((By.ID, "need")))
    fill(buyer, {"need": who["need"]})
    quantity = buyer.find_element(By.ID, "quantity")
    quantity.clear()
    quantity.send_keys("20")
    Select(buyer.find_element(By.ID, "country")).select_by_value(who["country"])
    buyer.find_element(By.ID, "rfq-send").click()
    bw.until(EC.url_matches(rf"/{lang}/rfq/\d+$"))
    rfq_url = buyer.current_url
    assert who["need"] in buyer.find_element(By.ID, "thread").text

    _sign_in(merchant, mw, shop.url, "zh", "lift@example.cn")
    merchant.get(f"{shop.url}/zh/merchant/rfqs")
    mw.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "tr[data-rfq] a"))).click()
    mw.until(EC.presence_of_element_located((By.ID, "quotation-form")))
    assert merchant.find_element(By.ID, "line-1-qty").get_attribute("value") == "20"
    merchant.find_element(By.ID, "line-1-price").send_keys("125")
    Select(merchant.find_element(By.ID, "currency")).select_by_value("USD")
    merchant.find_element(By.ID, "freight").send_keys("300")
    Select(merchant.find_element(By.ID, "pay_terms")).select_by_value("tt")
    merchant.find_element(By.ID, "deposit_percent").send_keys("30")
    valid = (date.today() + timedelta(days=14)).isoformat()
    merchant.execute_script("arguments[0].value = arguments[1]", merchant.find_element(By.ID, "valid_until"), valid)
    merchant.find_element(By.ID, "quotation-send").click()
    mw.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".quotation[data-status=offered]")))

    buyer.get(rfq_url)
    bw.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".quotation[data-status=offered]")))
    assert re.search(r"30\s?%", buyer.find_element(By.CSS_SELECTOR, ".quotation").text)  # "предоплата 30 %"
    buyer.find_element(By.CSS_SELECTOR, "[id^=city-]").send_keys(who["city"])
    buyer.find_element(By.CSS_SELECTOR, "[id^=address_line1-]").send_keys(who["address"])
    if "customs_id" in who:  # a parcel to Korea needs the personal customs clearance code
        buyer.find_element(By.CSS_SELECTOR, "[id^=customs_id-]").send_keys(who["customs_id"])
    buyer.find_element(By.CSS_SELECTOR, "[id^=accept-]").click()
    bw.until(EC.url_matches(rf"/{lang}/orders/[A-Z0-9-]+"))
    due = bw.until(EC.presence_of_element_located((By.ID, "instalment-due")))
    assert due.get_attribute("data-kind") == "deposit"
    assert due.get_attribute("data-amount") == "84000"  # 30 % of 20 × 125 USD + 300 USD freight
    text = due.text.replace("\u00a0", " ")
    assert all(words in text for words in who["deposit"]), text
    number = buyer.find_element(By.CSS_SELECTOR, ".order-page").get_attribute("data-order")
    assert number in text  # the payment reference
    assert "SWIFT" in buyer.find_element(By.CSS_SELECTOR, "#instalment-due #bank-details").text

    # the proforma invoice the bank needs, downloaded with the buyer's own session: the deposit and the balance
    href = buyer.find_element(By.ID, "proforma-link").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in buyer.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie}), timeout=60) as answer:
        assert answer.headers.get_content_type() == "application/pdf"
        pdf = answer.read()
    terms = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert who["proforma"] in terms.replace("\u00a0", " ") and number in terms
