"""Helpers shared by the back-office tests: sign-in, small valid files, filing form data."""

from __future__ import annotations

import io

from flask import g, has_app_context
from flask.testing import FlaskClient
from PIL import Image

PASSWORD = "correct-horse-battery"
#: A minimal PDF: header, one object, trailer, end marker.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


class FreshClient(FlaskClient):
    """A test client that forgets per-request caches on ``g`` first.

    With the ``ctx``/``make`` fixtures, requests share the test's app context (and so ``g``); Flask-Login
    caches the signed-in user there, so tests that act as several users need each request to start clean.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            for key in ("_login_user", "merchant", "_rates", "_clearance_cases", "_flask_babel"):
                g.pop(key, None)
        return super().open(*args, **kwargs)


def client_as(app, user=None, lang: str = "en") -> FreshClient:
    """A fresh client, signed in as ``user`` when given (``lang`` is accepted for callers; URLs decide)."""
    client = FreshClient(app, app.response_class, use_cookies=True)
    if user is not None:
        login(client, user)
    return client


def login(client, user, password: str = PASSWORD, lang: str = "en") -> None:
    """Sign a test client in as ``user`` by setting Flask-Login's session keys (the sign-in form is tested in
    test_accounts and is rate limited per address, which a suite full of sign-ins would trip)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (64, 48), color=(200, 40, 40)) -> bytes:
    """A small real image."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def filing_form(make, **overrides) -> dict:
    """Valid filing form data (cluster and city created as needed)."""
    cat = make.category(cluster_slug="swimwear")
    make.city("xingcheng")
    data = {
        "name_zh": "兴城海韵泳装有限公司",
        "name_en": "Xingcheng Haiyun Swimwear Co., Ltd.",
        "uscc": make.valid_uscc(987654),
        "customs_code": "2114960123",
        "contact_name": "王丽",
        "contact_email": "wangli@haiyun.example.cn",
        "phone": "+86 429 555 0101",
        "cluster_id": str(cat.cluster_id),
        "city_slug": "xingcheng",
    }
    data.update(overrides)
    return data
