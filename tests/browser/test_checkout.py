"""Real headless Chromium, in Russian: browse, cart from two merchants (one at a wholesale tier), checkout to
Moscow, card payment through localstripe's fake Stripe.js, the paid order page; then a declined card and a
retry."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.extensions import db
from tests import factories
from tests.browser.helpers import fill, waiter

pytestmark = [pytest.mark.browser, pytest.mark.stripe]

GOOD, DECLINED = "4242424242424242", "4000000000000341"


@pytest.fixture
def shop(live, localstripe):
    """The live server with two merchants' products, Stripe = localstripe."""
    live.configure(**localstripe.config())
    with live.app.app_context():
        factories.rates()
        swim = factories.merchant(
            names={"zh": "兴城泳装有限公司", "en": "Xingcheng Swimwear Co.", "ru": "Синчэн Купальники"}
        )
        magnesium = factories.merchant(names={"zh": "海城镁业", "en": "Haicheng Magnesium", "ru": "Хайчэн Магний"})
        suit = factories.product(
            swim,
            price_fen=12000,
            moq=10,
            stock=500,
            tiers=[(50, 9500), (100, 8000)],
            featured=True,
            gross_weight_g=400,
            net_weight_g=300,
            hs_code="6112410000",
            customs_unit="011",
            texts={
                "ru": {"name": "Слитный купальник «Волна»"},
                "en": {"name": "One-piece swimsuit Wave"},
                "zh": {"name": "连体泳衣"},
            },
        )
        anode = factories.product(
            magnesium,
            price_fen=36000,
            moq=1,
            stock=40,
            featured=True,
            gross_weight_g=2600,
            net_weight_g=2500,
            texts={
                "ru": {"name": "Магниевый анод для бойлера"},
                "en": {"name": "Magnesium boiler anode"},
                "zh": {"name": "镁阳极棒"},
            },
        )
        db.session.commit()
        live.ids = {"suit": suit.id, "anode": anode.id, "suit_variant": suit.default_variant.id}
    localstripe.register_webhook("kuajing-browser", f"{live.url}/webhooks/stripe")
    yield live
    localstripe.register_webhook("kuajing-browser", "http://127.0.0.1:9/unused")


def _add_to_cart(driver, wait, qty: int | None = None):
    field = wait.until(EC.element_to_be_clickable((By.ID, "buy-qty")))
    if qty is not None:
        field.clear()
        field.send_keys(str(qty))
    driver.find_element(By.CSS_SELECTOR, ".buy-box button[type=submit]").click()
    wait.until(EC.url_matches(r"/ru/cart/$"))


def _shop_and_check_out(driver, wait, shop) -> str:
    driver.get(shop.url + "/")
    wait.until(EC.url_matches(r"/ru/$"))
    # browse: open the swimsuit from the home page and take 120 (past the 100+ tier)
    wait.until(EC.element_to_be_clickable((By.XPATH, "//a[contains(., 'Слитный купальник')]"))).click()
    wait.until(EC.url_matches(rf"/ru/p/{shop.ids['suit']}$"))
    _add_to_cart(driver, wait, 120)
    driver.get(f"{shop.url}/ru/p/{shop.ids['anode']}")
    _add_to_cart(driver, wait)
    groups = driver.find_elements(By.CSS_SELECTOR, ".cart-group")
    assert len(groups) == 2
    assert driver.find_element(By.ID, f"qty-{shop.ids['suit_variant']}").get_attribute("value") == "120"
    assert driver.find_elements(By.CSS_SELECTOR, ".badge-ok")  # the wholesale tier price is applied
    driver.find_element(By.ID, "checkout-link").click()
    wait.until(EC.url_matches(r"/ru/checkout$"))
    values = (
        ("email", "ivan.petrov@example.ru"),
        ("contact_name", "Иван Петров"),
        ("phone", "+7 495 123-45-67"),
        ("region", "Москва"),
        ("city", "Москва"),
        ("postal_code", "125009"),
        ("address_line1", "ул. Тверская, д. 7, кв. 12"),
    )
    fill(driver, dict(values), By.NAME)
    assert Select(driver.find_element(By.NAME, "country")).first_selected_option.get_attribute("value") == "RU"
    Select(driver.find_element(By.ID, "currency")).select_by_value("EUR")  # not the header switcher
    driver.find_element(By.ID, "place-order").click()
    wait.until(EC.url_matches(r"/ru/orders/KJ-\d{4}-[A-Z0-9]{5}/pay$"))
    return driver.current_url.rsplit("/", 2)[-2]


def _pay_with(driver, wait, number: str) -> None:
    box = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#card-element input[placeholder=number]")))
    wait.until(EC.element_to_be_clickable((By.ID, "pay-button")))
    values = {"number": number, "exp_month": "12", "exp_year": "34", "cvc": "123", "postal_code": "125009"}
    for placeholder, value in values.items():
        field = (
            box
            if placeholder == "number"
            else driver.find_element(By.CSS_SELECTOR, f"#card-element input[placeholder={placeholder}]")
        )
        field.clear()
        field.send_keys(value)
    driver.find_element(By.ID, "pay-button").click()


def _assert_paid_order_page(driver, wait, number: str) -> None:
    wait.until(EC.url_matches(rf"/ru/orders/{number}$"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.order-page[data-status="paid"]')))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    subs = driver.find_elements(By.CSS_SELECTOR, ".sub-order")
    assert len(subs) == 2
    assert "Синчэн Купальники" in subs[0].text and "Слитный купальник «Волна»" in subs[0].text
    assert "Хайчэн Магний" in subs[1].text and "Магниевый анод для бойлера" in subs[1].text
    assert "€" in driver.find_element(By.ID, "order-total").text
    assert driver.find_elements(By.CSS_SELECTOR, '.timeline-item[data-status="paid"]')


def test_russian_buyer_pays_by_card_and_sees_two_merchant_sub_orders(shop, browser_factory):
    driver = browser_factory("ru-RU,ru")
    wait = waiter(driver, 20)
    number = _shop_and_check_out(driver, wait, shop)
    _pay_with(driver, wait, GOOD)
    _assert_paid_order_page(driver, wait, number)


def test_declined_card_shows_the_decline_then_a_good_card_pays(shop, browser_factory):
    driver = browser_factory("ru-RU,ru")
    wait = waiter(driver, 20)
    number = _shop_and_check_out(driver, wait, shop)
    _pay_with(driver, wait, DECLINED)
    wait.until(lambda d: d.find_element(By.ID, "card-errors").text.strip())
    assert driver.current_url.endswith(f"/ru/orders/{number}/pay")
    assert driver.find_element(By.ID, "pay-button").is_enabled()
    # the cart's order is intact: reload shows the declined note and the same amount, then retry
    driver.refresh()
    wait.until(EC.presence_of_element_located((By.ID, "last-declined")))
    _pay_with(driver, wait, GOOD)
    _assert_paid_order_page(driver, wait, number)
