"""The allowed/forbidden matrix: every route of app.url_map × every role, against the ONE table in
tests/security_routes.py. A route without a line in that table fails here."""

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from storefront.accounts.models import Role
from storefront.extensions import db
from tests.backoffice_helpers import FreshClient
from tests.security_routes import ACCESS, ANONYMOUS, ROLES

#: Sample values for URL arguments that are not integers (ids are a number no row has).
SAMPLE = {
    "lang": "en",
    "slug": "x",
    "category_slug": "x",
    "number": "KJ-NONE",
    "token": "x",
    "kind_key": "merchant",
    "fmt": "csv",
    "level": "basic",
    "action": "accept",
    "category": "translation",
    "filename": "x.png",
    "month": "2026-11",
    "kind": "order",
    "rule_key": "kr-personal",
}
#: Endpoints the walk does not call (they are covered by their own tests).
#: Not walked: static files, and routes authenticated by something else than the session (signature, API key).
NOT_CALLED = {"static", "payments.stripe_webhook", "merchant_api.products", "merchant_api.orders"}
NOT_CALLED |= {"merchant_api.product", "merchant_api.variants", "merchant_api.order", "merchant_api.product_create",
               "merchant_api.product_update", "merchant_api.variant_update", "merchant_api.order_ship"}  # fmt: skip


def sample_url(rule) -> str:
    """The rule's URL with sample arguments."""
    values = {}
    for name in rule.arguments:
        converter = rule._converters.get(name)
        if isinstance(converter, IntegerConverter):
            values[name] = 999999
        elif isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        else:
            values[name] = SAMPLE[name]
    return rule.build(values)[1]


@pytest.fixture
def role_users(make):
    users = {
        "buyer": make.user(Role.BUYER.value),
        "merchant": make.merchant().owner,
        "provider": make.service_provider().owner,
        "operator": make.user(Role.OPERATOR.value),
    }
    db.session.commit()
    return users


def client_for(app, user) -> FreshClient:
    """A client signed in as ``user`` (None: anonymous) with the user's current session version."""
    client = FreshClient(app, app.response_class, use_cookies=True)
    if user is not None:
        db.session.refresh(user)
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
    return client


def test_every_route_has_a_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - set(ACCESS))
    assert not missing, f"add a line for each of these routes to tests/security_routes.py: {missing}"
    assert not sorted(set(ACCESS) - endpoints), "tests/security_routes.py names routes that no longer exist"


def _stopped(role: str, response) -> bool:
    if role == ANONYMOUS:
        return response.status_code == 401 or (
            response.status_code == 302 and "/account/login" in response.headers.get("Location", "")
        )
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)  # one test per role, so pytest-xdist spreads the matrix over workers
def test_role_matrix(app, role_users, role):
    problems = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint):
        if rule.endpoint in NOT_CALLED:
            continue
        url = sample_url(rule)
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            response = client_for(app, role_users.get(role)).open(url, method=method)
            allowed = role in ACCESS[rule.endpoint]
            stopped = _stopped(role, response)
            if allowed == stopped or response.status_code >= 500:
                verdict = "stopped" if stopped else f"let through ({response.status_code})"
                expected = "allowed" if allowed else "forbidden"
                problems.append(f"{method} {url} as {role}: {verdict}, table says {expected}")
            response.close()
    assert not problems, "\n".join(problems)
