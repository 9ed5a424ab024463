"""Search in real headless Chromium: the header box suggests products as you type, the form searches."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from tests.browser.helpers import waiter

pytestmark = pytest.mark.browser

OPTION = "#site-search-suggestions [role=option]"


def test_suggestions_listbox_with_keyboard(live_demo, browser_factory):
    driver = browser_factory("ru-RU,ru")
    wait = waiter(driver, 15)
    driver.get(live_demo.url + "/ru/")
    box = driver.find_element(By.ID, "site-search")
    wait.until(lambda d: box.get_attribute("role") == "combobox")
    assert box.get_attribute("aria-controls") == "site-search-suggestions"
    box.send_keys("купаль")
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, OPTION)))
    assert box.get_attribute("aria-expanded") == "true"
    options = driver.find_elements(By.CSS_SELECTOR, OPTION)
    assert options and all(o.text for o in options)
    box.send_keys(Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    assert active and driver.find_element(By.ID, active).get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ESCAPE)
    wait.until(lambda d: box.get_attribute("aria-expanded") == "false")
    box.send_keys(Keys.ARROW_DOWN)
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, OPTION)))
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    wait.until(EC.url_matches(r"/ru/p/\d+$"))


def test_search_form_results_and_facets(live_demo, browser_factory):
    driver = browser_factory("en-US,en")
    wait = waiter(driver, 15)
    driver.get(live_demo.url + "/en/")
    box = driver.find_element(By.ID, "site-search")
    box.send_keys("magnesia")
    driver.find_element(By.CSS_SELECTOR, ".search-box button[type=submit]").click()
    wait.until(EC.url_contains("/en/search?q=magnesia"))
    hits = wait.until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".search-hit")))
    assert hits and driver.find_elements(By.CSS_SELECTOR, ".search-hit mark")
    assert driver.find_element(By.ID, "site-search").get_attribute("value") == "magnesia"
    facet = driver.find_element(By.CSS_SELECTOR, "#facet-city + ul a")
    facet.click()
    wait.until(EC.url_contains("city="))
    assert driver.find_elements(By.CSS_SELECTOR, ".facet-selected")
