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
    known = client.post(
        "/en/account/login", data={"email": "known@example.com", "password": "wrong-password"}
    )
    known_calls = list(hash_calls)
    hash_calls.clear()
    unknown = client.post(
        "/en/account/login", data={"email": "nobody@example.com", "password": "wrong-password"}
    )
    assert known_calls == hash_calls == ["check"]
    assert _neutral(known).replace("known@example.com", "X") == _neutral(unknown).replace(
        "nobody@example.com", "X"
    )


def test_registration_with_a_taken_email_costs_a_hash_too(client, make, hash_calls):
    make.user(email="known@example.com")
    db.session.commit()
    hash_calls.clear()
    form = {"name": "N", "password": "a-long-new-password", "confirm": "a-long-new-password", "role": "buyer"}
    client.post("/en/account/register", data={**form, "email": "known@example.com"})
    taken = list(hash_calls)
    hash_calls.clear()
    client.post("/en/account/register", data={**form, "email": "new@example.com"})
    assert len(taken) == 1 and hash_calls.count("generate") == 1


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
