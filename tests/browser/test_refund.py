"""Real headless Chromium: a Russian buyer pays by card (localstripe), an operator refunds half in the
console (Chinese), the buyer sees the refund line on the order page, and the refund e-mail was written."""

from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering.models import Order
from tests import factories
from tests.backoffice_helpers import PASSWORD
from tests.browser.helpers import waiter
from tests.browser.test_checkout import GOOD, _assert_paid_order_page, _pay_with, _shop_and_check_out, shop  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.stripe]


def test_pay_then_operator_refunds_half_and_the_buyer_sees_it(shop, browser_factory):  # noqa: F811
    application = shop.app
    with application.app_context():
        factories.user(Role.OPERATOR.value, email="ops-refund@kuajing.example")
        db.session.commit()
    buyer = browser_factory("ru-RU,ru")
    wait = waiter(buyer, 20)
    number = _shop_and_check_out(buyer, wait, shop)
    _pay_with(buyer, wait, GOOD)
    _assert_paid_order_page(buyer, wait, number)
    with application.app_context():
        order = db.session.scalars(select(Order).where(Order.number == number)).one()
        order_id, half = order.id, Money(order.total_minor // 2, order.currency)

    operator = browser_factory("zh-CN,zh")
    op_wait = waiter(operator, 20)
    operator.get(shop.url + "/zh/account/login")
    operator.find_element(By.NAME, "email").send_keys("ops-refund@kuajing.example")
    operator.find_element(By.NAME, "password").send_keys(PASSWORD)
    operator.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    op_wait.until(EC.url_matches(r"/zh/$"))
    operator.get(f"{shop.url}/zh/operator/refunds/order/{order_id}")
    field = op_wait.until(EC.element_to_be_clickable((By.NAME, "amount")))
    field.send_keys(str(half.amount))
    operator.find_element(By.NAME, "reason").send_keys("Одна коробка повреждена")
    operator.find_element(By.CSS_SELECTOR, "#refund-form button[type=submit]").click()
    op_wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.refund-line[data-status="succeeded"]')))

    buyer.refresh()
    line = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".refund-line")))
    assert "Одна коробка повреждена" in line.text and "Возвращено" in line.text
    assert half.format("ru").replace("\xa0", " ") in line.text  # the browser shows no-break spaces as spaces

    mails = []
    for path in (Path(application.config["DATA_DIR"]) / "mail").glob("*.eml"):
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        if str(msg["Subject"]) == f"Заказ {number}: возврат денег":
            mails.append(msg)
    assert len(mails) == 1 and mails[0]["To"] == "ivan.petrov@example.ru"
    assert half.format("ru") in mails[0].get_body(("plain",)).get_content()
