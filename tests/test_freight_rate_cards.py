"""Logistics providers publish rate cards by spreadsheet: checked whole, saved whole or not at all; checkout
uses a valid card when it is the cheapest and the order records it; the provider sees its bookings."""

import csv
import io
from datetime import date

from sqlalchemy import func, select

from storefront.extensions import db
from storefront.ordering.freight.cards import valid_cards
from storefront.ordering.freight.models import RateCard
from tests.backoffice_helpers import client_as

HEADER = ["mode", "zones", "origin", "via", "days_min", "days_max", "from_kg", "to_kg", "rate", "min_charge"]
GOOD = [
    ["rail", "RU", "Dalian", "Manzhouli", "11", "16", "0", "1000", "5.00", "500"],
    ["rail", "RU", "Dalian", "Manzhouli", "11", "16", "1000", "", "0.90", "500"],
]


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _upload(client, rows, **form):
    data = {"code": "RU rail Q1", "valid_from": "2026-12-01", "valid_until": "2099-03-31", **form}
    data["file"] = (io.BytesIO(_csv(rows)), "rates.csv")
    return client.post("/en/services/provider/rates", data=data, content_type="multipart/form-data")


def _cards() -> int:
    return db.session.scalar(select(func.count(RateCard.id)))


def test_logistics_provider_publishes_a_card_that_prices_an_order_and_sees_the_booking(app, make):
    provider = make.service_provider(categories=["logistics"])
    db.session.commit()
    client = client_as(app, provider.owner)
    response = _upload(client, GOOD)
    assert response.status_code == 302 and _cards() == 1
    card = db.session.scalars(select(RateCard)).one()
    assert card.provider_id == provider.id and card.lanes[0]["breaks"] == [[0, 1000, 500], [1000, 0, 90]]
    # five tonnes of magnesia to Russia by rail: the provider's 0.90 yuan/kg beats the platform's 1.05
    make.rates()
    product = make.product(
        price_fen=468_000,
        gross_weight_g=1_003_500,
        net_weight_g=1_000_000,
        moq=5,
        stock=50,
        package_kind="bag",
        package_length_mm=1100,
        package_width_mm=1100,
        package_height_mm=1000,
    )
    order = make.order([(product, 5)], mode="rail")
    db.session.commit()
    sub = order.sub_orders[0]
    assert sub.rate_card == f"provider:{provider.id}:{card.id}" and order.transport_mode == "rail"
    assert sub.shipping_fen == 5_017_500 * 90 // 1000 + (5_017_500 * 90 % 1000 > 0)
    page = client.get("/en/services/provider/rates").get_data(as_text=True)
    assert sub.number in page and "RU rail Q1" in page


def test_bad_cards_are_refused_with_messages_and_nothing_is_saved(app, make):
    provider = make.service_provider(categories=["logistics"])
    db.session.commit()
    client = client_as(app, provider.owner)
    overlap = [GOOD[0], ["rail", "RU", "Dalian", "Manzhouli", "11", "16", "500", "", "0.90", "500"]]
    cases = {
        "overlap": (overlap, {}),
        "-1": ([["rail", "RU", "Dalian", "Manzhouli", "11", "16", "0", "", "-1", "0"]], {}),
        "100 times": ([["rail", "RU", "Dalian", "Manzhouli", "11", "16", "0", "", "700.00", "0"]], {}),
        "expired": (GOOD, {"valid_from": "2025-01-01", "valid_until": "2025-12-31"}),
    }
    for expected, (rows, form) in cases.items():
        page = _upload(client, rows, **form).get_data(as_text=True)
        assert 'id="rate-problems"' in page, expected
        if expected != "-1":
            assert expected in page, expected
        else:
            assert "Enter an amount in yuan" in page
    assert _cards() == 0


def test_only_logistics_providers_publish_rate_cards(app, make):
    provider = make.service_provider(categories=["translation"])
    db.session.commit()
    client = client_as(app, provider.owner)
    assert "logistics services" in _upload(client, GOOD).get_data(as_text=True) and _cards() == 0
    expired = RateCard(
        provider_id=provider.id, code="old", valid_from=date(2025, 1, 1), valid_until=date(2025, 2, 1), lanes=[]
    )
    db.session.add(expired)
    db.session.commit()
    assert [card.code for card in valid_cards(date(2026, 12, 3))] == ["platform-default"]  # expired: unused
