"""Freight on the real demo catalogue: which transport modes fit, what they cost, parcels, duties, rate cards."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from storefront.core.money import SEED_RATES
from storefront.demo.content import PRODUCTS
from storefront.ordering.freight import landed
from storefront.ordering.freight.packing import parcels, shipment
from storefront.ordering.freight.quoting import options
from storefront.ordering.freight.rates import CardError, default_card, parse_card

TODAY = date(2026, 12, 3)


def demo(sku: str) -> SimpleNamespace:
    """A demo product as packing sees it (the catalogue's TOML, as the seed loads it)."""
    data = next(p for p in PRODUCTS if p["sku"] == sku)
    package = data.get("package") or {}
    length, width, height = package.get("mm") or (None, None, None)
    return SimpleNamespace(
        sku=sku,
        hs_code=data["hs_code"],
        price_fen=data["price_fen"],
        gross_weight_g=data["gross_weight_g"],
        package_length_mm=length,
        package_width_mm=width,
        package_height_mm=height,
        units_per_package=package.get("units", 1),
        packages_per_unit=package.get("per_unit", 1),
    )


def quote_modes(sku: str, qty: int, zone: str):
    product = demo(sku)
    return {o.mode: o for o in options([shipment([(product, qty)])], zone, [default_card()])}, product


def test_car_lift_to_moscow_goes_by_rail_sea_or_road_never_parcel():
    found, lift = quote_modes("HL-LF-5001", 1, "RU")  # 680 kg, a 4.15 m crate
    assert {"rail", "sea_lcl", "road"} <= set(found)
    assert not {"parcel", "express", "air", "sea_fcl20", "sea_fcl40"} & set(found)
    cheapest = min(found.values(), key=lambda o: o.fen)
    assert cheapest.cheapest and sum(o.cheapest for o in found.values()) == 1
    assert cheapest.fen < lift.price_fen * 30 // 100  # was 350,000 ₽ (≈ 27,000 CNY) as a postal parcel
    assert found["rail"].route == "Dalian – Manzhouli" or found["rail"].parts[0].lane.via == "Suifenhe"


def test_five_tonnes_of_periclase_go_by_sea_or_rail_below_30_percent_of_the_goods():
    found, periclase = quote_modes("HM-MG-3001", 5, "RU")  # five 1-t jumbo bags
    goods_fen = periclase.price_fen * 5
    assert {"sea_lcl", "sea_fcl20", "rail"} <= set(found)
    assert not {"parcel", "express", "air"} & set(found)
    for mode in ("sea_lcl", "rail"):
        assert found[mode].fen < goods_fen * 30 // 100, (mode, found[mode].fen, goods_fen)
    assert min(o.fen for o in found.values()) < goods_fen * 30 // 100


def test_a_swimsuit_goes_by_parcel_or_express_only():
    found, _ = quote_modes("HY-SW-1004", 1, "KR")  # 300 g
    assert set(found) == {"parcel", "express"}
    assert found["parcel"].cheapest and found["express"].fastest
    found_moq, _ = quote_modes("HY-SW-1004", 10, "KR")  # the MOQ: 3 kg
    assert set(found_moq) == {"parcel", "express"}


def test_parcels_split_at_the_carriers_limit():
    rice = demo("DX-AG-9102")  # 10.3 kg bags; postal limit 30 kg → 2 bags per parcel
    split = parcels(shipment([(rice, 5)]), 30_000)
    assert split == [(1, 20_600), (1, 20_600), (1, 10_300)]
    assert parcels(shipment([(demo("HL-JK-5101"), 1)]), 30_000) is None  # a 40 kg jack is no parcel


def test_chargeable_weight_uses_the_modes_divisor():
    ship = shipment([(demo("HL-LF-5001"), 1)])
    assert ship.volume_cm3 == 4150 * 680 * 760 // 1000
    assert ship.chargeable_g(1000) == ship.volume_cm3  # LCL: 1 m³ = 1 t
    assert ship.chargeable_g(0) == 680_000


RATES = {code: rate for code, rate in SEED_RATES.items()}


def test_seoul_parcel_under_the_korean_personal_limit_owes_nothing():
    swimsuit = demo("HY-SW-1004")
    value = swimsuit.price_fen * 10  # ten swimsuits, 1,090 CNY ≈ 151 USD
    est = landed.estimate("KR", [(swimsuit.hs_code, 50_000)], 4_500, 3_000, RATES)  # 500 CNY ≈ 69 USD
    assert est.under_limit and est.total_fen == 0 and est.rule.key == "kr-personal"
    assert "Korea Customs Service" in est.rule.source and est.rule.effective == date(2024, 1, 1)
    above = landed.estimate("KR", [(swimsuit.hs_code, value * 2)], 4_500, 6_000, RATES)
    assert not above.under_limit
    goods = Decimal(value * 2) + 4_500
    assert above.duty_fen == int((goods * 13 / 100).to_integral_value(rounding="ROUND_CEILING"))
    assert above.vat_fen == int(((goods + above.duty_fen) * 10 / 100).to_integral_value(rounding="ROUND_CEILING"))


def test_russia_charges_15_percent_above_the_personal_limit_and_the_eu_vat_from_the_first_euro():
    small = landed.estimate("RU", [("8425410000", 100_000)], 0, 5_000, RATES)  # 1,000 CNY ≈ 128 EUR
    assert small.total_fen == 0 and small.rule.key == "ru-personal"
    big = landed.estimate("RU", [("8425410000", 1_280_000)], 0, 680_000, RATES)
    assert big.duty_fen > 0 and big.vat_fen == 0
    eu = landed.estimate("PL", [("6112410000", 10_000)], 0, 300, RATES)
    assert eu.duty_fen == 0 and eu.vat_fen == 2_300  # 23 % Polish VAT from the first euro, IOSS
    assert landed.estimate("MN", [("6112410000", 10_000)], 0, 300, RATES).rule is None


def _card(**changes):
    card = {
        "code": "RU rail Q1",
        "valid_from": date(2026, 12, 1),
        "valid_until": date(2027, 3, 31),
        "lanes": [
            {
                "mode": "rail",
                "zones": ["RU"],
                "origin": "Dalian",
                "via": "Manzhouli",
                "days": [11, 16],
                "breaks": [[0, 1000, 500], [1000, 0, 90]],
                "min_fen": 50_000,
            }
        ],
    }
    card.update(changes)
    return card


def _problems(raw) -> str:
    with pytest.raises(CardError) as caught:
        parse_card(raw, today=TODAY, reference=default_card(), provider_id=1)
    return str(caught.value)


def test_a_valid_provider_card_can_undercut_the_default():
    card = parse_card(_card(), today=TODAY, reference=default_card(), provider_id=7, card_id=3)
    found, _ = quote_modes("HM-MG-3001", 5, "RU")
    mine = {o.mode: o for o in options([shipment([(demo("HM-MG-3001"), 5)])], "RU", [default_card(), card])}
    assert mine["rail"].fen < found["rail"].fen and mine["rail"].parts[0].card.ref == "provider:7:3"


def test_rate_cards_with_overlapping_breaks_bad_rates_or_past_dates_are_refused():
    lane = _card()["lanes"][0]
    assert "overlap" in _problems(_card(lanes=[dict(lane, breaks=[[0, 1000, 500], [500, 0, 200]])]))
    assert "No rate between" in _problems(_card(lanes=[dict(lane, breaks=[[0, 500, 500], [1000, 0, 200]])]))
    assert "above 0" in _problems(_card(lanes=[dict(lane, breaks=[[0, 0, -5]])]))
    assert "100 times" in _problems(_card(lanes=[dict(lane, breaks=[[0, 0, 650 * 101]])]))
    assert "expired" in _problems(_card(valid_from=date(2026, 1, 1), valid_until=date(2026, 11, 30)))
    assert "Unknown transport mode" in _problems(_card(lanes=[dict(lane, mode="camel")]))


def test_quoting_every_mode_for_a_40_line_cart_takes_under_20_ms():
    from bench.freight import LIMIT_MS, run

    median, _worst, offered = run(repeat=30)
    assert offered >= 1 and median < LIMIT_MS
