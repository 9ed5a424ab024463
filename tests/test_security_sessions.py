"""Finding 3 — sessions that end: server-side revocation (session version), remember cookie flags and
lifetime, cleared at logout, session renewed at login; password change and reset end other sessions.
Finding 7 (part) — rehash on login when PASSWORD_HASH_METHOD changes."""

import re
from datetime import timedelta

from storefront.accounts import operations as ops
from storefront.accounts.models import Role
from storefront.config import load_config
from storefront.extensions import db

PASSWORD = "correct-horse-battery"


def _login(client, email, remember=False):
    data = {"email": email, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    return client.post("/en/account/login", data=data)


def _signed_in(client) -> bool:
    return client.get("/en/account/").status_code == 200


def _cookie(client, name):
    return client.get_cookie(name)


def test_replayed_session_cookie_stops_working_after_logout(app, make):
    make.user(email="a@example.com")
    db.session.commit()
    client = app.test_client()
    _login(client, "a@example.com")
    stolen = _cookie(client, "session").value
    assert _signed_in(client)
    client.post("/en/account/logout")
    assert not _signed_in(client)
    attacker = app.test_client()
    attacker.set_cookie("session", stolen)
    assert not _signed_in(attacker)


def test_remember_cookie_has_flags_a_short_life_and_dies_at_logout(app, make):
    make.user(email="r@example.com")
    db.session.commit()
    client = app.test_client()
    response = _login(client, "r@example.com", remember=True)
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    assert "HttpOnly" in header and "SameSite=Lax" in header
    remember = _cookie(client, "remember_token").value
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=14)
    # the remember cookie alone signs in …
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember)
    assert _signed_in(fresh)
    # … until logout, which deletes it and revokes it server-side
    out = client.post("/en/account/logout")
    assert any(h.startswith("remember_token=;") for h in out.headers.getlist("Set-Cookie"))
    replay = app.test_client()
    replay.set_cookie("remember_token", remember)
    assert not _signed_in(replay)


def test_secure_cookies_when_the_public_address_is_https():
    config = load_config({"PUBLIC_BASE_URL": "https://shop.example"})
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
    assert not load_config({})["SESSION_COOKIE_SECURE"]


def test_session_is_renewed_at_login(app, make):
    make.user(email="f@example.com")
    db.session.commit()
    client = app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by-attacker"
        session["csrf_token"] = "fixed-token"
        session["currency"] = "EUR"
    _login(client, "f@example.com")
    with client.session_transaction() as session:
        assert "planted" not in session and session.get("csrf_token") != "fixed-token"
        assert session["currency"] == "EUR"  # the visitor's own choices survive


def test_logout_forgets_cart_and_order_access(app, make):
    make.user(email="g@example.com")
    db.session.commit()
    client = app.test_client()
    _login(client, "g@example.com")
    with client.session_transaction() as session:
        session.update({"cart": {"1": 2}, "my_orders": ["KJ-1"], "currency": "EUR"})
    client.post("/en/account/logout")
    with client.session_transaction() as session:
        assert "cart" not in session and "my_orders" not in session and session["currency"] == "EUR"


def test_sign_out_everywhere_keeps_only_this_browser(app, make):
    make.user(email="e@example.com")
    db.session.commit()
    laptop, phone = app.test_client(), app.test_client()
    _login(laptop, "e@example.com")
    _login(phone, "e@example.com")
    laptop.post("/en/account/sessions/end")
    assert _signed_in(laptop) and not _signed_in(phone)


def test_password_change_ends_other_sessions(app, make):
    make.user(email="c@example.com")
    db.session.commit()
    laptop, phone = app.test_client(), app.test_client()
    _login(laptop, "c@example.com")
    _login(phone, "c@example.com")
    wrong = laptop.post(
        "/en/account/password",
        data={
            "current": "nope-nope-nope",
            "password": "a-new-secret-phrase",
            "confirm": "a-new-secret-phrase",
        },
    )
    assert wrong.status_code == 200 and _signed_in(phone)
    laptop.post(
        "/en/account/password",
        data={"current": PASSWORD, "password": "a-new-secret-phrase", "confirm": "a-new-secret-phrase"},
    )
    assert _signed_in(laptop) and not _signed_in(phone)


def test_password_reset_link_works_once_and_ends_sessions(app, make):
    user = make.user(email="p@example.com")
    db.session.commit()
    browser = app.test_client()
    _login(browser, "p@example.com")
    with app.test_request_context("/en/"):
        token = ops.reset_token(db.session.get(type(user), user.id))
    new = {"password": "brand-new-passphrase", "confirm": "brand-new-passphrase"}
    assert app.test_client().get(f"/en/account/reset/{token}").status_code == 200
    app.test_client().post(f"/en/account/reset/{token}", data=new)
    assert not _signed_in(browser)
    again = app.test_client().post(f"/en/account/reset/{token}", data=new)
    assert again.status_code == 302 and "/account/reset" in again.headers["Location"]  # single use
    assert app.test_client().get("/en/account/reset/forged-token").status_code == 302
    client = app.test_client()
    client.post("/en/account/login", data={"email": "p@example.com", "password": "brand-new-passphrase"})
    assert _signed_in(client)


def test_reset_request_sends_a_link_on_the_public_address(app, make):
    from tests.test_mail import _clear, _mails

    _clear(app)
    make.user(email="m@example.com")
    db.session.commit()
    client = app.test_client()
    known = client.post("/en/account/reset", data={"email": "m@example.com"}, follow_redirects=True)
    unknown = client.post("/en/account/reset", data={"email": "nobody@example.com"}, follow_redirects=True)

    def _neutral(response):  # the page without its per-response tokens
        return re.sub(r'(csrf_token" value|nonce)="[^"]*"', "", response.get_data(as_text=True))

    assert "If an account exists" in _neutral(known) and _neutral(known) == _neutral(unknown)
    mails = _mails(app)
    assert len(mails) == 1 and "http://127.0.0.1:5000/en/account/reset/" in mails[0].get_body(("plain",)).get_content()


def test_role_change_ends_sessions(app, make):
    user = make.user(email="o@example.com")
    db.session.commit()
    client = app.test_client()
    _login(client, "o@example.com")
    ops.change_role(user, Role.OPERATOR.value)
    db.session.commit()
    assert not _signed_in(client)


def test_rehash_on_login_when_the_method_changes(app, make):
    user = make.user(email="h@example.com")
    db.session.commit()
    assert user.password_hash.startswith("pbkdf2:sha256:1000$")
    app.config["PASSWORD_HASH_METHOD"] = "pbkdf2:sha256:2000"
    try:
        _login(app.test_client(), "h@example.com")
    finally:
        app.config["PASSWORD_HASH_METHOD"] = "pbkdf2:sha256:1000"
    db.session.expire_all()
    assert user.password_hash.startswith("pbkdf2:sha256:2000$") and user.check_password(PASSWORD)
