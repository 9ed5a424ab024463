"""Real headless Chromium in Chinese, CSRF on: a merchant uploads a file of tracking numbers, sees the check,
and marks the orders shipped in one go."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from storefront.extensions import db
from storefront.ordering import operations as order_ops
from tests import factories
from tests.backoffice_helpers import PASSWORD
from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser


@pytest.fixture
def live_orders(live):
    """The live server with a merchant and two paid orders; their numbers."""
    with live.app.app_context():
        merchant = factories.merchant(owner=factories.user("merchant", email="ship@haiyun.example.cn", locale="zh"))
        product = factories.product(merchant, sku="SW-1", stock=50)
        numbers = []
        for _ in range(2):
            order = factories.order([(product, 1)], country="RU", currency="EUR")
            order_ops.mark_paid(order, payment_ref=f"pi_{order.id}", cause="payment_succeeded", actor="test")
            numbers.append(order.sub_orders[0].number)
        db.session.commit()
    return live, numbers


def test_bulk_shipping_upload_in_chinese(live_orders, browser_factory, tmp_path):
    server, numbers = live_orders
    driver = browser_factory("zh-CN,zh")
    wait = waiter(driver, 20)
    driver.get(server.url + "/zh/account/login")
    driver.find_element(By.ID, "email").send_keys("ship@haiyun.example.cn")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_contains("/zh/merchant/"))
    driver.get(server.url + "/zh/merchant/orders")
    driver.find_element(By.LINK_TEXT, "批量发货").click()
    wait.until(EC.url_matches(r"/zh/merchant/orders/ship-bulk$"))
    tracking = tmp_path / "运单.csv"
    lines = ["订单号,承运商,运单号"] + [f"{n},中国邮政 EMS,EA10000000{i}CN" for i, n in enumerate(numbers)]
    tracking.write_text("\n".join(lines) + "\n", encoding="utf-8")
    driver.find_element(By.ID, "file").send_keys(str(tracking))
    driver.find_element(By.CSS_SELECTOR, "#ship-upload button[type=submit]").click()
    apply = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ship-apply button[type=submit]")))
    assert "2 个订单可以发货" in driver.find_element(By.ID, "ship-report").text
    apply.click()
    wait.until(EC.url_contains("/zh/merchant/orders?status=shipped"))
    page = driver.find_element(By.TAG_NAME, "main").text
    assert all(n in page for n in numbers) and "EA100000000CN" in page
