"""Merchant filing (备案): submit with documents, operator review with audit, rejection and resubmission."""

import io
from pathlib import Path

import pytest

from storefront.accounts import filing
from storefront.accounts.documents import Document, document_path
from storefront.accounts.models import FilingStatus, Merchant, Role
from storefront.catalog import queries
from storefront.core.audit import AuditEntry
from storefront.core.validators import is_valid_uscc, uscc_check_char
from storefront.extensions import db
from tests.backoffice_helpers import PDF, client_as, filing_form, image_bytes, login


def _submit(client, make, files=None, **overrides):
    data = filing_form(make, **overrides)
    db.session.commit()
    data["documents"] = files if files is not None else [(io.BytesIO(PDF), "营业执照.pdf")]
    return client.post("/en/merchant/filing", data=data, content_type="multipart/form-data")


def test_merchant_without_filing_is_sent_to_the_filing_form(client, make):
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    login(client, user)
    response = client.get("/en/merchant/products")
    assert response.status_code == 302 and response.headers["Location"].endswith("/en/merchant/filing")
    page = client.get("/en/merchant/filing").get_data(as_text=True)
    assert 'name="uscc"' in page and 'enctype="multipart/form-data"' in page


def test_submit_filing_stores_documents_outside_static_and_waits_for_review(app, client, make):
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    login(client, user)
    response = _submit(client, make)
    assert response.status_code == 302
    merchant = db.session.scalars(db.select(Merchant)).one()
    assert merchant.status == FilingStatus.PENDING.value and merchant.owner_id == user.id
    assert merchant.names == {"zh": "兴城海韵泳装有限公司", "en": "Xingcheng Haiyun Swimwear Co., Ltd."}
    assert merchant.slug == "xingcheng-haiyun-swimwear-co-ltd" and merchant.submitted_at is not None
    doc = db.session.scalars(db.select(Document)).one()
    path = document_path(doc)
    assert path.read_bytes() == PDF
    assert Path(app.config["DATA_DIR"]) / "documents" == path.parent
    assert "static" not in path.parts and doc.original_name == "营业执照.pdf" and doc.stored_name != doc.original_name
    # the owner downloads it as an attachment
    download = client.get(f"/en/merchant/filing/documents/{doc.id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    # pending merchants' products are not public
    product = make.product(merchant)
    db.session.commit()
    assert db.session.scalars(queries.public_products().where(db.text("1=1"))).all() == []
    assert client.get(f"/en/p/{product.id}").status_code == 404


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("uscc", "91210200000987654X", "valid unified social credit code"),
        ("uscc", "9121020000098765", "valid unified social credit code"),
        ("customs_code", "21149", "10 letters or digits"),
        ("name_en", "", "This field is required"),
    ],
)
def test_filing_form_reports_bad_fields(client, make, field, value, message):
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    login(client, user)
    page = _submit(client, make, **{field: value}).get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page
    assert db.session.scalars(db.select(Merchant)).first() is None


def test_filing_needs_a_document_and_refuses_bad_files(client, make):
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    login(client, user)
    page = _submit(client, make, files=[]).get_data(as_text=True)
    assert "Attach at least one document" in page
    spoofed = [(io.BytesIO(b"MZ\x90\x00 not a pdf at all"), "licence.pdf")]
    page = _submit(client, make, files=spoofed).get_data(as_text=True)
    assert "not an accepted type" in page
    renamed = [(io.BytesIO(image_bytes("PNG")), "licence.pdf")]
    page = _submit(client, make, files=renamed).get_data(as_text=True)
    assert "ends in “.pdf” but the file is a PNG" in page
    assert db.session.scalars(db.select(Merchant)).first() is None and not db.session.scalars(db.select(Document)).all()


def test_uscc_check_character_rules():
    first17 = "91210200MA0QXXXX1"
    good = first17 + uscc_check_char(first17)
    assert is_valid_uscc(good) and is_valid_uscc(good.lower())
    wrong = first17 + ("0" if good[-1] != "0" else "1")
    assert not is_valid_uscc(wrong)
    assert not is_valid_uscc(good[:-1]) and not is_valid_uscc(good + "1")
    assert not is_valid_uscc(good.replace("0", "O", 1))  # O is not in the character set
    assert is_valid_uscc("91350100M000100Y43")  # a published example


