"""Real headless Chromium, two people: a buyer reading Russian contacts the seller from a product page; the merchant
(Chinese UI) sees the unread count in the header, reads the message (marked as written in Russian) and replies;
the buyer sees the unread count, then the reply."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from storefront.accounts.models import Role
from storefront.extensions import db
from tests import factories
from tests.browser.helpers import fill, sign_in, waiter

pytestmark = pytest.mark.browser
QUESTION = "Здравствуйте! Есть ли модель в размере XL и сколько дней идёт доставка в Москву?"
ANSWER = "您好！XL码有现货，发往莫斯科约12天。"


@pytest.fixture
def shop(live):
    """The live server with a merchant (Chinese) with a product, a buyer (Russian)."""
    with live.app.app_context():
        factories.rates()
        merchant = factories.merchant(
            owner=factories.user(Role.MERCHANT.value, email="swim@example.cn", locale="zh", name="李娜"),
            names={"zh": "兴城海韵泳装有限公司", "ru": "Синчэн Хайюнь", "en": "Xingcheng Haiyun Swimwear"},
        )
        product = factories.product(
            merchant, texts={"ru": {"name": "Купальник «Волна»"}, "zh": {"name": "波浪连体泳衣"}}
        )
        factories.user(Role.BUYER.value, email="irina@example.ru", locale="ru", name="Ирина")
        db.session.commit()
        live.product_id = product.id
    return live


def _sign_in(driver, wait, base: str, lang: str, email: str) -> None:
    # buyers land on the home page, merchants on their back office
    sign_in(driver, wait, base, lang, email, rf"/{lang}/(merchant/\S*)?$")


def _unread(driver) -> str:
    badges = driver.find_elements(By.CSS_SELECTOR, ".messages-link .unread-count")
    return badges[0].text if badges else ""


def test_buyer_contacts_seller_in_russian_and_sees_the_reply(shop, browser_factory):
    buyer, merchant = browser_factory("ru-RU,ru"), browser_factory("zh-CN,zh")
    bw, mw = waiter(buyer, 20), waiter(merchant, 20)

    _sign_in(buyer, bw, shop.url, "ru", "irina@example.ru")
    buyer.get(f"{shop.url}/ru/p/{shop.product_id}")
    bw.until(EC.element_to_be_clickable((By.ID, "contact-seller"))).click()
    bw.until(EC.presence_of_element_located((By.ID, "msg-body")))
    fill(buyer, {"msg-body": QUESTION})
    buyer.find_element(By.ID, "msg-send").click()
    bw.until(EC.url_matches(r"/ru/messages/\d+$"))
    assert QUESTION in buyer.find_element(By.ID, "thread").text

    _sign_in(merchant, mw, shop.url, "zh", "swim@example.cn")
    assert _unread(merchant) == "1"
    merchant.find_element(By.CSS_SELECTOR, ".messages-link").click()
    mw.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "tr.unread a"))).click()
    message = mw.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.message-buyer")))
    assert QUESTION in message.text
    assert message.find_element(By.CSS_SELECTOR, ".message-lang").text == "以俄语撰写"
    assert _unread(merchant) == ""  # opening the thread marked it read
    fill(merchant, {"msg-body": ANSWER})
    merchant.find_element(By.ID, "msg-send").click()
    mw.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.message-merchant")))

    buyer.get(f"{shop.url}/ru/")
    bw.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".messages-link .unread-count")))
    assert _unread(buyer) == "1"
    buyer.find_element(By.CSS_SELECTOR, ".messages-link").click()
    bw.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "tr.unread a"))).click()
    reply = bw.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.message-merchant")))
    assert ANSWER in reply.text and "Синчэн Хайюнь" in reply.text
    assert reply.find_element(By.CSS_SELECTOR, ".message-lang").text == "написано на языке: Китайский"
