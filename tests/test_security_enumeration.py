"""Finding 6 — account enumeration: known and unknown e-mails get the same answer and the same hashing work
(a dummy hash on the unknown path) on sign-in, registration and password reset. The wall-clock comparison is
bench/enumeration.py (figures in docs/security.md)."""

import re

import pytest
import werkzeug.security

from storefront.accounts import models, operations
from storefront.extensions import db


@pytest.fixture
def hash_calls(monkeypatch):
    """Count every password hash computed or checked."""
    calls = []
    real_check, real_generate = (
        werkzeug.security.check_password_hash,
        werkzeug.security.generate_password_hash,
    )

    def check(*args, **kw):
        calls.append("check")
        return real_check(*args, **kw)

    def generate(*args, **kw):
        calls.append("generate")
        return real_generate(*args, **kw)

    for module in (models, operations):
        monkeypatch.setattr(module, "check_password_hash", check)
        monkeypatch.setattr(module, "generate_password_hash", generate)
    operations._DUMMY.clear()
    operations.spend_hash_time()  # the dummy hash itself is made once per process
    calls.clear()
    return calls


def _neutral(response) -> str:
    return re.sub(r'(csrf_token" value|nonce)="[^"]*"', "", response.get_data(as_text=True))


def test_sign_in_unknown_email_costs_one_hash_like_a_wrong_password(client, make, hash_calls):
    make.user(email="known@example.com")
    db.session.commit()
    hash_calls.clear()
    known = client.post("/en/account/login", data={"email": "known@example.com", "password": "wrong-password"})
    known_calls = list(hash_calls)
    hash_calls.clear()
    unknown = client.post("/en/account/login", data={"email": "nobody@example.com", "password": "wrong-password"})
    assert known_calls == hash_calls == ["check"]
    assert _neutral(known).replace("known@example.com", "X") == _neutral(unknown).replace("nobody@example.com", "X")


def test_registration_answers_the_same_for_a_taken_email(app, client, make, hash_calls):
    from tests.test_mail import _clear, _mails

    _clear(app)
    make.user(email="known@example.com")
    db.session.commit()
    hash_calls.clear()
    form = {"name": "N", "password": "a-long-new-password", "confirm": "a-long-new-password", "role": "buyer"}
    taken = client.post("/en/account/register", data={**form, "email": "known@example.com"}, follow_redirects=True)
    taken_calls = list(hash_calls)
    hash_calls.clear()
    new = client.post("/en/account/register", data={**form, "email": "new@example.com"}, follow_redirects=True)
    assert len(taken_calls) == 1 and hash_calls.count("generate") == 1
    assert "Check your e-mail" in _neutral(new) and _neutral(taken) == _neutral(new)
    mails = {m["To"]: m.get_body(("plain",)).get_content() for m in _mails(app)}
    assert "/en/account/verify/" in mails["new@example.com"]  # the new address gets its confirmation link
    assert "/account/reset" in mails["known@example.com"]  # the owner hears about it, with a reset link


def test_reset_known_and_unknown_same_answer_same_work(client, make, hash_calls):
    make.user(email="known@example.com")
    db.session.commit()
    hash_calls.clear()
    known = client.post("/en/account/reset", data={"email": "known@example.com"}, follow_redirects=True)
    known_calls = list(hash_calls)
    hash_calls.clear()
    unknown = client.post("/en/account/reset", data={"email": "nobody@example.com"}, follow_redirects=True)
    assert known_calls == hash_calls == ["check"]
    assert _neutral(known) == _neutral(unknown)


def test_unconfirmed_account_gets_a_fresh_link_and_reset_confirms_too(app, client, ctx):
    from storefront.accounts.models import User
    from tests.test_mail import _clear, _mails

    _clear(app)
    form = {
        "name": "N",
        "email": "late@example.com",
        "password": "a-long-new-password",
        "confirm": "a-long-new-password",
        "role": "buyer",
    }
    client.post("/en/account/register", data=form)
    client.post("/en/account/register", data=form)  # the first mail got lost: register again
    bodies = [m.get_body(("plain",)).get_content() for m in _mails(app)]
    assert len(bodies) == 2 and all("/en/account/verify/" in body for body in bodies)
    assert client.get("/en/account/verify/forged").headers["Location"].endswith("/en/account/register")
    user = db.session.scalars(db.select(User)).one()
    assert not user.email_verified
    operations.reset_password(user, "an-entirely-new-passphrase")  # the reset link proves the mailbox too
    assert user.email_verified
