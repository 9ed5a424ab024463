"""Real headless Chromium, in Russian: the option picker on a swimsuit page (size × colour), price and SKU
following the choice without a reload, size M in blue into the cart, checkout to Moscow, the order line is
that variant and only its stock was taken."""

import itertools

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from storefront.catalog.models import ProductVariant
from storefront.extensions import db
from storefront.ordering.models import OrderLine
from tests import factories
from tests.conftest import LiveServer, _database_url, make_app, migrate_schema

pytestmark = [pytest.mark.browser, pytest.mark.stripe]
_n = itertools.count(1)


@pytest.fixture
def shop(request, tmp_path, localstripe):
    """A live server on its own database with one swimsuit in sizes S/M/L and colours red/blue."""
    url = _database_url(request, tmp_path, f"kj_browser_variants_{next(_n)}")
    application = make_app(tmp_path, url, WTF_CSRF_ENABLED=True, **localstripe.config())
    migrate_schema(application)
    with application.app_context():
        factories.rates()
        suit = factories.product(
            sku="XC-2231",
            price_fen=12000,
            moq=1,
            hs_code="6112410000",
            customs_unit="011",
            category_=factories.category(cluster_slug="swimwear"),
            texts={"ru": {"name": "Купальник «Волна»"}, "en": {"name": "Swimsuit Wave"}, "zh": {"name": "泳衣"}},
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
    server = LiveServer(application).start()
    server.ids, server.app = ids, application
    yield server
    server.stop()
    with application.app_context():
        db.engine.dispose()


def test_pick_size_m_in_blue_then_cart_and_checkout(shop, browser_factory):
    driver = browser_factory("ru-RU,ru;q=0.9")
    wait = WebDriverWait(driver, 20)
    driver.get(f"{shop.url}/ru/p/{shop.ids['suit']}")
    size = Select(wait.until(EC.element_to_be_clickable((By.ID, "opt-size"))))
    colour = Select(driver.find_element(By.ID, "opt-colour"))
    assert not driver.find_element(By.ID, "buy-variant").is_displayed()  # the plain select gives way
    price_before = driver.find_element(By.ID, "variant-price").text
    size.select_by_value("L")
    colour.select_by_value("red")
    assert "нет в наличии" in driver.find_element(By.ID, "variant-stock").text
    assert not driver.find_element(By.ID, "buy-button").is_enabled()
    size.select_by_value("M")
    colour.select_by_value("blue")
    assert driver.find_element(By.ID, "variant-sku").text == "XC-2231-4"
    assert driver.find_element(By.ID, "variant-price").text != price_before  # M/blue has its own price
    assert "5 штук" in driver.find_element(By.ID, "variant-stock").text
    field = driver.find_element(By.ID, "buy-qty")
    field.clear()
    field.send_keys("2")
    driver.find_element(By.ID, "buy-button").click()
    wait.until(EC.url_matches(r"/ru/cart/$"))
    assert "M · синий" in driver.find_element(By.CSS_SELECTOR, ".cart-line").text
    driver.find_element(By.ID, "checkout-link").click()
    wait.until(EC.url_matches(r"/ru/checkout$"))
    for name, value in (
        ("email", "ivan.petrov@example.ru"),
        ("contact_name", "Иван Петров"),
        ("city", "Москва"),
        ("postal_code", "125009"),
        ("address_line1", "ул. Тверская, д. 7, кв. 12"),
    ):
        driver.find_element(By.NAME, name).send_keys(value)
    driver.find_element(By.ID, "place-order").click()
    wait.until(EC.url_matches(r"/ru/orders/KJ-\d{4}-[A-Z0-9]{5}/pay$"))
    with shop.app.app_context():
        line = db.session.scalars(db.select(OrderLine)).one()
        assert (line.variant_id, line.qty, line.sku) == (shop.ids["target"], 2, "XC-2231-4")
        assert line.variant_names["ru"] == "M · синий"
        stock = {v.id: v.stock for v in db.session.scalars(db.select(ProductVariant))}
        assert stock.pop(shop.ids["target"]) == 3 and set(stock.values()) == {0, 50}
