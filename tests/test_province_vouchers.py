"""Services bought with government vouchers in the province statistics: orders paid fully or in part with a
voucher (made through the marketplace's operations), by category and month, on the page, in the CSV and the PDF."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from services_market import orders, voucher_stats
from services_market.constants import Action, Party
from storefront.accounts.models import Role
from storefront.core import statistics
from storefront.extensions import db
from storefront.statistics import province
from tests.backoffice_helpers import client_as


@pytest.fixture
def voucher_orders(make, monkeypatch):
    """Last month: a full voucher (translation). This month: a part voucher paid by card (translation), a full
    voucher (certification), a cancelled order (voucher given back), an order without a voucher."""
    make.rates()
    a, b = make.merchant(), make.merchant()
    translation = make.service_package(make.service_provider())
    certification = make.service_package(
        make.service_provider(categories=["certification"]), category="certification", tiers=[("basic", 500000, 30, 0)]
    )
    this_month = datetime.now(UTC)
    last_month = this_month.replace(day=1) - timedelta(days=2)
    monkeypatch.setattr(orders, "now", lambda: last_month)
    orders.place_order(a.owner, a, translation, "basic", "Brief", [], make.voucher(a).code)
    monkeypatch.setattr(orders, "now", lambda: this_month)
    part = orders.place_order(
        a.owner, a, translation, "standard", "Brief", [], make.voucher(a, kind="amount", amount_fen=50000).code
    )
    unpaid = orders.place_order(
        b.owner, b, translation, "basic", "Brief", [], make.voucher(b, kind="amount", amount_fen=30000).code
    )
    orders.transition(part, Action.PAY, None, Party.SYSTEM, note="pi_test")
    orders.place_order(b.owner, b, certification, "basic", "Brief", [], make.voucher(b).code)
    cancelled = orders.place_order(a.owner, a, certification, "basic", "Brief", [], make.voucher(a).code)
    orders.transition(cancelled, Action.CANCEL, a.owner, Party.MERCHANT, "changed my mind")
    orders.place_order(b.owner, b, translation, "basic", "Brief", [])  # paid by card later, no voucher
    db.session.commit()
    assert unpaid.paid_at is None  # a part voucher whose card part is unpaid is not yet a purchase
    return this_month.strftime("%Y-%m"), last_month.strftime("%Y-%m")


def test_figures_by_category_and_month(app, voucher_orders):
    month, previous = voucher_orders
    start, end = province.month_bounds(month)
    data = voucher_stats.figures(start, end)
    assert [(r[1], r[2], r[3], r[4]) for r in data["rows"]] == [
        ("certification", 1, 500000, 500000),
        ("translation", 1, 50000, 150000),
    ]
    assert (data["orders"], data["voucher_fen"], data["total_fen"], data["merchants"]) == (2, 550000, 650000, 2)
    last = voucher_stats.figures(*province.month_bounds(previous))
    assert [(r[0], r[1], r[2], r[3]) for r in last["rows"]] == [(previous, "translation", 1, 80000)]
    assert last["merchants"] == 1
    both = voucher_stats.figures(province.months_before(month, 1), end)
    assert both["orders"] == 3 and [r[0] for r in both["rows"]] == [previous, month, month]
    assert voucher_stats.figures(*province.month_bounds("2001-01"))["orders"] == 0


def test_section_is_registered_and_shown_on_page_csv_and_pdf(app, make, voucher_orders):
    month, previous = voucher_orders
    with app.test_request_context("/zh/"):
        keys = [s.key for s in statistics.sections(*province.month_bounds(month), "zh")]
    assert voucher_stats.KEY in keys
    operator = client_as(app, make.user(Role.OPERATOR.value))
    page = operator.get(f"/zh/operator/stats?month={month}").get_data(as_text=True)
    assert 'id="section-service_vouchers"' in page and 'id="chart-vouchers-category"' in page
    assert 'id="chart-vouchers-month"' in page  # two months with vouchers within the twelve shown
    assert "¥5,500.00" in page or "5,500.00" in page  # this month's voucher amount in the data table
    response = operator.get(f"/en/operator/stats/province.csv?month={month}")
    table = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    start = table.index(["政府服务券购买的服务"])
    block = table[start:]
    assert ["使用服务券的商家", "2"] in block
    assert [month, "认证服务", "1", "5000.00", "5000.00"] in block
    assert [month, "多语种翻译", "1", "500.00", "1500.00"] in block
    assert not any(row and row[0] == previous for row in block)  # the CSV is the chosen month only
    pdf = operator.get(f"/en/operator/stats/province.pdf?month={month}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
