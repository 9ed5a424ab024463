"""Finding 11 — fuzzing: every POST endpoint, as every role, with hostile form fields, files and JSON bodies,
never answers 5xx (in tests an unhandled exception fails the test outright), and API/JSON error bodies never
carry a stack trace or SQL."""

import io
import json

import pytest
from sqlalchemy import select
from werkzeug.routing import AnyConverter, IntegerConverter

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.messaging.models import Message
from tests.backoffice_helpers import FreshClient, client_as
from tests.fixtures import make_app, migrate_schema
from tests.security_routes import ROLES
from tests.test_security_routes import SAMPLE, client_for

HOSTILE = {
    "name": "x" * 20000,
    "email": "a@b\x00.c",
    "password": "' OR 1=1 --",
    "confirm": "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "qty": "-1e309",
    "quantity": "NaN",
    "amount": "1e999",
    "price": "∞",
    "stock": "99999999999999999999999",
    "reason": "\u202e" * 3000,
    "note": "<script>alert(1)</script>",
    "body": "\x00" * 10,
    "reply": "%s%n%x",
    "currency": "XXX",
    "method": "../../etc/passwd",
    "date_from": "9999-12-31",
    "expires_on": "0000-00-00",
    "next": "//evil.example/",
    "hidden": "2",
    "direction": "sideways",
    "id": "1 OR 1=1",
    "carrier": "😀" * 500,
    "tracking_no": "\r\nSet-Cookie: x=y",
    "rate": "-0",
    "kind": "weird",
    "role": "operator",
    "remember": "maybe",
    "action": "place",
    "voucher_code": "' UNION SELECT password_hash FROM users --",
    "level": "platinum",
    "payment_method": "pm_\x00",
    "sku": "=HYPERLINK()",
    "hs_code": "１２３",
    "description_zh": "𠀀" * 5000,
}
#: What a leaked stack trace or database error looks like (forms echo the SQL-ish payloads back).
LEAKS = (
    "Traceback (most recent call last)",
    "sqlalchemy.exc",
    "[SQL:",
    "psycopg.errors",
    "sqlite3.",
    'File "/',
)


@pytest.fixture
def world(make):
    """Signed-in users of each role and real objects for the URL arguments (so views get past their 404s)."""
    make.rates()
    merchant = make.merchant()
    provider = make.service_provider()
    product = make.product(merchant)
    order = make.order([(product, 1)])
    package = make.service_package(provider)
    users = {
        "buyer": make.user(Role.BUYER.value),
        "merchant": merchant.owner,
        "provider": provider.owner,
        "operator": make.user(Role.OPERATOR.value),
    }
    db.session.commit()
    ids = {
        "product_id": product.id,
        "package_id": package.id,
        "sub_order_id": order.sub_orders[0].id,
        "filing_id": merchant.id,
    }
    return users, ids, {"number": order.number}


def _url(rule, ids, strings) -> str:
    values = {}
    for name in rule.arguments:
        if isinstance(rule._converters.get(name), IntegerConverter):
            values[name] = ids.get(name, 999999)
        elif isinstance(rule._converters.get(name), AnyConverter):
            values[name] = sorted(rule._converters[name].items)[0]
        else:
            values[name] = strings.get(name, SAMPLE[name])
    return rule.build(values)[1]


def _bodies():
    yield {"data": {}}
    yield {"data": HOSTILE}
    yield {
        "data": {**HOSTILE, "file": (io.BytesIO(b"PK\x03\x04" + b"\xff" * 4000), "bomb.xlsx")},
        "content_type": "multipart/form-data",
    }
    yield {"data": "{not json", "content_type": "application/json"}
    yield {
        "data": json.dumps({"payment_method": {"$ne": 1}, "qty": [1, 2], "amount": 1e308}),
        "content_type": "application/json",
    }


def _check(response, where):
    assert response.status_code < 500, where
    body = response.get_data(as_text=True)
    for leak in LEAKS:
        assert leak not in body, f"{where}: {leak!r} in the body"


class _Clients:
    """A new client for every request, signed in as ``user`` with the user's current session version.

    Signing in through ``session_transaction`` cost ≈ 1.6 ms a request (a fifth of the test's CPU); the session
    cookie it writes is kept and set on the next client for as long as the user's ``get_id()`` (id and session
    version, read again from the database before each request) is unchanged, else it is written anew.
    """

    def __init__(self, app, user) -> None:
        self.app, self.user = app, user
        self.signed_as: str | None = None
        self.cookie = None

    def new(self) -> FreshClient:
        if self.user is None:
            return client_for(self.app, None)
        db.session.refresh(self.user)
        if self.user.get_id() != self.signed_as:
            client = client_for(self.app, self.user)
            self.signed_as = self.user.get_id()
            self.cookie = client.get_cookie(self.app.config["SESSION_COOKIE_NAME"])
            return client
        client = FreshClient(self.app, self.app.response_class, use_cookies=True)
        cookie = self.cookie
        client.set_cookie(cookie.decoded_key, cookie.decoded_value, domain=cookie.domain,
                          origin_only=cookie.origin_only, path=cookie.path)  # fmt: skip
        return client


@pytest.mark.parametrize("role", ROLES)  # one test per role, so pytest-xdist spreads the 6,000 requests
def test_every_post_endpoint_with_every_role(app, world, role):
    users, ids, strings = world
    posts = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ()) and r.endpoint != "static"]
    assert len(posts) > 40
    clients = _Clients(app, users.get(role))
    for rule in sorted(posts, key=lambda r: r.endpoint):
        url = _url(rule, ids, strings)
        for body in _bodies():
            client = clients.new()
            response = client.post(url, **body)
            _check(response, f"POST {url} as {role} ({body.get('content_type', 'form')})")
            response.close()


def test_server_errors_never_leak_a_trace_or_sql(tmp_path):
    """Production settings (no TESTING, no debug): failing queries get the generic error (JSON on the API)."""
    application = make_app(tmp_path, f"sqlite:///{tmp_path / 'e.sqlite3'}", TESTING=False, PROPAGATE_EXCEPTIONS=False)
    migrate_schema(application)

    @application.get("/api/v1/_boom")
    def boom():
        db.session.execute(db.text("SELECT secret_column FROM no_such_table"))

    @application.get("/en/_boom")
    def page_boom():
        raise RuntimeError("internal detail /srv/kuajing/secret.py line 42")

    client = application.test_client()
    api = client.get("/api/v1/_boom")
    assert api.status_code == 500 and api.get_json() == {"error": 500}
    page = client.get("/en/_boom")
    assert page.status_code == 500
    for response in (api, page):
        body = response.get_data(as_text=True)
        assert "no_such_table" not in body and "secret" not in body and "Traceback" not in body


def test_nul_characters_are_taken_out_of_form_text(app, make):
    """NUL has no meaning in text and PostgreSQL refuses it in text columns (a 500): forms never see one."""
    make.rates()
    merchant = make.merchant()
    product = make.product(merchant)
    buyer = make.user(Role.BUYER.value)
    db.session.commit()
    client = client_as(app, buyer)
    answer = client.post(f"/en/messages/product/{product.id}", data={"body": "price\x00 for 20\x00 pieces?"})
    assert answer.status_code == 302
    assert db.session.scalars(select(Message)).one().body == "price for 20 pieces?"
