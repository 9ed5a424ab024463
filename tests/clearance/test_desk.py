"""The clearance desk: cases filtered by status, merchant, month and customs return code; one case with its
documents, messages, receipts, history and next action; "send now"; the merchant's filtered list."""

from __future__ import annotations

from storefront.accounts.models import Role
from storefront.clearance.status import CaseStatus, MessageStatus
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import case_of, messages
from tests.clearance.test_pages import flow  # noqa: F401 - the shared fixture


def test_desk_filters_cases(app, make, flow):  # noqa: F811
    operator = client_as(app, make.user(Role.OPERATOR.value))
    good, bad = case_of(flow["good"].sub_orders[0]), case_of(flow["bad"].sub_orders[0])
    assert bad.status == CaseStatus.REJECTED.value
    every = operator.get("/zh/operator/clearance/cases").get_data(as_text=True)
    assert good.order_no in every and bad.order_no in every and 'id="summary-deadline"' in every
    rejected = operator.get("/zh/operator/clearance/cases?status=rejected").get_data(as_text=True)
    assert bad.order_no in rejected and good.order_no not in rejected
    assert "商家修改数据后重新提交" in rejected or "resubmits" in rejected  # the next action
    assert good.return_status == 899 and bad.return_status != 899  # closed by customs; refused at the e-port
    by_code = operator.get("/zh/operator/clearance/cases?code=899").get_data(as_text=True)
    assert good.order_no in by_code and bad.order_no not in by_code
    month = bad.created_at.strftime("%Y-%m")
    assert bad.order_no in operator.get(f"/zh/operator/clearance/cases?month={month}").get_data(as_text=True)
    assert bad.order_no not in operator.get("/zh/operator/clearance/cases?month=2001-01").get_data(as_text=True)
    other = operator.get(f"/zh/operator/clearance/cases?merchant={flow['b'].id}").get_data(as_text=True)
    assert bad.order_no not in other
    assert operator.get("/zh/operator/clearance/cases?month=13/2026").status_code == 200  # reported, not fatal


def test_case_page_and_send_now(app, make, flow):  # noqa: F811
    operator = client_as(app, make.user(Role.OPERATOR.value))
    bad = case_of(flow["bad"].sub_orders[0])
    page = operator.get(f"/zh/operator/clearance/cases/{bad.id}").get_data(as_text=True)
    assert 'id="next-action"' in page and 'id="send-now"' in page and bad.reject_reason in page
    dead = next(m for m in messages() if m.case_id is not None)
    dead.status = MessageStatus.DEAD.value
    db.session.commit()
    assert operator.post(f"/zh/operator/clearance/cases/{dead.case_id}/send-now").status_code == 302
    assert next(m for m in messages() if m.id == dead.id).status == MessageStatus.PENDING.value
    assert operator.get("/zh/operator/clearance/cases/999999").status_code == 404
    assert client_as(app, flow["a"].owner).get(f"/zh/operator/clearance/cases/{bad.id}").status_code == 403


def test_merchant_list_filters_and_scoping(app, flow):  # noqa: F811
    good, bad = case_of(flow["good"].sub_orders[0]), case_of(flow["bad"].sub_orders[0])
    a = client_as(app, flow["a"].owner)
    page = a.get("/zh/merchant/clearance?status=closed").get_data(as_text=True)
    assert 'id="summary-deadline"' in page
    table = page[page.index('id="recent-h"') :].split("</table>")[0]
    assert good.order_no in table and bad.order_no not in table  # the filter: closed cases only
    b = client_as(app, flow["b"].owner).get("/zh/merchant/clearance").get_data(as_text=True)
    assert good.order_no not in b and bad.order_no not in b