def test_duplicate_uscc_is_refused(client, make):
    other = make.merchant()
    db.session.commit()
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    login(client, user)
    page = _submit(client, make, uscc=other.uscc).get_data(as_text=True)
    assert "Another company on the platform has filed with this credit code" in page


def test_operator_approves_and_the_action_is_audited(client, make):
    operator = make.user(Role.OPERATOR.value)
    merchant = make.merchant(status=FilingStatus.PENDING.value)
    product = make.product(merchant)
    db.session.commit()
    login(client, operator)
    page = client.get("/en/operator/filings/?kind=merchant").get_data(as_text=True)
    assert merchant.names["en"] in page
    detail = client.get(f"/en/operator/filings/merchant/{merchant.id}").get_data(as_text=True)
    assert merchant.uscc in detail
    assert client.post(f"/en/operator/filings/merchant/{merchant.id}/approve").status_code == 302
    merchant = db.session.get(Merchant, merchant.id)
    assert merchant.status == "approved" and merchant.reviewed_by_id == operator.id
    entry = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "filing.approve")).one()
    assert entry.actor_id == operator.id and entry.actor_email == operator.email
    assert entry.target_type == "merchants" and entry.target_id == str(merchant.id)
    assert entry.before["status"] == "pending" and entry.after["status"] == "approved"
    assert client.get(f"/en/p/{product.id}").status_code == 200
    audit_page = client.get("/en/operator/audit").get_data(as_text=True)
    assert "filing.approve" in audit_page and operator.email in audit_page


def test_reject_with_reason_then_resubmit(app, make):
    operator = make.user(Role.OPERATOR.value)
    user = make.user(Role.MERCHANT.value)
    db.session.commit()
    client = client_as(app, user)
    _submit(client, make)
    merchant = db.session.scalars(db.select(Merchant)).one()
    op_client = client_as(app, operator)
    no_reason = op_client.post(f"/en/operator/filings/merchant/{merchant.id}/reject", data={"reason": " "})
    assert no_reason.status_code == 302 and db.session.get(Merchant, merchant.id).status == "pending"
    op_client.post(
        f"/en/operator/filings/merchant/{merchant.id}/reject",
        data={"reason": "营业执照扫描件不清晰，请重新上传。"},
    )
    merchant = db.session.get(Merchant, merchant.id)
    assert merchant.status == "rejected" and merchant.rejection_reason.startswith("营业执照")
    page = client.get("/en/merchant/filing").get_data(as_text=True)
    assert "营业执照扫描件不清晰" in page and 'name="uscc"' in page
    assert "营业执照扫描件不清晰" in client.get("/en/merchant/products").get_data(as_text=True)
    # resubmit: data kept, a new document added, back to pending
    data = filing_form(make, phone="+86 429 555 0199")
    data["documents"] = [(io.BytesIO(image_bytes("JPEG")), "licence-scan.jpg")]
    assert client.post("/en/merchant/filing", data=data, content_type="multipart/form-data").status_code == 302
    merchant = db.session.get(Merchant, merchant.id)
    assert merchant.status == "pending" and merchant.phone == "+86 429 555 0199"
    assert len(filing.merchant_documents(merchant)) == 2
    actions = db.session.scalars(db.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["filing.submit", "filing.reject", "filing.resubmit"]


def test_approved_filing_is_read_only_for_the_merchant(client, make):
    merchant = make.merchant()
    db.session.commit()
    login(client, merchant.owner)
    page = client.get("/en/merchant/filing").get_data(as_text=True)
    assert "Your company is approved" in page and 'name="uscc"' not in page
    response = client.post(
        "/en/merchant/filing",
        data=filing_form(make, name_en="Renamed Ltd"),
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert db.session.get(Merchant, merchant.id).names["en"] != "Renamed Ltd"


def test_only_pending_filings_can_be_approved(ctx, make):
    operator = make.user(Role.OPERATOR.value)
    merchant = make.merchant(status=FilingStatus.REJECTED.value)
    with pytest.raises(filing.FilingError):
        filing.approve(merchant, operator)
    with pytest.raises(filing.FilingError):
        filing.reject(merchant, operator, "")
