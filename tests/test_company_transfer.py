"""对公转账 for service orders: the merchant uploads the bank slip (and asks for a 发票), an operator confirms
the money (same path as a T/T: ledger cash:bank) or rejects it; bad input is refused. Alipay and WeChat Pay
are not offered: localstripe cannot complete them (it knows card and sepa_debit only)."""

import io

from sqlalchemy import select

from services_market import orders
from services_market.order_models import ServiceOrder
from services_market.payments import KIND
from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.check import check
from storefront.payments.transfers import TransferProof
from tests.backoffice_helpers import PDF, client_as


def _unpaid(make):
    make.rates()
    merchant = make.merchant()
    package = make.service_package(make.service_provider())
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], None)
    db.session.commit()
    return order


def _slip(**extra):
    data = {"payer_name": "大连某某进出口有限公司", "bank_ref": "ICBC-20261203-1",
            "proof": (io.BytesIO(PDF), "回单.pdf"), **extra}
    return data


def test_company_transfer_with_invoice_request_is_confirmed_by_the_operator(app, make):
    order = _unpaid(make)
    operator_user = make.user(Role.OPERATOR.value)
    db.session.commit()
    merchant = client_as(app, order.merchant.owner)
    page = merchant.get(f"/zh/services/orders/{order.number}/pay").get_data(as_text=True)
    assert 'id="transfer-form"' in page and "alipay" not in page.lower() and "wechat" not in page.lower()
    missing_invoice = merchant.post(f"/en/services/orders/{order.number}/pay/transfer",
                                    data=_slip(invoice="1"), content_type="multipart/form-data", follow_redirects=True)
    assert "taxpayer number" in missing_invoice.get_data(as_text=True)
    no_file = merchant.post(f"/en/services/orders/{order.number}/pay/transfer",
                            data={"payer_name": "X", "bank_ref": "Y"}, content_type="multipart/form-data")
    assert no_file.status_code == 302
    assert db.session.scalars(select(TransferProof)).all() == []
    ok = merchant.post(f"/en/services/orders/{order.number}/pay/transfer",
                       data=_slip(invoice="1", invoice_title="大连某某进出口有限公司", invoice_tax_id="91210200MA0000000X"),
                       content_type="multipart/form-data")
    assert ok.status_code == 302
    proof = db.session.scalars(select(TransferProof)).one()
    assert (proof.invoice_requested, proof.invoice_tax_id, proof.amount_minor) == (True, "91210200MA0000000X", order.card_fen)
    operator = client_as(app, operator_user)
    listing = operator.get("/zh/operator/transfers/").get_data(as_text=True)
    assert "91210200MA0000000X" in listing and order.number in listing
    slip = operator.get(f"/zh/operator/transfers/{proof.id}/slip")
    assert slip.status_code == 200 and slip.data == PDF
    slip.close()
    assert operator.post(f"/zh/operator/transfers/{proof.id}/confirm").status_code == 302
    db.session.expire_all()
    assert db.session.get(ServiceOrder, order.id).status == "requested"
    cash = [e.amount_minor for e in ledger.entries_for(KIND, order.id) if e.account == "cash:bank"]
    assert cash == [order.card_fen]
    assert check(None)[1] == []
    operator.post(f"/zh/operator/transfers/{proof.id}/reject")  # already decided: nothing changes
    db.session.expire_all()
    assert db.session.get(TransferProof, proof.id).status == "confirmed"


def test_others_cannot_send_or_decide(app, make):
    order = _unpaid(make)
    stranger = make.merchant()
    db.session.commit()
    response = client_as(app, stranger.owner).post(
        f"/en/services/orders/{order.number}/pay/transfer", data=_slip(), content_type="multipart/form-data"
    )
    assert response.status_code == 404
    assert client_as(app, order.merchant.owner).post("/en/operator/transfers/1/confirm").status_code == 403
