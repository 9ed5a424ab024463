"""Back-office charts: readable on a phone, "—" for a share of nothing, the data table beside each chart."""

from __future__ import annotations

import re

from storefront.catalog.merchant_queries import Coverage
from storefront.core import charts
from storefront.extensions import db
from tests.backoffice_helpers import client_as


def test_a_share_of_nothing_is_a_dash_not_100_percent():
    assert Coverage("ru", 0, 0).percent is None
    assert Coverage("ru", 1, 4).percent == 25
    chart = charts.bar_chart("c", "Coverage", [("Русский", None), ("中文", 50)], fmt=lambda v: f"{v:.0f}%")
    assert [shown for _label, _value, shown in chart.rows] == [charts.NO_VALUE, "50%"]


def test_bar_labels_get_their_own_line_in_a_phone_wide_view_box():
    long = "Магниевые огнеупорные изделия для металлургии"
    svg = str(charts.bar_chart("c", "T", [(long, 10), ("B", 5)], fmt=str).svg)
    assert f'viewBox="0 0 {charts.WIDTH} ' in svg and charts.WIDTH <= 400
    labels = re.findall(r'<text x="0" y="[\d.]+" class="chart-label">([^<]+)</text>', svg)
    assert labels[0].endswith("…") and labels[1] == "B"  # the whole label stays in the <title> and the table
    assert f"<title>{long}: 10</title>" in svg
    line = str(charts.line_chart("l", "T", [(f"2026-{m:02d}", m) for m in range(1, 13)]).svg)
    assert line.count('class="chart-axis">2026-') <= 4 and line.count("<circle") == 12


def test_empty_catalogue_dashboard_shows_dashes_and_tables_beside_the_charts(app, make):
    merchant = make.merchant()
    db.session.commit()
    page = client_as(app, merchant.owner).get("/zh/merchant/").get_data(as_text=True)
    coverage = page[page.index('id="chart-coverage"') :]
    coverage = coverage[: coverage.index("</figure>")]
    assert not re.search(r">\s*100\s?%", coverage) and ">—<" in coverage
    assert '<table class="bo-table chart-data">' in coverage
    assert not re.search(r">\s*100\s?%", page[page.index("coverage-table") :])
