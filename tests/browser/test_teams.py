"""Real headless Chromium in Chinese, CSRF on: a staff account with the "orders" role signs in, works on
orders, and cannot see the finance pages (no menu entry, 403 when typed)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from storefront.accounts import team
from storefront.extensions import db
from tests import factories
from tests.backoffice_helpers import PASSWORD
from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser


@pytest.fixture
def live_team(live):
    """The live server with a merchant and its "orders" clerk (password PASSWORD)."""
    with live.app.app_context():
        merchant = factories.merchant(owner=factories.user("merchant", email="boss@haiyun.example.cn", locale="zh"))
        factories.product(merchant, sku="SW-1")
        clerk = factories.user("merchant", email="clerk@haiyun.example.cn", name="李明", locale="zh")
        db.session.add(team.TeamMember(user_id=clerk.id, side="merchant", company_id=merchant.id, role="orders"))
        db.session.commit()
    return live


def test_orders_clerk_cannot_see_finance_pages(live_team, browser_factory):
    base = live_team.url
    driver = browser_factory("zh-CN,zh")
    wait = waiter(driver, 20)
    driver.get(base + "/zh/account/login")
    driver.find_element(By.ID, "email").send_keys("clerk@haiyun.example.cn")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_matches(r"/zh/merchant/$"))  # staff land on their dashboard, not the owner's checklist
    driver.get(base + "/zh/merchant/orders")
    nav = driver.find_element(By.CSS_SELECTOR, "nav.bo-nav")
    links = {a.get_attribute("href").split("/zh/merchant/")[-1] for a in nav.find_elements(By.TAG_NAME, "a")}
    assert "orders" in links
    assert not links & {"money", "fx-settlements", "products", "team", "filing"}
    for page in ("money", "fx-settlements", "money/statements/2026-12"):
        driver.get(base + f"/zh/merchant/{page}")
        wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        assert "403" in driver.page_source or "拒绝" in driver.find_element(By.TAG_NAME, "main").text
