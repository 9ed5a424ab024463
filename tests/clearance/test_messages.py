"""Message builders: XSD validity for every builder, exact decimals, codes, times and input checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from storefront.clearance import codes, demo, xsd
from storefront.clearance.messages import (
    Meta,
    OrderLine,
    build_ceb303,
    build_ceb403,
    build_ceb505,
    build_ceb509,
    build_ceb603,
    build_ceb701,
    new_guid,
)
from storefront.clearance.messages.common import NS, fmt_decimal, fmt_time

ORDER_BUILDERS = [build_ceb303, build_ceb403, build_ceb505, build_ceb603]
# (destination, currency, lines): Korean, Russian and Mongolian buyers, four currencies.
SCENARIOS = [("KR", "KRW", 3), ("RU", "USD", 4), ("MN", "CNY", 2), ("DE", "EUR", 4), ("KR", "USD", 1)]
APP_TIME = datetime(2026, 3, 2, 10, 30, 5)


def _texts(xml: bytes, name: str) -> list[str]:
    """Return the texts of every ``ceb:name`` element of a message."""
    return [el.text or "" for el in etree.fromstring(xml).iter(f"{{{NS}}}{name}")]


def _build(builder: Callable[..., bytes], subject: object, **kwargs: object) -> bytes:
    """Build a message with a fresh guid, the demo transfer and a fixed appTime."""
    return builder(subject, Meta(new_guid(), demo.TRANSFER, app_time=APP_TIME, **kwargs))


@pytest.mark.parametrize("builder", ORDER_BUILDERS, ids=lambda b: b.__name__)
@pytest.mark.parametrize(("destination", "currency", "lines"), SCENARIOS)
def test_order_messages_validate(
    xsd_ready: Path, builder: Callable[..., bytes], destination: str, currency: str, lines: int
) -> None:
    """Every order-level builder validates for several destinations, currencies and line counts."""
    order = demo.demo_order(7, destination=destination, currency=currency, lines=lines)
    xml = _build(builder, order)
    assert xsd.validate(xml) == []
    assert etree.fromstring(xml).tag == f"{{{NS}}}{builder.__name__[6:].upper()}Message"


def test_order_lists_every_line_with_codes(xsd_ready: Path) -> None:
    """The inventory list carries all lines and the customs codes of country, currency and flags."""
    order = demo.demo_order(3, destination="MN", currency="USD", lines=4)
    inventory = _build(build_ceb603, order)
    xsd.assert_valid(inventory)
    assert _texts(inventory, "gnum") == ["1", "2", "3", "4"]
    assert set(_texts(inventory, "country")) == {"124"}  # Mongolia (118 would be Kuwait)
    assert set(_texts(inventory, "currency")) == {"502"}
    assert _texts(inventory, "statisticsFlag") == ["B"]
    assert _texts(inventory, "tradeMode") == ["9610"]
    assert _texts(inventory, "ieFlag") == ["E"]
    assert set(_texts(inventory, "barCode")) == {"无"}
    russian = _build(build_ceb303, demo.demo_order(4, destination="RU", currency="EUR"))
    assert _texts(russian, "currency")[0] == "300"


def test_decimals_are_exact(xsd_ready: Path) -> None:
    """3 × 33.33 is rendered as 99.99 and goodsValue is the exact sum of the lines."""
    order = demo.demo_order(0, destination="KR", currency="KRW", lines=3)
    scarf = order.lines[0]
    assert (scarf.qty, scarf.price, scarf.total) == (Decimal(3), Decimal("33.33"), Decimal("99.99"))
    for builder in (build_ceb303, build_ceb603):
        xml = _build(builder, order)
        xsd.assert_valid(xml)
        assert _texts(xml, "totalPrice")[0] == "99.99"
        assert _texts(xml, "price")[0] == "33.33"
    order_xml = _build(build_ceb303, order)
    assert _texts(order_xml, "goodsValue") == [str(order.goods_value)]
    assert Decimal(_texts(order_xml, "goodsValue")[0]) == sum(line.total for line in order.lines)


def test_fmt_decimal() -> None:
    """Decimals render exactly, round half-up to 5 places and reject floats and oversize values."""
    assert fmt_decimal(Decimal("0.1") + Decimal("0.2")) == "0.3"
    assert fmt_decimal(Decimal("1E+3")) == "1000"
    assert fmt_decimal(Decimal("12.500000")) == "12.5"
    assert fmt_decimal(Decimal("-0.000001")) == "0"
    assert fmt_decimal(Decimal("2.123455")) == "2.12346"  # half-up at the XSD's 5 fraction digits
    assert fmt_decimal(7) == "7"
    with pytest.raises(TypeError):
        fmt_decimal(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fmt_decimal(Decimal("1" * 20))
    with pytest.raises(ValueError):
        fmt_decimal(Decimal("NaN"))


def test_root_transfer_and_times(xsd_ready: Path) -> None:
    """Root guid/version, BaseTransfer and Beijing-time appTime are right."""
    guid = new_guid().lower()
    utc = datetime(2026, 3, 2, 2, 0, 0, tzinfo=UTC)
    xml = build_ceb303(demo.demo_order(1), Meta(guid, demo.TRANSFER, app_type="2", app_time=utc))
    xsd.assert_valid(xml)
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = etree.fromstring(xml)
    assert root.get("guid") == guid.upper() and len(root.get("guid")) == 36
    assert root.get("version") == "1.0"
    assert _texts(xml, "appTime") == ["20260302100000"]  # UTC 02:00 is 10:00 in Beijing
    assert _texts(xml, "appType") == ["2"]
    assert _texts(xml, "dxpMode") == ["DXP"]
    assert _texts(xml, "copCode") == [demo.TRANSFER.cop_code]
    assert fmt_time(datetime(2026, 1, 5, 8, 9, 10)) == "20260105080910"


def test_departure_and_summary_validate(xsd_ready: Path) -> None:
    """CEB509 and CEB701 (list of invtNo or time window) validate."""
    orders = [demo.demo_order(n, destination="RU", currency="USD") for n in range(1, 6)]
    departure = _build(build_ceb509, demo.demo_departure(orders))
    xsd.assert_valid(departure)
    assert _texts(departure, "logisticsNo") == [o.shipment.logistics_no for o in orders]
    assert _texts(departure, "msgCount") == ["1"]
    invt_nos = [demo.demo_invt_no(n) for n in range(1, 4)]
    summary = _build(build_ceb701, demo.demo_summary(invt_nos))
    xsd.assert_valid(summary)
    assert _texts(summary, "invtNo") == invt_nos
    assert _texts(summary, "summaryFlag") == ["1"] and _texts(summary, "itemNameFlag") == ["1"]
    window = replace(demo.demo_summary(["x"]), invt_nos=(), start_time=demo.BASE_TIME, end_time=demo.BASE_TIME)
    windowed = _build(build_ceb701, window)
    xsd.assert_valid(windowed)
    assert _texts(windowed, "startTime") == ["20260302100000"] and not _texts(windowed, "invtNo")


def test_invalid_message_is_reported(xsd_ready: Path) -> None:
    """validate() lists the lxml errors and assert_valid() raises MessageInvalid with them."""
    xml = _build(build_ceb505, demo.demo_order(2))
    broken = xml.replace(b"<ceb:packNo>1</ceb:packNo>", b"")
    errors = xsd.validate(broken)
    assert errors and "goodsInfo" in errors[0]
    with pytest.raises(xsd.MessageInvalid) as info:
        xsd.assert_valid(broken)
    assert info.value.errors == errors
    assert xsd.validate(b"<ceb:CEB505Message") != []


def test_missing_xsd_dir_is_explicit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CEB_XSD_DIR is honoured and a missing schema raises a clear XsdNotFound."""
    monkeypatch.setenv(xsd.ENV_VAR, str(tmp_path))
    assert xsd.xsd_dir() == tmp_path
    assert not xsd.xsd_available()
    with pytest.raises(xsd.XsdNotFound, match="set CEB_XSD_DIR"):
        xsd.load_schema()


