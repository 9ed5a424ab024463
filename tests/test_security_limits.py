"""Finding 10 — free text is bounded at the form and at the column: a CHECK constraint refuses an oversized
note whatever path writes it, and the forms answer with a message instead."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storefront.core.limits import TEXT_LIMITS
from storefront.extensions import db


def test_every_limited_column_exists_and_is_checked(app):
    with app.app_context():
        for (table, column), limit in TEXT_LIMITS.items():
            assert column in db.metadata.tables[table].c, (table, column)
            names = {c.name for c in db.metadata.tables[table].constraints}
            assert f"ck_{table}_len_{column}" in names


def test_the_database_refuses_an_oversized_note(make):
    make.rates()
    p = make.product()
    order = make.order([(p, 1)])
    db.session.commit()
    with pytest.raises(IntegrityError):
        db.session.execute(text("UPDATE orders SET note = :n WHERE id = :i"), {"n": "x" * 1001, "i": order.id})
        db.session.flush()
    db.session.rollback()
    db.session.execute(text("UPDATE orders SET note = :n WHERE id = :i"), {"n": "я" * 1000, "i": order.id})
    db.session.commit()


def test_operator_reason_too_long_is_a_form_error(app, make):
    from storefront.accounts.models import FilingStatus, Role
    from tests.backoffice_helpers import client_as

    merchant = make.merchant(status=FilingStatus.PENDING.value)
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = client_as(app, operator)
    response = client.post(f"/en/operator/filings/merchant/{merchant.id}/reject", data={"reason": "r" * 2001})
    assert response.status_code == 302
    db.session.expire_all()
    assert merchant.status == FilingStatus.PENDING.value and not merchant.rejection_reason
    client.post(f"/en/operator/filings/merchant/{merchant.id}/reject", data={"reason": "原因" * 1000})
    db.session.expire_all()
    assert merchant.status == FilingStatus.REJECTED.value and len(merchant.rejection_reason) == 2000
