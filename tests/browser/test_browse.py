"""Real headless Chromium against a live server: language negotiation, switching, browsing."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser


def test_korean_browser_lands_on_ko_switches_to_russian_and_opens_a_product(live_demo, browser_factory):
    driver = browser_factory("ko-KR,ko")
    wait = waiter(driver, 15)
    driver.get(live_demo.url + "/")
    wait.until(EC.url_matches(r"/ko/$"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko"

    driver.find_element(By.CSS_SELECTOR, '.lang-switch a[data-lang="ru"]').click()
    wait.until(EC.url_matches(r"/ru/$"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"

    card = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".product-card .card-link")))
    card.click()
    wait.until(EC.url_matches(r"/ru/p/\d+$"))
    title = driver.find_element(By.TAG_NAME, "h1").text
    assert title
    price = driver.find_element(By.CSS_SELECTOR, ".product-price").text
    assert "₽" in price and "≈" in price
    # the switcher keeps the page
    driver.find_element(By.CSS_SELECTOR, '.lang-switch a[data-lang="ko"]').click()
    wait.until(EC.url_matches(r"/ko/p/\d+$"))
