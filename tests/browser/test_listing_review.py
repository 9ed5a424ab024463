"""Real headless Chromium in Chinese, CSRF on: an operator approves a new merchant's queued listing, which
then opens for buyers."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from storefront.catalog import reviews
from storefront.extensions import db
from tests import factories
from tests.backoffice_helpers import PASSWORD
from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser


@pytest.fixture
def live_queue(live):
    """The live server where a new merchant's first product waits for review; that product's id."""
    live.configure(LISTING_REVIEW_FIRST_N=1)
    with live.app.app_context():
        factories.rates()
        merchant = factories.merchant()
        texts = {"zh": {"name": "新品泳衣"}, "ru": {"name": "Купальник"}}
        product = factories.product(merchant, sku="NEW-1", texts=texts)
        reviews.hold_first_products(merchant.id)
        factories.user("operator", email="review@kuajing.example", name="审核员")
        db.session.commit()
        product_id = product.id
    return live, product_id


def test_operator_approves_a_queued_listing_in_chinese(live_queue, browser_factory):
    server, product_id = live_queue
    driver = browser_factory("zh-CN,zh")
    wait = waiter(driver, 20)
    driver.get(server.url + f"/ru/p/{product_id}")
    assert "404" in driver.title or "404" in driver.page_source  # held: buyers cannot see it yet
    driver.get(server.url + "/zh/account/login")
    driver.find_element(By.ID, "email").send_keys("review@kuajing.example")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_matches(r"/zh/$"))
    driver.get(server.url + "/zh/operator/moderation/")
    driver.find_element(By.LINK_TEXT, "商品审核").click()
    row = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#listing-reviews tr[data-kind=new]")))
    assert "NEW-1" in row.text and "新商家的商品" in row.text
    row.find_element(By.CSS_SELECTOR, "button[data-action=approve]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".empty-state")))
    assert "已通过" in driver.find_element(By.TAG_NAME, "body").text
    driver.get(server.url + f"/ru/p/{product_id}")
    wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert "Купальник" in driver.find_element(By.TAG_NAME, "h1").text