def test_input_checks() -> None:
    """Bad tariff codes, floats, unknown codes, missing parts and bad guids are refused early."""
    line = demo.demo_order(1).lines[0]
    with pytest.raises(ValueError, match="10 digits"):
        replace(line, gcode="080810000")
    with pytest.raises(TypeError):
        replace(line, qty=1.5)
    with pytest.raises(codes.UnknownCode):
        replace(line, unit="999")
    with pytest.raises(ValueError, match="20"):
        replace(line, item_no="X" * 21)
    with pytest.raises(ValueError):
        OrderLine(1, "A", "a", "0808100000", "m", Decimal(1), "035", Decimal(1), "035", Decimal(1), qty2=Decimal(1))
    order = demo.demo_order(1)
    with pytest.raises(codes.UnknownCode):
        replace(order, destination="XX")
    with pytest.raises(ValueError, match="gnum"):
        replace(order, lines=order.lines[1:])
    with pytest.raises(ValueError, match=r"needs order\.shipment"):
        _build(build_ceb505, replace(order, shipment=None))
    with pytest.raises(ValueError, match="guid"):
        build_ceb303(order, Meta("not-a-guid", demo.TRANSFER))
    with pytest.raises(ValueError, match="appType"):
        build_ceb303(order, Meta(new_guid(), demo.TRANSFER, app_type="4"))


def test_code_tables() -> None:
    """Code tables return the customs codes and raise UnknownCode (a KeyError) otherwise."""
    expected = {
        "CN": "142",
        "JP": "116",
        "KR": "133",
        "RU": "344",
        "MN": "124",
        "US": "502",
        "DE": "304",
        "PL": "327",
        "KZ": "145",
        "BY": "340",
        "UZ": "149",
        "CZ": "352",
        "GB": "303",
        "AE": "138",
    }
    assert {iso: codes.country_code(iso) for iso in expected} == expected
    assert codes.country_code("kr") == "133"
    assert codes.currency_code("CNY") == "142" and codes.currency_code("EUR") == "300"
    assert codes.currency_code("GBP") == "303" and codes.currency_code("JPY") == "116"
    assert codes.unit_name("007") == "个" and codes.unit_name("025", "en") == "pair"
    assert codes.unit_name("012") == "支" and codes.unit_name("140") == "盒"
    assert codes.country("MN").name("en") == "Mongolia"
    assert codes.transport_mode("3").en == "rail"
    assert codes.return_status_text(800, "en") == "released"
    with pytest.raises(KeyError, match="unknown currency code: 'XYZ'"):
        codes.currency_code("XYZ")
    with pytest.raises(codes.UnknownCode):
        codes.unit_name("000")
    with pytest.raises(ValueError):
        codes.country("CN").name("fr")  # type: ignore[arg-type]
