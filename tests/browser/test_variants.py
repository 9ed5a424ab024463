"""Real headless Chromium, in Russian and Korean: the option picker on a swimsuit page (size × colour), price and
SKU following the choice without a reload, size M in blue into the cart, checkout to Moscow or Seoul, the order
line is that variant and only its stock was taken."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.catalog.models import ProductVariant
from storefront.extensions import db
from storefront.ordering.models import OrderLine
from tests import factories
from tests.browser.helpers import fill, waiter

pytestmark = [pytest.mark.browser, pytest.mark.stripe]


@pytest.fixture
def shop(live, localstripe):
    """The live server with one swimsuit in sizes S/M/L and colours red/blue."""
    live.configure(**localstripe.config())
    with live.app.app_context():
        factories.rates()
        suit = factories.product(
            sku="XC-2231",
            price_fen=12000,
            moq=1,
            hs_code="6112410000",
            customs_unit="011",
            category_=factories.category(cluster_slug="swimwear"),
            texts={
                "ru": {"name": "Купальник «Волна»"},
                "ko": {"name": "수영복 «파도»"},
                "en": {"name": "Swimsuit Wave"},
                "zh": {"name": "泳衣"},
            },
        )
        made = factories.with_variants(
            suit,
            {"size": ["S", "M", "L"], "colour": ["red", "blue"]},
            stock=50,
            prices={("M", "blue"): 13500},
        )
        made[("L", "red")].stock = 0
        made[("M", "blue")].stock = 5
        db.session.commit()
        ids = {"suit": suit.id, "target": made[("M", "blue")].id}
    live.ids = ids
    return live


#: What each language's buyer sees and types: browser languages, texts on the page, the delivery address.
BUYERS = {
    "ru": {
        "accept": "ru-RU,ru;q=0.9",
        "out": "нет в наличии",
        "left": "5 штук",
        "variant": "M · синий",
        "country": "RU",
        "address": (
            ("email", "ivan.petrov@example.ru"),
            ("contact_name", "Иван Петров"),
            ("city", "Москва"),
            ("postal_code", "125009"),
            ("address_line1", "ул. Тверская, д. 7, кв. 12"),
        ),
    },
    "ko": {
        "accept": "ko-KR,ko;q=0.9",
        "out": "품절",
        "left": "5개",
        "variant": "M · 파랑",
        "country": "KR",
        "address": (
            ("email", "minji.kim@example.kr"),
            ("contact_name", "김민지"),
            ("city", "서울특별시"),
            ("postal_code", "04524"),
            ("address_line1", "중구 세종대로 110, 101동 1203호"),
        ),
    },
}


@pytest.mark.parametrize("lang", sorted(BUYERS))
def test_pick_size_m_in_blue_then_cart_and_checkout(shop, browser_factory, lang):
    buyer = BUYERS[lang]
    driver = browser_factory(buyer["accept"])
    wait = waiter(driver, 20)
    driver.get(f"{shop.url}/{lang}/p/{shop.ids['suit']}")
    size = Select(wait.until(EC.element_to_be_clickable((By.ID, "opt-size"))))
    colour = Select(driver.find_element(By.ID, "opt-colour"))
    assert not driver.find_element(By.ID, "buy-variant").is_displayed()  # the plain select gives way
    price_before = driver.find_element(By.ID, "variant-price").text
    size.select_by_value("L")
    colour.select_by_value("red")
    assert buyer["out"] in driver.find_element(By.ID, "variant-stock").text
    assert not driver.find_element(By.ID, "buy-button").is_enabled()
    size.select_by_value("M")
    colour.select_by_value("blue")
    assert driver.find_element(By.ID, "variant-sku").text == "XC-2231-4"
    assert driver.find_element(By.ID, "variant-price").text != price_before  # M/blue has its own price
    assert buyer["left"] in driver.find_element(By.ID, "variant-stock").text
    field = driver.find_element(By.ID, "buy-qty")
    field.clear()
    field.send_keys("2")
    driver.find_element(By.ID, "buy-button").click()
    wait.until(EC.url_matches(rf"/{lang}/cart/$"))
    assert buyer["variant"] in driver.find_element(By.CSS_SELECTOR, ".cart-line").text
    driver.find_element(By.ID, "checkout-link").click()
    wait.until(EC.url_matches(rf"/{lang}/checkout$"))
    assert (
        Select(driver.find_element(By.NAME, "country")).first_selected_option.get_attribute("value") == buyer["country"]
    )
    fill(driver, dict(buyer["address"]), By.NAME)
    customs = driver.find_elements(By.NAME, "customs_id")  # Korea: the buyer's personal customs code
    if customs:
        customs[0].send_keys("P123456789012")
    driver.find_element(By.ID, "place-order").click()
    wait.until(EC.url_matches(rf"/{lang}/orders/KJ-\d{{4}}-[A-Z0-9]{{5}}/pay$"))
    with shop.app.app_context():
        line = db.session.scalars(db.select(OrderLine)).one()
        assert (line.variant_id, line.qty, line.sku) == (shop.ids["target"], 2, "XC-2231-4")
        assert line.variant_names[lang] == buyer["variant"]
        stock = {v.id: v.stock for v in db.session.scalars(db.select(ProductVariant))}
        assert stock.pop(shop.ids["target"]) == 3 and set(stock.values()) == {0, 50}
