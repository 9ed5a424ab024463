"""Real headless Chromium: the Content-Security-Policy blocks nothing the site itself needs. Every
``securitypolicyviolation`` event is recorded (a listener installed before any page script) on the public
pages, the search suggestions, the sign-in and a merchant's back office."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from storefront.accounts.models import Role, User
from storefront.demo.seed import DEMO_PASSWORD
from storefront.extensions import db
from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser

_RECORDER = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push("
    "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"
)


def _violations(driver) -> list[str]:
    return driver.execute_script("return window.__csp || ['recorder missing']")


def test_no_csp_violations_on_the_sites_own_pages(live_demo, demo_app, browser_factory):
    with demo_app.app_context():
        merchant_email = db.session.scalars(db.select(User.email).filter_by(role=Role.MERCHANT.value)).first()
    driver = browser_factory("en-US,en")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _RECORDER})
    wait = waiter(driver, 15)
    seen = {}

    def visit(path):
        driver.get(live_demo.url + path)
        seen[path] = _violations(driver)

    visit("/en/")
    cluster = driver.find_element(By.CSS_SELECTOR, ".cluster-tile a").get_attribute("href")
    visit(cluster.replace(live_demo.url, ""))
    visit("/en/search?q=magnesium")
    box = driver.find_element(By.CSS_SELECTOR, ".search-box input[type=search], .search-box input[name=q]")
    box.clear()
    box.send_keys("steel")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role=option], .suggest li, .suggestions li"))
    seen["suggest"] = _violations(driver)
    visit("/en/services/")
    visit("/en/account/login")
    driver.find_element(By.ID, "email").send_keys(merchant_email)
    driver.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_matches(r"/en/merchant/(welcome)?$"))  # a merchant lands in the back office
    visit("/en/merchant/welcome")
    visit("/en/merchant/")
    visit("/en/merchant/products")
    visit("/en/merchant/orders")
    assert {path: found for path, found in seen.items() if found} == {}
    # the recorder does see a violation: an inline style attribute, as a careless template would write it
    driver.execute_script("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    waiter(driver, 5).until(lambda d: _violations(d))
    assert "style-src" in _violations(driver)[0]
