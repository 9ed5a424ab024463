"""Register, sign in, sign out, roles, CSRF, rate limiting, operator CLI."""

import re

import pytest

from storefront.accounts.models import Role, User
from storefront.extensions import db
from tests.fixtures import make_app


def _link_in_last_mail(app, to: str = "ivan@example.com") -> str:
    """The link in the newest mail to ``to`` (the session's mail folder also holds other tests' mails)."""
    from tests.test_mail import _mails

    mine = [m for m in _mails(app) if to in str(m["To"]).lower()]
    text = mine[-1].get_body(("plain",)).get_content()
    return re.search(r"http://127\.0\.0\.1:5000(/\S+)", text).group(1)


def test_register_login_logout(app, client, ctx):
    response = client.post(
        "/ru/account/register",
        data={
            "name": "Иван",
            "email": "Ivan@Example.com",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
            "role": "buyer",
        },
    )
    assert response.status_code == 302 and "/ru/account/login" in response.headers["Location"]
    user = db.session.scalars(db.select(User)).one()
    assert user.email == "ivan@example.com" and user.locale == "ru" and user.role == "buyer"
    assert user.password_hash != "long-enough-pw" and user.check_password("long-enough-pw")
    assert not user.email_verified
    early = client.post("/ru/account/login", data={"email": "ivan@example.com", "password": "long-enough-pw"})
    assert early.status_code == 200 and client.get("/ru/account/").status_code == 302  # not before the link
    assert client.get(_link_in_last_mail(app)).status_code == 302  # the e-mailed link confirms and signs in
    assert client.get("/ru/account/").status_code == 200
    client.post("/ru/account/logout")
    assert client.get("/ru/account/").status_code == 302
    bad = client.post("/ru/account/login", data={"email": "ivan@example.com", "password": "nope"})
    assert bad.status_code == 200
    ok = client.post("/ru/account/login", data={"email": "IVAN@example.com", "password": "long-enough-pw"})
    assert ok.status_code == 302
    assert client.get("/ru/account/").status_code == 200


def test_register_keeps_input_on_error(client, ctx):
    page = client.post(
        "/ko/account/register",
        data={"name": "김민준", "email": "minjun@example.kr", "password": "short", "confirm": "other", "role": "buyer"},
    ).get_data(as_text=True)
    assert 'value="김민준"' in page and 'value="minjun@example.kr"' in page
    assert 'aria-invalid="true"' in page


def test_register_duplicate_email(client, make):
    make.user(email="taken@example.com")
    db.session.commit()
    response = client.post(
        "/en/account/register",
        data={
            "name": "X",
            "email": "taken@example.com",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
            "role": "buyer",
        },
    )
    assert response.status_code == 302 and "/en/account/login" in response.headers["Location"]
    assert db.session.scalars(db.select(User)).one().name != "X"  # the owner's account is untouched


def test_cannot_self_register_as_operator(client, ctx):
    response = client.post(
        "/en/account/register",
        data={
            "name": "X",
            "email": "x@example.com",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
            "role": "operator",
        },
    )
    assert response.status_code == 200
    assert db.session.scalars(db.select(User)).first() is None


def test_login_next_is_local_only(client, make):
    make.user(email="a@example.com")
    db.session.commit()
    r = client.post(
        "/en/account/login?next=https://evil.example/x",
        data={"email": "a@example.com", "password": "correct-horse-battery"},
    )
    assert r.status_code == 302 and "evil" not in r.headers["Location"]


def test_csrf_required_on_forms(app, tmp_path):
    secure = make_app(tmp_path, app.config["SQLALCHEMY_DATABASE_URI"], WTF_CSRF_ENABLED=True)
    client = secure.test_client()
    r = client.post("/en/account/login", data={"email": "a@example.com", "password": "x"})
    assert r.status_code == 400
    assert client.post("/en/currency", data={"currency": "EUR"}).status_code == 400


def test_login_rate_limited(app, tmp_path, make):
    make.user(email="victim@example.com")
    db.session.commit()
    limited = make_app(
        tmp_path, app.config["SQLALCHEMY_DATABASE_URI"], RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute"
    )
    client = limited.test_client()
    from storefront.extensions import limiter

    try:
        codes = [
            client.post("/en/account/login", data={"email": "victim@example.com", "password": f"guess{i}"}).status_code
            for i in range(5)
        ]
    finally:
        limiter.enabled = False  # the limiter object is shared by every app in the test session
        limiter.reset()
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_create_operator_cli(runner, ctx):
    result = runner.invoke(args=["create-operator", "ops@kuajing.example", "--password", "copper-harbour-lantern"])
    assert result.exit_code == 0, result.output
    user = db.session.scalars(db.select(User).filter_by(email="ops@kuajing.example")).one()
    assert user.role == Role.OPERATOR.value and user.check_password("copper-harbour-lantern")


def test_create_operator_rejects_short_password(runner, ctx):
    result = runner.invoke(args=["create-operator", "ops@kuajing.example", "--password", "short"])
    assert result.exit_code != 0


@pytest.mark.parametrize("role", ["buyer", "merchant", "provider"])
def test_roles_can_register(client, ctx, role):
    client.post(
        "/en/account/register",
        data={
            "name": "X",
            "email": f"{role}@example.com",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
            "role": role,
        },
    )
    assert db.session.scalars(db.select(User)).one().role == role
