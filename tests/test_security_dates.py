"""Finding 8 — every date input goes through one bounded parser: far-away dates get a clear message, never a
500 from an OverflowError in date arithmetic."""

from datetime import date

import pytest

from storefront.accounts.models import Role
from storefront.core.dates import MAX_DATE, DateInputError, parse_date
from storefront.extensions import db
from tests.backoffice_helpers import client_as


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"])
def test_out_of_range_dates_are_refused_with_a_message(ctx, text):
    with pytest.raises(DateInputError) as caught:
        parse_date(text)
    assert "between 1900-01-01 and 2999-12-31" in str(caught.value.message)


@pytest.mark.parametrize("text", ["31/12/2026", "2026-13-01", "2026-02-30", "20261231", "2026-1-1x", "x" * 500])
def test_malformed_dates_are_refused(ctx, text):
    with pytest.raises(DateInputError):
        parse_date(text)


def test_good_and_empty_dates(ctx):
    assert parse_date(" 2026-03-31 ") == date(2026, 3, 31) and parse_date("") is None and parse_date(None) is None
    assert parse_date(MAX_DATE.isoformat()) == MAX_DATE


def test_merchant_order_filter_with_the_last_day_of_year_9999(app, make):
    merchant = make.merchant()
    db.session.commit()
    client = client_as(app, merchant.owner)
    for query in ("date_to=9999-12-31", "date_from=0001-01-01", "date_to=2999-12-31"):
        response = client.get(f"/en/merchant/orders?{query}")
        assert response.status_code == 200, query
    assert "between 1900-01-01 and 2999-12-31" in client.get("/en/merchant/orders?date_to=9999-12-31").get_data(
        as_text=True
    )


def test_voucher_expiry_far_in_the_future_is_a_form_error(app, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = client_as(app, operator)
    page = client.post(
        "/en/operator/vouchers/new",
        data={
            "name": "Far future",
            "funder": "Bureau",
            "kind": "amount",
            "amount": "500",
            "expires_on": "9999-12-31",
            "quantity": "1",
        },
    )
    assert page.status_code == 200 and "between 1900-01-01 and 2999-12-31" in page.get_data(as_text=True)
