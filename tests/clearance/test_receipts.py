"""Receipt parsers and builders: XSD-valid round trips, official samples, malformed input."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from storefront.clearance import demo, xsd
from storefront.clearance.messages.common import CHINA_TZ, new_guid
from storefront.clearance.messages.receipts import (
    RETURN_SPECS,
    Receipt,
    ReceiptError,
    SummaryLine,
    SummaryResult,
    build_receipt,
    build_summary_result,
    parse_any,
    parse_receipts,
    parse_summary_results,
    receipt_kind,
)

WHEN = datetime(2026, 3, 2, 10, 31, 7, 123000, tzinfo=CHINA_TZ)
SAMPLE_VALUES = {
    "preNo": "B20260302000000001",  # XSD: exactly 18 characters
    "invtNo": demo.demo_invt_no(42),
    "msgSeqNo": "1",
    "statisticsFlag": "B",
    "sumNo": "090120260000000007",
}


def _keys(kind: str) -> dict[str, str]:
    """Return plausible values for every key of a receipt kind."""
    return {name: SAMPLE_VALUES.get(name, f"{name[:10]}-1") for name, _ in RETURN_SPECS[kind].keys}


@pytest.mark.parametrize("kind", sorted(RETURN_SPECS))
def test_build_parse_round_trip(xsd_ready: Path, kind: str) -> None:
    """Each status receipt kind builds XSD-valid XML that parses back to the same Receipt."""
    keys = _keys(kind)
    guid = new_guid()
    xml = build_receipt(kind, keys, 800, "放行", WHEN, guid=guid)
    assert xsd.validate(xml) == []
    assert receipt_kind(xml) == kind
    [receipt] = parse_receipts(xml)
    assert receipt == Receipt(kind, guid, keys, 800, WHEN, "放行", receipt.message_guid)
    assert len(receipt.message_guid) == 36


def test_negative_status_and_optional_keys(xsd_ready: Path) -> None:
    """Negative statuses and absent optional keys survive the round trip."""
    xml = build_receipt("CEB404", {"ebcCode": demo.SELLER.code, "orderNo": "LN1"}, -301, "支付单不存在", WHEN)
    xsd.assert_valid(xml)
    [receipt] = parse_receipts(xml)
    assert receipt.return_status == -301
    assert receipt.keys == {"ebcCode": demo.SELLER.code, "orderNo": "LN1"}
    assert receipt.return_time.utcoffset().total_seconds() == 8 * 3600


def test_build_receipt_rejects_bad_keys() -> None:
    """build_receipt refuses missing and unknown keys and points CEB792 to its own builder."""
    with pytest.raises(ValueError, match="missing"):
        build_receipt("CEB304", {"orderNo": "1"}, 2, "", WHEN)
    with pytest.raises(ValueError, match="unknown"):
        build_receipt("CEB506", {**_keys("CEB506"), "orderNo": "1"}, 2, "", WHEN)
    with pytest.raises(ValueError, match="build_summary_result"):
        build_receipt("CEB792", {}, 2, "", WHEN)


def _summary() -> SummaryResult:
    """Return a summary result merging two lists into two declaration lines."""
    invt = [demo.demo_invt_no(1), demo.demo_invt_no(2)]
    items = (
        SummaryLine(invt[0], "LD000000000001CN", 1, 1, "6214100000"),
        SummaryLine(invt[1], "LD000000000002CN", 1, 1, "6214100000"),
        SummaryLine(invt[0], "LD000000000001CN", 2, 2, "0808100000"),
    )
    return SummaryResult(
        guid=new_guid(),
        customs_code="0901",
        sum_no="090120260000000007",
        op_date=WHEN,
        decl_seq_no="090120260000000099",
        dec_state="A",
        agent=demo.BROKER,
        ebc=demo.SELLER,
        decl_agent=demo.BROKER,
        gross_weight=Decimal("12.345"),
        net_weight=Decimal("11.3"),
        items=items,
        entry_id="090120261000000001",
    )


def test_summary_result_round_trip(xsd_ready: Path) -> None:
    """CEB792 builds XSD-valid XML that parses back, with the gseqno mapping."""
    result = _summary()
    xml = build_summary_result(result)
    assert xsd.validate(xml) == []
    [parsed] = parse_summary_results(xml)
    assert parsed == SummaryResult(
        **{**{f: getattr(result, f) for f in result.__slots__}, "message_guid": parsed.message_guid}
    )
    assert parsed.lines == {
        1: [(demo.demo_invt_no(1), 1), (demo.demo_invt_no(2), 1)],
        2: [(demo.demo_invt_no(1), 2)],
    }
    assert parse_any(xml) == [parsed]
    with pytest.raises(ValueError, match="gseqno"):
        build_summary_result(
            SummaryResult(
                **{
                    **{f: getattr(result, f) for f in result.__slots__},
                    "items": (SummaryLine("i", "l", None, 1, "0808100000"),),
                }
            )
        )


@pytest.mark.parametrize("kind", ["CEB304", "CEB404", "CEB506", "CEB510", "CEB604", "CEB702"])
def test_official_samples_parse(samples_dir: Path, kind: str) -> None:
    """The official receipt samples parse (they are not used as validation oracles)."""
    receipts = parse_receipts((samples_dir / f"{kind}Message.xml").read_bytes())
    assert receipts and all(r.kind == kind and r.return_status == 2 for r in receipts)
    first = receipts[0]
    assert first.return_time.year in (2018, 2020)
    if kind == "CEB604":
        assert first.keys["invtNo"] == "Invt20180507000001" and first.keys["copNo"] == "Cop20180507001"
    if kind == "CEB702":
        assert first.keys["sumNo"] == "S20180507000000001"


def test_official_summary_sample_parses(samples_dir: Path) -> None:
    """The official CEB792 sample parses although it lacks gseqno."""
    # The sample omits gseqno (the XSD requires it), so its lines are grouped under None.
    results = parse_summary_results((samples_dir / "CEB792Message.xml").read_bytes())
    first = results[0]
    assert first.sum_no == "S20180507000000001" and first.entry_id is None
    assert first.lines == {None: [("Invt20180507000001", 1), ("Invt20180507000001", 2)]}
    assert first.gross_weight == Decimal("12345678912345.12345")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<not xml",
        b"\xff\xfe garbage",
        "<?xml version='1.0' encoding='UTF-8'?><x/>",
        b'<ceb:CEB999Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="x" version="1.0"/>',
        b'<CEB304Message guid="x" version="1.0"/>',
        b'<ceb:CEB304Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="x" version="1.0"/>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
)
def test_malformed_input_raises_receipt_error(data: bytes | str) -> None:
    """Malformed XML, unknown roots, foreign namespaces and entities raise ReceiptError."""
    with pytest.raises(ReceiptError):
        parse_any(data)


def test_incomplete_receipts_raise_receipt_error() -> None:
    """Missing or malformed receipt fields and wrong parsers raise ReceiptError."""
    good = build_receipt("CEB506", _keys("CEB506"), 120, "入库", WHEN)
    for broken in (
        good.replace(b"<ceb:returnStatus>120</ceb:returnStatus>", b""),
        good.replace(b"<ceb:returnStatus>120", b"<ceb:returnStatus>OK"),
        good.replace(b"<ceb:returnTime>20260302103107123", b"<ceb:returnTime>2026-03-02"),
        good.replace(b"<ceb:logisticsNo>", b"<ceb:logisticsNumber>").replace(
            b"</ceb:logisticsNo>", b"</ceb:logisticsNumber>"
        ),
    ):
        with pytest.raises(ReceiptError):
            parse_receipts(broken)
    with pytest.raises(ReceiptError, match="parse_summary_results"):
        parse_receipts(build_summary_result(_summary()))
    with pytest.raises(ReceiptError, match="not a summary result"):
        parse_summary_results(good)
    with pytest.raises(ReceiptError):
        parse_receipts(None)  # type: ignore[arg-type]
