"""Finding 7 — password rules: at least 10 characters, not common, not built from the e-mail or name; the
rules hold for registration, password change, reset and the create-operator command."""

import pytest

from storefront.accounts import operations as ops
from storefront.accounts.passwords import TOO_COMMON, TOO_PERSONAL, TOO_SHORT, password_problem
from storefront.extensions import db


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short-1", TOO_SHORT),
        ("password123", TOO_COMMON),
        ("qwertyuiop", TOO_COMMON),
        ("1234567890", TOO_COMMON),
        ("iloveyou12", TOO_COMMON),
        ("anna.petrova.2026", TOO_PERSONAL),
        ("PETROVA-secure-99", TOO_PERSONAL),
        ("correct-horse-battery", None),
        ("大连海参和丹东草莓很好吃", None),
    ],
)
def test_password_rules(ctx, password, problem):
    assert password_problem(password, email="anna.petrova@example.ru", name="Anna Petrova") == problem


def test_registration_refuses_a_common_password(client, ctx):
    page = client.post(
        "/en/account/register",
        data={
            "name": "Ivan",
            "email": "ivan@example.com",
            "password": "password123",
            "confirm": "password123",
            "role": "buyer",
        },
    )
    assert page.status_code == 200 and "too common" in page.get_data(as_text=True)
    assert ops.find_user("ivan@example.com") is None


def test_registration_refuses_the_email_as_password(client, ctx):
    page = client.post(
        "/en/account/register",
        data={
            "name": "Ivan",
            "email": "ivanovich@example.com",
            "password": "ivanovich@example.com",
            "confirm": "ivanovich@example.com",
            "role": "buyer",
        },
    )
    assert "must not contain your e-mail" in page.get_data(as_text=True)


def test_password_change_and_reset_follow_the_rules(app, make):
    user = make.user(email="olga@example.com", name="Olga")
    db.session.commit()
    with pytest.raises(ops.WeakPassword):
        ops.change_password(user, "correct-horse-battery", "qwertyuiop123")
    with pytest.raises(ops.WeakPassword):
        ops.reset_password(user, "olga@example.com")


def test_create_operator_refuses_a_weak_password(runner, ctx):
    result = runner.invoke(args=["create-operator", "op@example.com", "--password", "1234567890"])
    assert result.exit_code != 0 and ops.find_user("op@example.com") is None
    ok = runner.invoke(args=["create-operator", "op@example.com", "--password", "river-lantern-copper-7"])
    assert ok.exit_code == 0, ok.output
