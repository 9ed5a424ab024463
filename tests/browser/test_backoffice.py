"""Real headless Chromium, CSRF on, a fresh database: a merchant signs up in Chinese and files the
company, an operator approves it, the merchant adds a product with Russian and Korean text and an image,
and the product is found on /ru/search."""

import email
import email.policy
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from storefront.extensions import db
from tests import factories
from tests.backoffice_helpers import PASSWORD, PDF, image_bytes
from tests.browser.helpers import fill, waiter

pytestmark = pytest.mark.browser


@pytest.fixture
def live_fresh(live):
    """The live server over a database holding only reference data and an operator."""
    with live.app.app_context():
        factories.category(slug="swimsuits", cluster_slug="swimwear")
        factories.city("xingcheng")
        factories.rates()
        factories.user("operator", email="ops@kuajing.example", name="运营")
        db.session.commit()
    return live


def test_merchant_files_operator_approves_product_found_in_russian_search(live_fresh, browser_factory, tmp_path):
    base = live_fresh.url
    merchant = browser_factory("zh-CN,zh")
    wait = waiter(merchant, 20)

    # 1. sign up in Chinese as an exporter
    merchant.get(base + "/")
    wait.until(EC.url_matches(r"/zh/$"))
    merchant.get(base + "/zh/account/register")
    fill(
        merchant,
        {"name": "王丽", "email": "wangli@haiyun.example.cn", "password": PASSWORD, "confirm": PASSWORD},
    )
    merchant.find_element(By.CSS_SELECTOR, 'input[name="role"][value="merchant"]').click()
    merchant.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_matches(r"/zh/account/login$"))
    # the e-mailed link confirms the address and signs in
    raw = next((Path(live_fresh.app.config["DATA_DIR"]) / "mail").glob("*.eml")).read_bytes()
    mail = email.message_from_bytes(raw, policy=email.policy.default).get_body(("plain",)).get_content()
    merchant.get(base + re.search(r"https?://[^/\s]+(/zh/account/verify/\S+)", mail).group(1))
    wait.until(EC.url_matches(r"/zh/merchant/welcome$"))  # the onboarding checklist, not the storefront

    # 2. the checklist's first step leads to the filing form; file the company with a document
    merchant.find_element(By.CSS_SELECTOR, '[data-step="filing"] a.btn').click()
    wait.until(EC.url_matches(r"/zh/merchant/filing$"))
    fill(
        merchant,
        {
            "name_zh": "兴城海韵泳装有限公司",
            "name_en": "Xingcheng Haiyun Swimwear Co., Ltd.",
            "uscc": factories.valid_uscc(424242),
            "customs_code": "2114960123",
            "contact_name": "王丽",
            "contact_email": "wangli@haiyun.example.cn",
            "phone": "+86 429 555 0101",
        },
    )
    Select(merchant.find_element(By.ID, "cluster_id")).select_by_index(0)
    Select(merchant.find_element(By.ID, "city_slug")).select_by_value("xingcheng")
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(PDF)
    merchant.find_element(By.ID, "documents").send_keys(str(licence))
    merchant.find_element(By.CSS_SELECTOR, "form.bo-form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".filing-state .status-pending")))

    # 3. an operator approves the filing
    operator = browser_factory("zh-CN,zh")
    op_wait = waiter(operator, 20)
    operator.get(base + "/zh/account/login")
    fill(operator, {"email": "ops@kuajing.example", "password": PASSWORD})
    operator.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    op_wait.until(EC.url_matches(r"/zh/$"))
    operator.get(base + "/zh/operator/filings/")
    operator.find_element(By.LINK_TEXT, "兴城海韵泳装有限公司").click()
    op_wait.until(EC.presence_of_element_located((By.LINK_TEXT, "营业执照.pdf")))
    operator.find_element(By.CSS_SELECTOR, ".decision button[data-confirm]").click()
    op_wait.until(EC.alert_is_present()).accept()
    op_wait.until(EC.url_matches(r"/zh/operator/filings/\?kind=merchant$"))

    # 4. the merchant adds a product: Chinese, then the Russian and Korean tabs
    merchant.get(base + "/zh/merchant/filing")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".filing-state .status-approved")))
    merchant.get(base + "/zh/merchant/products/new")
    fill(
        merchant,
        {
            "sku": "HY-SW-001",
            "hs_code": "6112410000",
            "customs_name": "女式泳衣",
            "model": "M-2026",
            "net_weight_g": "180",
            "gross_weight_g": "230",
            "price": "128.50",
            "moq": "10",
            "stock": "500",
            "text_zh-name": "女式连体泳衣",
        },
    )
    Select(merchant.find_element(By.ID, "category_id")).select_by_index(0)
    Select(merchant.find_element(By.ID, "customs_unit")).select_by_value("011")
    Select(merchant.find_element(By.ID, "origin_city")).select_by_value("xingcheng")
    ru_name = merchant.find_element(By.ID, "text_ru-name")
    assert not ru_name.is_displayed()  # tabs: only one language at a time
    merchant.find_element(By.CSS_SELECTOR, '.tab[data-lang="ru"]').click()
    wait.until(EC.visibility_of(ru_name))
    fill(
        merchant,
        {
            "text_ru-name": "Женский слитный купальник Хайюнь",
            "text_ru-description": "Ткань, устойчивая к хлору.",
        },
    )
    merchant.find_element(By.CSS_SELECTOR, '.tab[data-lang="ko"]').click()
    wait.until(EC.visibility_of_element_located((By.ID, "text_ko-name")))
    fill(merchant, {"text_ko-name": "하이윈 여성 원피스 수영복"})
    merchant.find_element(By.CSS_SELECTOR, "form.product-form button[type=submit]").click()
    wait.until(EC.url_matches(r"/zh/merchant/products/\d+$"))
    product_id = merchant.current_url.rsplit("/", 1)[-1]

    # 5. an image
    photo = tmp_path / "swimsuit.jpg"
    photo.write_bytes(image_bytes("JPEG", size=(640, 480)))
    merchant.find_element(By.ID, "img-image").send_keys(str(photo))
    merchant.find_element(By.ID, "img-alt").send_keys("泳衣正面")
    merchant.find_element(By.CSS_SELECTOR, "#images form.bo-form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#images .image-list img")))

    # 6. a Russian buyer finds it
    buyer = browser_factory("ru-RU,ru")
    buyer_wait = waiter(buyer, 20)
    buyer.get(base + "/ru/search?q=купальник")
    link = buyer_wait.until(
        EC.presence_of_element_located((By.CSS_SELECTOR, f'.search-hit .card-title a[href$="/ru/p/{product_id}"]'))
    )
    assert "Хайюнь" in link.text
    assert buyer.find_element(By.CSS_SELECTOR, ".search-hit img").get_attribute("src")
    link.click()
    buyer_wait.until(EC.url_matches(rf"/ru/p/{product_id}$"))
    assert "Женский слитный купальник Хайюнь" in buyer.find_element(By.TAG_NAME, "h1").text
