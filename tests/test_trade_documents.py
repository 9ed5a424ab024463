"""Trade documents (storefront/ordering/documents.py): the proforma invoice, commercial invoice and packing list as
PDF in the buyer's language with Chinese alongside, and the T/T bank details with labels in the buyer's language.

The PDFs are read back with pypdf. WeasyPrint must work here (CI installs Pango and fonts-noto-cjk): a 503
fails these tests, it does not skip them.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from storefront.config import bank_details
from storefront.core import pdf
from storefront.extensions import db
from storefront.ordering import documents
from storefront.ordering import operations as order_ops
from storefront.ordering.access import token_for
from tests.backoffice_helpers import client_as

RU_BANK_LABEL = "Банковские реквизиты для перевода"
ZH_BANK_LABEL = "汇款银行信息"


def flat(text: str) -> str:
    """Text without any white space (PDF text extraction and HTML wrap and space numbers differently)."""
    return re.sub(r"[\s\u00a0\u202f]+", "", text)


def pdf_text(response) -> str:
    """The text of a PDF response (whitespace collapsed); the response must be a PDF."""
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(response.data)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def shop(app, make):
    """A merchant with a swimsuit (10 per carton, 40×30×20 cm) and a towel; buyers in Russia and Korea."""
    merchant = make.merchant()
    swimsuit = make.product(
        merchant,
        sku="SW-7",
        hs_code="6112410000",
        customs_name="女式泳衣",
        price_fen=12850,
        net_weight_g=300,
        gross_weight_g=350,
        package_length_mm=400,
        package_width_mm=300,
        package_height_mm=200,
        units_per_package=10,
        texts={
            "zh": {"name": "女式泳衣"},
            "en": {"name": "Swimsuit"},
            "ru": {"name": "Купальник"},
            "ko": {"name": "수영복"},
        },
    )
    towel = make.product(
        merchant,
        sku="TW-1",
        hs_code="6302600000",
        customs_name="毛巾",
        price_fen=3000,
        texts={"zh": {"name": "毛巾"}, "en": {"name": "Towel"}, "ru": {"name": "Полотенце"}, "ko": {"name": "수건"}},
    )
    ivan = make.user(email="ivan@example.ru")
    kim = make.user(email="kim@example.kr")
    db.session.commit()
    return {"merchant": merchant, "swimsuit": swimsuit, "towel": towel, "ivan": ivan, "kim": kim}


def _russian_transfer_order(make, shop):
    order = make.order(
        [(shop["swimsuit"], 25), (shop["towel"], 2)],
        currency="EUR",
        pay_method="transfer",
        user_=shop["ivan"],
        email="ivan@example.ru",
        lang="ru",
    )
    db.session.commit()
    return order


def _korean_shipped_order(make, shop):
    order = make.order(
        [(shop["swimsuit"], 25), (shop["towel"], 1)],
        currency="KRW",
        country="KR",
        user_=shop["kim"],
        email="kim@example.kr",
        lang="ko",
    )
    order_ops.mark_paid(order, payment_ref=f"pi_{order.number}", cause="payment_succeeded", actor="test")
    assert order_ops.ship_order(order.sub_orders[0], "EMS", "EE123456789CN", actor="test")
    db.session.commit()
    return order


def test_russian_proforma_has_russian_and_chinese_bank_labels_swift_number_and_plurals(app, make, shop):
    order = _russian_transfer_order(make, shop)
    client = client_as(app, shop["ivan"])
    text = pdf_text(client.get(f"/ru/orders/{order.number}/proforma.pdf"))
    assert "Проформа-инвойс" in text and "形式发票" in text
    assert RU_BANK_LABEL in text and ZH_BANK_LABEL in text
    assert "SWIFT-код / BIC" in text and "BKCHCNBJ810" in text
    assert "Назначение платежа" in text and text.count(order.number) >= 2  # the number and the reference
    assert "25 штук" in text and "2 штуки" in text  # Russian plural forms of the unit
    assert "Купальник" in text and "女式泳衣" in text  # the buyer's name with the Chinese alongside
    assert "6112410000" in text and "Полная предоплата банковским переводом" in text
    assert order.total.format("ru").replace("\xa0", " ") in text.replace("\xa0", " ")


def test_korean_commercial_invoice_and_packing_list_once_shipped(app, make, shop):
    order = _korean_shipped_order(make, shop)
    sub = order.sub_orders[0]
    client = client_as(app, shop["kim"])
    invoice = pdf_text(client.get(f"/ko/orders/{order.number}/shipments/{sub.id}/invoice.pdf"))
    assert "상업 송장" in invoice and "商业发票" in invoice
    assert "6112410000" in invoice and "6302600000" in invoice  # HS codes
    assert "순중량(kg)" in invoice and "총중량(kg)" in invoice and "원산지" in invoice
    net, gross = 25 * 300 / 1000 + 1, 25 * 350 / 1000 + 1.1  # the towel: 1000 g net, 1100 g gross
    assert f"{net:g}" in invoice and f"{gross:g}" in invoice
    packing = pdf_text(client.get(f"/ko/orders/{order.number}/shipments/{sub.id}/packing-list.pdf"))
    assert "패킹 리스트" in packing and "装箱单" in packing
    assert "40 × 30 × 20" in packing  # the product's package dimensions (cm)
    page = client.get(f"/ko/orders/{order.number}").get_data(as_text=True)
    assert f"/ko/orders/{order.number}/shipments/{sub.id}/invoice.pdf" in page and "packing-list.pdf" in page
    doc = documents.shipment_document(documents.PACKING, sub, "ko")
    assert doc.packages == 3 + 1  # 25 swimsuits at 10 per carton, and the towel; packing.shipment() counts them
    assert doc.net_kg == net and doc.gross_kg == gross


def test_shipment_documents_wait_for_the_shipment(app, make, shop):
    order = _russian_transfer_order(make, shop)
    client = client_as(app, shop["ivan"])
    sub = order.sub_orders[0]
    assert client.get(f"/ru/orders/{order.number}/shipments/{sub.id}/invoice.pdf").status_code == 404
    assert client.get(f"/ru/orders/{order.number}/shipments/{sub.id}/packing-list.pdf").status_code == 404
    page = client.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert f"/ru/orders/{order.number}/proforma.pdf" in page and "invoice.pdf" not in page


def test_another_buyer_and_strangers_get_404(app, make, shop):
    order = _korean_shipped_order(make, shop)
    sub = order.sub_orders[0]
    urls = [
        f"/ko/orders/{order.number}/proforma.pdf",
        f"/ko/orders/{order.number}/shipments/{sub.id}/invoice.pdf",
        f"/ko/orders/{order.number}/shipments/{sub.id}/packing-list.pdf",
    ]
    other = client_as(app, shop["ivan"])
    anonymous = client_as(app)
    for url in urls:
        assert other.get(url).status_code == 404
        assert anonymous.get(url).status_code == 404
    # a parcel of another order, through this buyer's own order number
    ru = _russian_transfer_order(make, shop)
    mine = client_as(app, shop["kim"])
    assert mine.get(f"/ko/orders/{order.number}/shipments/{ru.sub_orders[0].id}/invoice.pdf").status_code == 404
    # the signed link from the e-mail works for a guest
    assert anonymous.get(f"{urls[0]}?t={token_for(order)}").status_code == 200


def test_merchant_print_view_and_pdfs_show_the_same_figures(app, make, shop):
    order = _korean_shipped_order(make, shop)
    sub = order.sub_orders[0]
    client = client_as(app, shop["merchant"].owner)
    page = client.get(f"/ko/merchant/orders/{sub.id}/invoice").get_data(as_text=True)
    invoice = pdf_text(client.get(f"/ko/merchant/orders/{sub.id}/invoice.pdf"))
    doc = documents.shipment_document(documents.INVOICE, sub, "ko")
    total = doc.total.format("ko")
    for figure in (total, "6112410000", sub.number, f"{doc.gross_kg:g}", f"{doc.net_kg:g}"):
        assert flat(figure) in flat(page) and flat(figure) in flat(invoice), figure
    packing_page = client.get(f"/ko/merchant/orders/{sub.id}/packing-list").get_data(as_text=True)
    packing = pdf_text(client.get(f"/ko/merchant/orders/{sub.id}/packing-list.pdf"))
    for figure in (f"{doc.net_kg:g}", f"{doc.gross_kg:g}", "40 × 30 × 20"):
        assert figure in packing_page and figure in packing, figure
    proforma = pdf_text(client.get(f"/ko/merchant/orders/{sub.id}/proforma.pdf"))
    assert "견적 송장" in proforma and "BKCHCNBJ810" in proforma and order.number in proforma
    # the back-office order page links to the documents in the buyer's language
    order_page = client.get(f"/zh/merchant/orders/{sub.id}").get_data(as_text=True)
    assert f"/ko/merchant/orders/{sub.id}/invoice.pdf" in order_page
    assert f"/ko/merchant/orders/{sub.id}/proforma.pdf" in order_page


def test_merchant_documents_of_another_merchant_are_404(app, make, shop):
    order = _korean_shipped_order(make, shop)
    other = make.merchant()
    db.session.commit()
    client = client_as(app, other.owner)
    for doc in ("invoice", "invoice.pdf", "packing-list", "packing-list.pdf", "proforma.pdf"):
        assert client.get(f"/ko/merchant/orders/{order.sub_orders[0].id}/{doc}").status_code == 404


def test_merchant_proforma_covers_only_its_own_part(app, make, shop):
    other_product = make.product(make.merchant(), sku="OTHER-9", texts={"zh": {"name": "钢材"}, "en": {"name": "Bar"}})
    order = make.order([(shop["towel"], 2), (other_product, 1)], currency="EUR", pay_method="transfer", lang="ru")
    db.session.commit()
    mine = next(s for s in order.sub_orders if s.merchant_id == shop["merchant"].id)
    doc = documents.proforma(order, "ru", subs=[mine])
    assert [line.sku for line in doc.lines] == ["TW-1"] and doc.total.minor == mine.total_minor
    whole = documents.proforma(order, "ru")
    assert {line.sku for line in whole.lines} == {"TW-1", "OTHER-9"} and whole.total == order.total


def test_order_page_transfer_block_in_korean(app, make, shop):
    order = make.order([(shop["towel"], 3)], currency="KRW", country="KR", pay_method="transfer", lang="ko")
    db.session.commit()
    page = client_as(app).get(f"/ko/orders/{order.number}?t={token_for(order)}").get_data(as_text=True)
    block = page[page.index('id="bank-details"') :]
    block = block[: block.index("</table>")]
    for korean in ("예금주(수취인)", "은행", "SWIFT/BIC 코드", "계좌번호 / IBAN", "송금 메모(참조)"):
        assert korean in block, korean
    assert "收款人（账户名）" in block and "BKCHCNBJ810" in block and order.number in block
    assert "Beneficiary" not in block and "Account holder" not in block


def test_transfer_email_labels_in_the_buyers_language(app, make, shop):
    order = make.order([(shop["towel"], 3)], currency="RUB", pay_method="transfer", lang="ru")
    db.session.commit()
    from storefront.ordering import mail

    body = mail.transfer_instructions(order).text
    assert "Получатель (владелец счёта) / 收款人（账户名）: Kuajing" in body
    assert "SWIFT-код / BIC" in body and "BKCHCNBJ810" in body
    assert f"Назначение платежа / 汇款附言: {order.number}" in body
    assert "Проформа-инвойс (PDF): http" in body and f"/ru/orders/{order.number}/proforma.pdf?t=" in body


def test_pdf_unavailable_is_a_translated_503_page(app, make, shop, monkeypatch):
    order = _russian_transfer_order(make, shop)

    def broken():
        raise pdf.PdfUnavailable("libpango-1.0-0 missing")

    monkeypatch.setattr(pdf, "load_weasyprint", broken)
    response = client_as(app, shop["ivan"]).get(f"/ru/orders/{order.number}/proforma.pdf")
    assert response.status_code == 503
    assert "Сейчас не удаётся создать PDF" in response.get_data(as_text=True)


def test_bank_details_config_reads_json_and_the_older_lines():
    old = (
        "Beneficiary: Kuajing Cross-border Platform Co., Ltd.\n"
        "Bank: Bank of China, Dalian Branch · SWIFT BKCHCNBJ810\n"
        "Account: 1234 5678\n"
        "Pay within five days"
    )
    assert bank_details(old) == {
        "account_holder": "Kuajing Cross-border Platform Co., Ltd.",
        "bank": "Bank of China, Dalian Branch",
        "swift": "BKCHCNBJ810",
        "account": "1234 5678",
        "note": "Pay within five days",
    }
    assert bank_details('{"swift": "BKCHCNBJ810", "account": "DE02 1203 0000 0000 2020 51"}') == {
        "swift": "BKCHCNBJ810",
        "account": "DE02 1203 0000 0000 2020 51",
    }
    with pytest.raises(ValueError):
        bank_details('{"password": "x"}')
    assert bank_details("")["swift"] == "BKCHCNBJ810"  # the demo account


def test_payment_terms_today_one_full_payment(app, make, shop):
    order = _russian_transfer_order(make, shop)
    [term] = documents.payment_terms(order)
    assert term.amount == order.total and term.due == order.reserved_until


def test_russian_packing_list_shows_two_and_a_half_tonnes(app, make, shop):
    """2.5 t of magnesia (1 t net, 1.002 t gross per tonne, 40 bags per tonne): "2,5 тонны" in Russian, weights
    of the quantity sold, whole bags for the part tonne."""
    magnesia = make.product(
        shop["merchant"],
        sku="MG-97",
        unit="tonne",
        moq=500,
        qty_step=500,
        stock=10_000,
        price_fen=432_001,
        hs_code="2519901000",
        net_weight_g=1_000_000,
        gross_weight_g=1_002_000,
        packages_per_unit=40,
        texts={"zh": {"name": "电熔镁砂"}, "en": {"name": "Magnesia"}, "ru": {"name": "Магнезия"}},
    )
    order = make.order([(magnesia, 2500)], currency="CNY", user_=shop["ivan"], email="ivan@example.ru", lang="ru")
    order_ops.mark_paid(order, payment_ref=f"pi_{order.number}", cause="payment_succeeded", actor="test")
    assert order_ops.ship_order(order.sub_orders[0], "EMS", "EE123456780CN", actor="test")
    db.session.commit()
    sub = order.sub_orders[0]
    client = client_as(app, shop["ivan"])
    packing = pdf_text(client.get(f"/ru/orders/{order.number}/shipments/{sub.id}/packing-list.pdf"))
    assert "2,5 тонны" in packing
    assert "2500" in flat(packing) and "2505" in flat(packing)  # net and gross kg of 2.5 t
    doc = documents.shipment_document(documents.PACKING, sub, "ru")
    assert doc.packages == 100  # 40 bags per tonne × 2.5
    assert doc.lines[0].net_kg == 2500 and doc.lines[0].gross_kg == 2505
