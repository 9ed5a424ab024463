"""Real headless Chromium in Korean: five tonnes of magnesia by sea LCL under FOB, paid by bank transfer; the
buyer's order page and the merchant's commercial invoice show the terms and the transport mode."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select
from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering.models import SubOrder
from tests import factories
from tests.backoffice_helpers import PASSWORD
from tests.browser.helpers import fill, waiter

pytestmark = pytest.mark.browser


@pytest.fixture
def heavy_shop(live):
    """The live server with a magnesia merchant and its 1-t jumbo bags."""
    with live.app.app_context():
        factories.rates()
        owner = factories.user("merchant", email="sales@haicheng-mg.example.cn", name="李强")
        seller = factories.merchant(
            owner=owner, names={"zh": "海城镁业有限公司", "en": "Haicheng Magnesia Co.", "ko": "하이청 마그네시아"}
        )
        bag = factories.product(
            seller,
            price_fen=468_000,
            moq=5,
            stock=200,
            gross_weight_g=1_003_500,
            net_weight_g=1_000_000,
            hs_code="2519909100",
            package_kind="bag",
            package_length_mm=1100,
            package_width_mm=1100,
            package_height_mm=1000,
            texts={
                "ko": {"name": "전융 마그네시아 FM97"},
                "en": {"name": "Fused magnesia FM97"},
                "zh": {"name": "电熔镁砂"},
            },
        )
        db.session.commit()
        live.product_id = bag.id
    return live


def test_korean_buyer_orders_magnesia_by_sea_lcl_fob_and_sees_terms_and_mode(heavy_shop, browser_factory):
    base, app = heavy_shop.url, heavy_shop.app
    buyer = browser_factory("ko-KR,ko")
    wait = waiter(buyer, 20)
    buyer.get(f"{base}/ko/p/{heavy_shop.product_id}")
    wait.until(EC.element_to_be_clickable((By.ID, "buy-qty")))
    buyer.find_element(By.CSS_SELECTOR, ".buy-box button[type=submit]").click()
    wait.until(EC.url_matches(r"/ko/cart/$"))
    buyer.get(f"{base}/ko/checkout")
    # Korea is preselected for the Korean UI: the modes that fit five tonnes are offered, no parcel
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.transport-option[data-mode="sea_lcl"]')))
    offered = {e.get_attribute("data-mode") for e in buyer.find_elements(By.CSS_SELECTOR, ".transport-option")}
    assert "sea_lcl" in offered and "sea_fcl20" in offered and not {"parcel", "express"} & offered
    fill(
        buyer,
        {
            "email": "minsu.kim@example.kr",
            "contact_name": "김민수",
            "phone": "+82 32 123 4567",
            "city": "인천",
            "postal_code": "22382",
            "address_line1": "인천광역시 중구 서해대로 1",
        },
        By.NAME,
    )
    assert Select(buyer.find_element(By.NAME, "country")).first_selected_option.get_attribute("value") == "KR"
    buyer.find_element(By.CSS_SELECTOR, 'input[name="mode"][value="sea_lcl"]').click()
    buyer.find_element(By.CSS_SELECTOR, 'input[name="terms"][value="FOB"]').click()
    buyer.find_element(By.CSS_SELECTOR, 'input[name="pay_method"][value="transfer"]').click()
    buyer.find_element(By.ID, "place-order").click()
    wait.until(EC.url_matches(r"/ko/orders/KJ-\d{4}-[A-Z0-9]{5}$"))
    terms = buyer.find_element(By.ID, "order-terms").text
    mode = buyer.find_element(By.ID, "order-mode").text
    assert "FOB" in terms and "중국 항구" in terms and "해상 혼재(LCL)" in mode

    with app.app_context():
        sub_id = db.session.scalar(select(SubOrder.id))
    seller = browser_factory("ko-KR,ko")
    seller_wait = waiter(seller, 20)
    seller.get(f"{base}/ko/account/login")
    fill(seller, {"email": "sales@haicheng-mg.example.cn", "password": PASSWORD}, By.NAME)
    seller.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    seller_wait.until(EC.url_matches(r"/ko/merchant/"))  # merchants land on their back office
    seller.get(f"{base}/ko/merchant/orders/{sub_id}/invoice")
    seller_wait.until(EC.presence_of_element_located((By.ID, "doc-terms")))
    doc_terms = seller.find_element(By.ID, "doc-terms").text
    assert "FOB" in doc_terms and ("Dalian" in doc_terms or "Yingkou" in doc_terms)  # FOB names the port
    assert "해상 혼재(LCL)" in seller.find_element(By.ID, "doc-mode").text
