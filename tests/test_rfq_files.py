"""RFQ attachments that are office documents: .docx and .xlsx checked by what is inside the ZIP container (the
main part declared in ``[Content_Types].xml``, no macros, no zip bomb, no climbing member names), legacy .doc/.xls
refused with a clear message, and the files served back as downloads to the thread's two sides only."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.core.uploads import OLE2_SIGNATURE, UploadRejected, office_kind
from storefront.extensions import db
from storefront.messaging import rfq as rfq_thread
from storefront.messaging.models import Message, MessageFile
from storefront.ordering.rfq_models import Rfq
from tests.test_rfq import _rfq, as_user, shop  # noqa: F401 (the fixture)

_OOXML = "application/vnd.openxmlformats-officedocument."
_WORD_MAIN = _OOXML + "wordprocessingml.document.main+xml"
_EXCEL_MAIN = _OOXML + "spreadsheetml.sheet.main+xml"


def office(main: str, content_type: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Office Open XML document: its content types, relationships and main part."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{content_type}"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(main, "<document>Чертёж 图纸 도면</document>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = office("word/document.xml", _WORD_MAIN)
XLSX = office("xl/workbook.xml", _EXCEL_MAIN)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/word/document.xml" ContentType="{_WORD_MAIN}"/></Types>',
        )
        archive.writestr("word/document.xml", b"<document/>")
        archive.writestr("word/media/zeros.bin", b"\0" * (6 * 1024 * 1024))
    return buffer.getvalue()


def _many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/word/document.xml" ContentType="{_WORD_MAIN}"/></Types>',
        )
        archive.writestr("word/document.xml", b"<document/>")
        for n in range(2001):
            archive.writestr(f"word/p{n}.xml", b"")
    return buffer.getvalue()


def test_office_kind_by_content():
    assert office_kind(DOCX) == "docx" and office_kind(XLSX) == "xlsx"
    # the declared main part must be there; a ZIP of something else is not a document
    with pytest.raises(UploadRejected):
        office_kind(office("word/other.xml", _WORD_MAIN.replace("document.main", "template.main")))
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")  # the marker without the declaration
    with pytest.raises(UploadRejected):
        office_kind(plain.getvalue())


REFUSED = {
    "docm": (
        "spec.docx",
        office(
            "word/document.xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"},
        ),
        "Документы с макросами (.docm, .xlsm) не принимаются",
    ),
    "vba in a docx": (
        "spec.docx",
        office("word/document.xml", _WORD_MAIN, {"word/vbaProject.bin": b"macro"}),
        "Документы с макросами (.docm, .xlsm) не принимаются",
    ),
    "xlsm": (
        "prices.xlsx",
        office("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
        "Документы с макросами (.docm, .xlsm) не принимаются",
    ),
    "exe renamed": ("spec.docx", b"MZ\x90\x00\x03" + b"\0" * 200, "Этот тип файла не принимается"),
    "html renamed": ("spec.xlsx", b"<html><script>alert(1)</script></html>", "Этот тип файла не принимается"),
    "zip bomb": ("spec.docx", _bomb(), "слишком велик в распакованном виде"),
    "too many parts": ("spec.docx", _many_members(), "слишком велик в распакованном виде"),
    "climbing names": (
        "spec.docx",
        office("word/document.xml", _WORD_MAIN, {"../../evil.sh": b"rm -rf /"}),
        "небезопасными именами",
    ),
    "legacy doc": ("spec.doc", OLE2_SIGNATURE + b"\0" * 600, "Старые файлы Word и Excel (.doc, .xls) не принимаются"),
    "docx named xlsx": ("prices.xlsx", DOCX, "но на самом деле это"),
}


def _files(app) -> list[Path]:
    folder = Path(app.config["DATA_DIR"]) / "message_files"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_attachments_write_nothing(app, shop, case):  # noqa: F811
    _merchant, product, buyer = shop
    name, data, message = REFUSED[case]
    before = _files(app)
    page = as_user(app, buyer).post(
        f"/ru/rfq/product/{product.id}",
        data={"need": "Чертежи во вложении", "quantity": "20", "country": "RU", "incoterm": "DAP",
              "files": [(io.BytesIO(data), name)]},
        content_type="multipart/form-data",
    )  # fmt: skip
    assert page.status_code == 200
    assert message in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Rfq)) == 0
    assert db.session.scalar(select(func.count()).select_from(MessageFile)) == 0
    assert _files(app) == before


def test_docx_and_xlsx_reach_both_sides_and_no_one_else(app, shop, make):  # noqa: F811
    merchant, product, buyer = shop
    b = as_user(app, buyer)
    sent = b.post(
        f"/ru/rfq/product/{product.id}",
        data={"need": "Чертёж и спецификация", "quantity": "20", "country": "RU", "incoterm": "DAP",
              "files": [(io.BytesIO(DOCX), "чертёж.docx"), (io.BytesIO(XLSX), "specification.xlsx")]},
        content_type="multipart/form-data",
    )  # fmt: skip
    assert sent.status_code == 302
    item = db.session.scalars(select(Rfq)).one()
    conversation = rfq_thread.conversation_of(item)
    (message,) = db.session.scalars(select(Message).where(Message.conversation_id == conversation.id))
    by_name = {f.original_name: f for f in message.files}
    assert by_name["чертёж.docx"].content_type == _OOXML + "wordprocessingml.document"
    assert by_name["specification.xlsx"].content_type == _OOXML + "spreadsheetml.sheet"
    stranger = make.user(Role.BUYER.value)
    other_merchant = make.merchant()
    db.session.commit()
    for f, data in ((by_name["чертёж.docx"], DOCX), (by_name["specification.xlsx"], XLSX)):
        url = f"/ru/messages/{conversation.id}/files/{f.id}"
        for user in (buyer, merchant.owner):
            response = as_user(app, user).get(url)
            body = response.get_data()
            response.close()
            assert response.status_code == 200 and body == data
            assert response.headers["Content-Type"].startswith(f.content_type)
            assert response.headers["Content-Disposition"].startswith("attachment")
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        for user in (stranger, other_merchant.owner):
            assert as_user(app, user).get(url).status_code == 404
    assert "Word (.docx)" in b.get(f"/ru/rfq/{item.id}").get_data(as_text=True)  # the thread's accepted types


def test_the_merchant_answers_with_a_spreadsheet_in_the_thread(app, shop):  # noqa: F811
    merchant, _product, _buyer = shop
    item = _rfq(shop)
    conversation = rfq_thread.conversation_of(item)
    m = as_user(app, merchant.owner)
    page = m.get(f"/zh/merchant/rfqs/{item.id}")
    assert page.status_code == 200
    answer = m.post(
        f"/zh/messages/{conversation.id}",
        data={"body": "报价单见附件", "files": [(io.BytesIO(XLSX), "报价单.xlsx")]},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 302
    assert db.session.scalars(select(MessageFile).where(MessageFile.original_name == "报价单.xlsx")).one()
