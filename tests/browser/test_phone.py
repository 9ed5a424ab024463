"""Real headless Chromium at phone size (390×844, mobile emulation), in Russian and in Korean: the listing's
filters are folded behind one button, the product page shows the price and the buy button in the first screen,
the sticky add-to-cart bar appears once the buy box scrolls away, the cart and the checkout do not scroll
sideways, and a bank-transfer order goes through. Positions are asserted with getBoundingClientRect."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.extensions import db
from storefront.ordering.models import Order
from tests import factories
from tests.browser.helpers import fill, waiter

pytestmark = [pytest.mark.browser, pytest.mark.stripe]

WIDTH, HEIGHT = 390, 844
COUNTRY = {"ru": "RU", "ko": "KR"}
NAMES = {
    "ru": "Слитный купальник «Волна» с высокой посадкой",
    "ko": "하이웨이스트 원피스 수영복 «물결»",
    "en": "One-piece swimsuit Wave",
    "zh": "连体泳衣",
}
DESCRIPTION = {"ru": "Ткань: полиамид 80 %, эластан 20 %. " * 20, "ko": "원단: 폴리아미드 80%, 엘라스탄 20%. " * 20}
ADDRESS = {
    "ru": {
        "email": "ivan.petrov@example.ru",
        "contact_name": "Иван Петров",
        "city": "Москва",
        "postal_code": "125009",
        "address_line1": "ул. Тверская, д. 7, кв. 12",
    },
    "ko": {
        "email": "minji.kim@example.kr",
        "contact_name": "김민지",
        "city": "서울특별시",
        "postal_code": "04524",
        "address_line1": "중구 세종대로 110, 101동 1203호",
    },
}


@pytest.fixture
def shop(live, localstripe):
    """The live server: a swimsuit in sizes × colours with wholesale tiers, in a category."""
    live.configure(**localstripe.config())
    with live.app.app_context():
        factories.rates()
        category = factories.category(slug="one-piece", cluster_slug="swimwear")
        suit = factories.product(
            sku="XC-2231",
            price_fen=12000,
            moq=2,
            tiers=[(50, 9500), (100, 8000)],
            hs_code="6112410000",
            customs_unit="011",
            category_=category,
            texts={
                lang: {"name": name, **({"description": DESCRIPTION[lang]} if lang in DESCRIPTION else {})}
                for lang, name in NAMES.items()
            },
        )
        factories.with_variants(suit, {"size": ["S", "M", "L", "XL"], "colour": ["red", "blue"]}, stock=50)
        for n in range(5):
            factories.product(category_=category, price_fen=5000 + n, texts={"en": {"name": f"Cap {n}"}})
        db.session.commit()
        ids = {"suit": suit.id}
    live.ids = ids
    return live


def _phone(browser_factory, accept_language: str):
    driver = browser_factory(accept_language)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )
    return driver


def _rect(driver, element) -> dict:
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON();", element)


def _at_centre(driver, element):
    """What the page shows at the element's centre (Selenium's is_displayed calls a closed <details> hidden)."""
    rect = _rect(driver, element)
    at_point = "return document.elementFromPoint(arguments[0], arguments[1]);"
    return driver.execute_script(at_point, rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2)


def _assert_no_sideways_scroll(driver) -> None:
    assert driver.execute_script("return window.innerWidth;") == WIDTH
    assert driver.execute_script("return document.documentElement.scrollWidth;") <= WIDTH


def _in_first_screen(driver, element) -> None:
    driver.execute_script("window.scrollTo(0, 0);")
    rect = _rect(driver, element)
    assert element.is_displayed()
    assert 0 <= rect["top"] and rect["bottom"] <= HEIGHT, rect
    assert 0 <= rect["left"] and rect["right"] <= WIDTH, rect


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_phone_listing_product_cart_checkout(shop, browser_factory, lang):
    driver = _phone(browser_factory, f"{lang}-{lang.upper()},{lang};q=0.9")
    wait = waiter(driver, 20)

    # listing: the filters are folded behind one button, which opens them
    driver.get(f"{shop.url}/{lang}/c/swimwear/one-piece/")
    fold = wait.until(EC.presence_of_element_located((By.ID, "filters-fold")))
    _assert_no_sideways_scroll(driver)
    assert fold.get_attribute("open") is None
    assert not driver.find_element(By.ID, "min_price").is_displayed()
    assert _at_centre(driver, driver.find_element(By.ID, "min_price")) != driver.find_element(By.ID, "min_price")
    summary = fold.find_element(By.TAG_NAME, "summary")
    _in_first_screen(driver, summary)
    first_card = driver.find_element(By.CSS_SELECTOR, ".results .product-card")
    assert _rect(driver, first_card)["top"] < HEIGHT  # the products start in the first screen, not the filters
    summary.click()
    wait.until(EC.visibility_of_element_located((By.ID, "min_price")))
    assert driver.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").is_displayed()
    if lang == "ko":
        assert driver.execute_script("return getComputedStyle(document.querySelector('h1')).wordBreak;") == "keep-all"

    # product page: price, option picker and buy button within the first screen
    driver.find_element(By.XPATH, f"//a[contains(., '{NAMES[lang][:12]}')]").click()
    wait.until(EC.url_matches(rf"/{lang}/p/{shop.ids['suit']}$"))
    size = wait.until(EC.visibility_of_element_located((By.ID, "opt-size")))
    _assert_no_sideways_scroll(driver)
    _in_first_screen(driver, driver.find_element(By.CSS_SELECTOR, "#variant-price .price-shown"))
    _in_first_screen(driver, size)
    _in_first_screen(driver, driver.find_element(By.ID, "opt-colour"))
    _in_first_screen(driver, driver.find_element(By.ID, "buy-qty"))
    _in_first_screen(driver, driver.find_element(By.ID, "buy-button"))
    gallery = driver.find_element(By.CSS_SELECTOR, ".product .gallery")
    assert _rect(driver, gallery)["top"] >= _rect(driver, driver.find_element(By.ID, "buy-button"))["bottom"]

    # the sticky bar: hidden while the buy button shows, fixed at the bottom once it has scrolled away
    bar = driver.find_element(By.ID, "buy-bar")
    assert not bar.is_displayed()
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight);")
    wait.until(EC.visibility_of(bar))
    rect = _rect(driver, bar)
    assert rect["bottom"] == pytest.approx(HEIGHT, abs=1) and rect["width"] == pytest.approx(WIDTH, abs=1)
    assert driver.find_element(By.ID, "buy-bar-price").text.strip()
    driver.execute_script("window.scrollTo(0, 0);")
    wait.until(EC.invisibility_of_element(bar))

    # add to cart: size M in blue, 3 pieces
    Select(size).select_by_value("M")
    Select(driver.find_element(By.ID, "opt-colour")).select_by_value("blue")
    field = driver.find_element(By.ID, "buy-qty")
    field.clear()
    field.send_keys("3")
    driver.find_element(By.ID, "buy-button").click()
    wait.until(EC.url_matches(rf"/{lang}/cart/$"))
    assert driver.find_elements(By.CSS_SELECTOR, ".cart-line")
    _assert_no_sideways_scroll(driver)
    checkout = driver.find_element(By.ID, "checkout-link")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", checkout)
    assert 0 <= _rect(driver, checkout)["right"] <= WIDTH
    checkout.click()

    # checkout: the form fits the width and a bank-transfer order goes through
    wait.until(EC.url_matches(rf"/{lang}/checkout$"))
    _assert_no_sideways_scroll(driver)
    fill(driver, ADDRESS[lang], By.NAME)
    Select(driver.find_element(By.NAME, "country")).select_by_value(COUNTRY[lang])
    customs = driver.find_elements(By.NAME, "customs_id")
    if customs:
        customs[0].send_keys("P123456789012")
    transfer = driver.find_element(By.CSS_SELECTOR, "input[name=pay_method][value=transfer]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", transfer)
    transfer.click()
    place = driver.find_element(By.ID, "place-order")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", place)
    assert 0 <= _rect(driver, place)["left"] and _rect(driver, place)["right"] <= WIDTH
    place.click()
    wait.until(EC.url_matches(rf"/{lang}/orders/KJ-\d{{4}}-[A-Z0-9]{{5}}$"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.order-page[data-status="awaiting_transfer"]')))
    _assert_no_sideways_scroll(driver)
    with shop.app.app_context():
        order = db.session.scalars(db.select(Order)).one()
        assert (order.status, order.pay_method, order.country) == ("awaiting_transfer", "transfer", COUNTRY[lang])


def test_wide_screen_shows_the_filters_without_the_fold_button(shop, browser_factory):
    driver = browser_factory("ru-RU,ru")  # 1280 px wide
    driver.get(f"{shop.url}/ru/c/swimwear/one-piece/")
    fold = waiter(driver, 20).until(EC.presence_of_element_located((By.ID, "filters-fold")))
    assert fold.get_attribute("open") is None
    field = driver.find_element(By.ID, "min_price")
    rect = _rect(driver, field)
    assert rect["height"] > 10 and rect["width"] > 10
    assert _at_centre(driver, field) == field
    assert not fold.find_element(By.TAG_NAME, "summary").is_displayed()
    driver.get(f"{shop.url}/ru/p/{shop.ids['suit']}")
    waiter(driver, 20).until(EC.visibility_of_element_located((By.ID, "opt-size")))
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight);")
    assert not driver.find_element(By.ID, "buy-bar").is_displayed()  # phones only
