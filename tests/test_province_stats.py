"""Statistics for the province: export value by cluster, city, destination and payment channel for a month,
active exporters, CSV export (Chinese headers) and a monthly PDF report in Chinese."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ordering import operations as order_ops
from storefront.statistics import province
from tests.backoffice_helpers import client_as


def _sales(make):
    a, b = make.merchant(city_slug="dalian"), make.merchant(city_slug="xingcheng")
    for merchant, country, qty in ((a, "RU", 3), (b, "KR", 1), (a, "MN", 2)):
        product = make.product(merchant, price_fen=10000, stock=10)
        order = make.order([(product, qty)], country=country)
        order_ops.mark_paid(order, payment_ref=f"pi_{order.id}", cause="payment_succeeded", actor="test")
    make.order([(make.product(b, price_fen=99999, stock=5), 1)], country="RU")  # unpaid: not counted
    db.session.commit()


def test_rows_exporters_and_csv(app, make):
    _sales(make)
    month = datetime.now(UTC).strftime("%Y-%m")
    items = province.rows(month, "zh")
    assert sum(r.value_fen for r in items) == 60000 and sum(r.orders for r in items) == 3
    assert province.active_exporters(month) == 2
    assert len(items) == 3 and items[0].value_fen == 30000  # one row per city × destination; largest first
    operator = client_as(app, make.user(Role.OPERATOR.value))
    response = operator.get(f"/en/operator/stats/province.csv?month={month}")
    table = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    table = table[: table.index([])] if [] in table else table  # the registered sections follow a blank row
    assert table[0][0] == "月份" and len(table) == 1 + len(items)
    assert sum(float(row[-1]) for row in table[1:]) == 600.0
    assert operator.get("/en/operator/stats/province.csv?month=2026-13").status_code == 404
    assert province.rows("2001-01", "zh") == []


def test_monthly_pdf_report_in_chinese(app, make):
    _sales(make)
    operator = client_as(app, make.user(Role.OPERATOR.value))
    month = datetime.now(UTC).strftime("%Y-%m")
    response = operator.get(f"/ru/operator/stats/province.pdf?month={month}")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    page = operator.get("/zh/operator/stats").get_data(as_text=True)
    assert 'id="province-report"' in page
