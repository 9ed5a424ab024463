"""Helpers shared by the browser tests: explicit waits that poll often, signing in, filling forms."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.backoffice_helpers import PASSWORD

#: Seconds between two checks of a wait's condition (Selenium's default, 0.5 s, idled after every click).
POLL = 0.05


def waiter(driver, timeout: float = 20) -> WebDriverWait:
    """An explicit wait on ``driver`` that checks its condition every :data:`POLL` seconds."""
    return WebDriverWait(driver, timeout, poll_frequency=POLL)


def sign_in(driver, wait, base: str, lang: str, email: str, lands: str, password: str = PASSWORD) -> None:
    """Sign in through the login form and wait for the page the account lands on (``lands``: a URL regex)."""
    driver.get(f"{base}/{lang}/account/login")
    wait.until(EC.element_to_be_clickable((By.ID, "email"))).send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_matches(lands))


def fill(driver, values: dict[str, str], by: str = By.ID) -> None:
    """Clear each field (found by id, or ``by``) and enter its text as an input method or a paste does: one
    ``Input.insertText`` over CDP into the focused field, which the page receives as ``beforeinput``/``input``
    events. Typing it key by key through chromedriver cost ≈ 20 ms a character (2.2 s of one test's 13 s)."""
    for key, value in values.items():
        element = driver.find_element(by, key)
        element.clear()
        driver.execute_script("arguments[0].focus()", element)
        driver.execute_cdp_cmd("Input.insertText", {"text": value})
