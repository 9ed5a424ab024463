"""Operator console: exchange rates (edit, CSV import, history), audit log, filing kinds, pages, charts."""

import io
from decimal import Decimal

import pytest

from storefront.accounts.models import Role
from storefront.core import charts, rates
from storefront.core.audit import AuditEntry
from storefront.core.models import ExchangeRate
from storefront.extensions import db
from storefront.filing import queue as filings
from tests.backoffice_helpers import client_as


@pytest.fixture
def operator(app, make):
    """A signed-in operator client (with the seed rates) and the operator user."""
    user = make.user(Role.OPERATOR.value, email="ops@kuajing.example")
    make.rates()
    db.session.commit()
    return client_as(app, user), user


def _rate(code):
    db.session.expire_all()
    return db.session.get(ExchangeRate, code).rate


def test_edit_a_rate_records_history_and_audit(operator):
    client, user = operator
    old = _rate("RUB")
    assert client.post("/en/operator/rates/", data={"currency": "RUB", "rate": "13,05"}).status_code == 302
    assert _rate("RUB") == Decimal("13.05")
    change = rates.history("RUB")[0]
    assert (change.old_rate, change.new_rate, change.source, change.changed_by_id) == (
        old,
        Decimal("13.05"),
        "form",
        user.id,
    )
    entry = db.session.scalars(db.select(AuditEntry)).one()
    assert entry.action == "rate.update" and entry.target_id == "RUB"
    assert entry.before == {"rate": str(old)} and entry.after == {"rate": "13.05", "source": "form"}
    # the same value again changes nothing
    client.post("/en/operator/rates/", data={"currency": "RUB", "rate": "13.05"})
    assert len(rates.history("RUB")) == 1
    page = client.get("/en/operator/rates/history?currency=RUB").get_data(as_text=True)
    assert "13.05" in page and user.email in page


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.123456789", "1e9", "NaN"])
def test_bad_rates_are_refused(operator, value):
    client, _user = operator
    old = _rate("KRW")
    response = client.post("/en/operator/rates/", data={"currency": "KRW", "rate": value})
    assert response.status_code == 400 and 'aria-invalid="true"' in response.get_data(as_text=True)
    assert _rate("KRW") == old and not rates.history()


def test_cny_and_unknown_currencies_cannot_be_set(operator):
    client, _user = operator
    assert client.post("/en/operator/rates/", data={"currency": "CNY", "rate": "2"}).status_code == 400
    assert client.post("/en/operator/rates/", data={"currency": "XXX", "rate": "2"}).status_code == 400


def test_rates_csv_import_is_all_or_nothing(operator):
    client, _user = operator
    bad = b"currency,rate\nRUB,13.10\nKRW,-5\nGBP,0.1\nUSD,0.14\nUSD,0.15\n"
    response = client.post(
        "/en/operator/rates/import",
        data={"file": (io.BytesIO(bad), "rates.csv")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    result = rates.read_csv(bad)
    assert [(line, col) for line, col, _m in result.errors] == [(3, "rate"), (4, "currency"), (6, "currency")]
    assert "Unknown currency GBP" in page and "USD appears twice" in page
    assert _rate("RUB") == Decimal("12.85") and not rates.history()
    good = "\ufeffcurrency,rate\r\nRUB,13.10\r\nKRW,190.5\r\nEUR,0.1282\r\n".encode()
    response = client.post(
        "/en/operator/rates/import",
        data={"file": (io.BytesIO(good), "rates.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert (_rate("RUB"), _rate("KRW")) == (Decimal("13.10"), Decimal("190.5"))
    assert {c.currency for c in rates.history()} == {"RUB", "KRW"}  # EUR unchanged: no history row
    assert all(c.source == "csv" for c in rates.history())
    assert "currency,rate" in rates.read_csv(b"nope\n").errors[0][2]


def test_buyer_prices_follow_the_new_rate(app, operator, make):
    client, _user = operator
    product = make.product(price_fen=10000)
    db.session.commit()
    client.post("/en/operator/rates/", data={"currency": "RUB", "rate": "20", "confirm": "y"})
    page = client_as(app).get(f"/ru/p/{product.id}").get_data(as_text=True)
    assert "2\xa0000,00" in page


def test_console_pages_render(operator, make):
    client, _user = operator
    make.merchant(status="pending")
    make.product(sku="FIND-ME")
    db.session.commit()
    for url in (
        "/en/operator/",
        "/en/operator/filings/",
        "/en/operator/filings/?status=all",
        "/en/operator/moderation/?q=FIND",
        "/en/operator/moderation/?state=moderated",
        "/en/operator/rates/",
        "/en/operator/rates/history",
        "/en/operator/audit",
        "/en/operator/audit?action=rate",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "FIND-ME" in client.get("/en/operator/moderation/?q=FIND").get_data(as_text=True)
    assert client.get("/en/operator/filings/?kind=nope").status_code == 404
    assert client.get("/en/operator/filings/merchant/999999").status_code == 404


def test_a_new_filing_kind_plugs_into_the_queue(operator, monkeypatch):
    client, _user = operator
    rows = [filings.Row(7, "Dalian Translation Services", "pending", None)]
    kind = filings.FilingKind(
        key="testkind",
        label="Test applicants",
        counts=lambda: {"pending": 1},
        rows=lambda status, lang: rows,
        get=lambda pk: None,
        approve=lambda obj, op: None,
        reject=lambda obj, op, reason: None,
        detail_template="operator/_merchant_filing.html",
        document_kind="testkind",
    )
    before = filings.pending_total()
    monkeypatch.setitem(filings.KINDS, "testkind", kind)
    page = client.get("/en/operator/filings/?kind=testkind").get_data(as_text=True)
    assert "Dalian Translation Services" in page and "Test applicants" in page
    assert filings.pending_total() == before + 1
    assert client.get("/en/operator/filings/testkind/7").status_code == 404


def test_audit_record_handles_objects_and_tuples(ctx, make):
    from storefront.core import audit

    user = make.user(Role.OPERATOR.value)
    merchant = make.merchant()
    entry = audit.record(user, "test.thing", merchant, {"a": Decimal("1.5")}, {"a": Decimal("2")})
    assert (entry.target_type, entry.target_id, entry.before, entry.after) == (
        "merchants",
        str(merchant.id),
        {"a": "1.5"},
        {"a": "2"},
    )
    assert entry.changed == [("a", "1.5", "2")]
    assert audit.record(None, "system.x", ("exchange_rates", "RUB")).actor_email == ""


def test_charts_are_accessible_svg_with_escaped_labels():
    chart = charts.bar_chart(
        "c1",
        "GMV <by> country",
        [("Россия", 1200), ("<script>", 300), ("한국", 0)],
        fmt=lambda v: f"¥{v:,.0f}",
        value_label="GMV",
    )
    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-labelledby="c1-title"' in svg
    assert '<title id="c1-title">GMV &lt;by&gt; country</title>' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "Россия" in svg and "¥1,200" in svg
    assert [row[2] for row in chart.rows] == ["¥1,200", "¥300", "¥0"]
    line = charts.line_chart("c2", "Orders by month", [("2026-01", 3), ("2026-02", 7), ("2026-03", 5)])
    svg = str(line.svg)
    assert "<polyline" in svg and svg.count("<circle") == 3 and "2026-02" in svg
    assert charts.bar_chart("c3", "Empty", []).empty
    assert [charts.nice_ceiling(v) for v in (0, 7, 12, 480, 1001)] == [1, 10, 20, 500, 2000]
