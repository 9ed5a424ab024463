"""Authorization: only the order's merchant, its provider and operators reach a service order, its thread and
its files; other merchants and providers get 404 (or 403 for the wrong side of their own order)."""

from __future__ import annotations

import io

import pytest

from services_market import orders, search, threads
from services_market.constants import Action, Party
from services_market.files import check_attachment
from storefront.accounts.models import Role
from storefront.extensions import db
from tests.backoffice_helpers import PDF
from tests.test_services import as_user, upload


@pytest.fixture(autouse=True)
def _clean_package_index(app):
    with app.app_context():
        search.clear()
    yield


@pytest.fixture
def world(make):
    """An order between merchant A and provider A (with a brief file, a message file and a delivery), plus
    merchant B, provider B (with its own package), a buyer and an operator."""
    make.rates()
    merchant_a, merchant_b = make.merchant(), make.merchant()
    provider_a, provider_b = make.service_provider(), make.service_provider()
    package_a, package_b = make.service_package(provider_a), make.service_package(provider_b)
    order = orders.place_order(
        merchant_a.owner,
        merchant_a,
        package_a,
        "basic",
        "Brief",
        [check_attachment(upload(PDF, "brief.pdf"))],
        make.voucher(merchant_a).code,
    )
    threads.post(order, provider_a.owner, Party.PROVIDER, "Question", [check_attachment(upload(PDF, "q.pdf"))])
    orders.transition(order, Action.ACCEPT, provider_a.owner, Party.PROVIDER)
    orders.transition(order, Action.START, provider_a.owner, Party.PROVIDER)
    orders.deliver(order, provider_a.owner, Party.PROVIDER, "", [check_attachment(upload(PDF, "result.pdf"))])
    db.session.commit()
    return {
        "order": order,
        "files": orders.files_of(order),
        "merchant_a": merchant_a,
        "merchant_b": merchant_b,
        "provider_a": provider_a,
        "provider_b": provider_b,
        "package_b": package_b,
        "buyer": make.user(Role.BUYER.value),
        "operator": make.user(Role.OPERATOR.value),
    }


def _order_urls(order, files):
    base = f"/en/services/orders/{order.number}"
    gets = [base, f"{base}/pay"] + [f"{base}/files/{f.id}" for f in files]
    posts = [
        (f"{base}/messages", {"body": "hi"}),
        (f"{base}/do/approve", {}),
        (f"{base}/do/revise", {}),
        (f"{base}/do/cancel", {}),
        (f"{base}/deliver", {}),
        (f"{base}/review", {"rating": "1"}),
        (f"{base}/reply", {"reply": "x"}),
        (f"{base}/pay/card", {}),
        (f"{base}/pay/return", {}),
    ]
    return gets, posts


@pytest.mark.parametrize("who", ["merchant_b", "provider_b", "buyer"])
def test_strangers_get_404_on_the_order_thread_and_files(app, world, who):
    db.session.commit()
    user = world[who] if who == "buyer" else world[who].owner
    client = as_user(app, user)
    gets, posts = _order_urls(world["order"], world["files"])
    for url in gets:
        response = client.get(url)
        assert response.status_code == 404, url
        response.close()
    for url, data in posts:
        assert client.post(url, data=data).status_code == 404, url
    assert len(threads.thread(world["order"])) == 1
    assert world["order"].status == "delivered"


def test_anonymous_visitors_are_sent_to_sign_in(app, world):
    client = app.test_client()
    gets, posts = _order_urls(world["order"], world["files"])
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and "/account/login" in response.headers["Location"], url
    for url, data in posts:
        assert client.post(url, data=data).status_code == 302, url


def test_each_side_may_only_take_its_own_actions(app, world):
    order = world["order"]
    base = f"/en/services/orders/{order.number}"
    provider = as_user(app, world["provider_a"].owner)
    assert provider.post(f"{base}/do/approve").status_code == 403
    assert provider.post(f"{base}/review", data={"rating": "5"}).status_code == 403
    merchant = as_user(app, world["merchant_a"].owner)
    assert merchant.post(f"{base}/deliver").status_code == 403
    assert merchant.post(f"{base}/do/accept").status_code == 403
    db.session.expire_all()
    assert order.status == "delivered"
    assert merchant.get(f"{base}/pay").status_code == 302  # nothing left to pay: back to the order


def test_parties_and_operators_read_and_download(app, world):
    order = world["order"]
    for user in (world["merchant_a"].owner, world["provider_a"].owner, world["operator"]):
        client = as_user(app, user)
        assert client.get(f"/en/services/orders/{order.number}").status_code == 200
        for f in world["files"]:
            response = client.get(f"/en/services/orders/{order.number}/files/{f.id}")
            assert response.status_code == 200 and response.data == PDF
            response.close()
    # a file id of another order is not found through this order
    other = orders.place_order(
        world["merchant_b"].owner,
        world["merchant_b"],
        world["package_b"],
        "basic",
        "B",
        [check_attachment(upload(PDF, "b.pdf"))],
        None,
    )
    db.session.commit()
    [foreign] = orders.files_of(other)
    client = as_user(app, world["merchant_a"].owner)
    assert client.get(f"/en/services/orders/{order.number}/files/{foreign.id}").status_code == 404


def test_provider_does_not_see_unpaid_orders(app, world):
    other = orders.place_order(
        world["merchant_b"].owner, world["merchant_b"], world["package_b"], "basic", "B", [], None
    )
    db.session.commit()
    assert other.status == "pending_payment"
    client = as_user(app, world["provider_b"].owner)
    assert client.get(f"/en/services/orders/{other.number}").status_code == 404
    assert other.number not in client.get("/en/services/orders/").get_data(as_text=True)


def test_providers_manage_only_their_own_packages(app, world):
    package_b = world["package_b"]
    client = as_user(app, world["provider_a"].owner)
    assert client.get(f"/en/services/provider/packages/{package_b.id}/edit").status_code == 404
    assert client.post(f"/en/services/provider/packages/{package_b.id}/edit", data={}).status_code == 404
    assert (
        client.post(
            f"/en/services/provider/packages/{package_b.id}/images",
            data={"image": (io.BytesIO(PDF), "x.png")},
        ).status_code
        == 404
    )


def test_role_pages(app, world):
    merchant = as_user(app, world["merchant_a"].owner)
    assert merchant.get("/en/services/provider/").status_code == 403
    assert merchant.get("/en/operator/vouchers").status_code == 403
    assert merchant.get("/en/operator/services/orders").status_code == 403
    provider = as_user(app, world["provider_a"].owner)
    assert provider.get(f"/en/services/p/{world['package_b'].id}/order/basic").status_code == 403
    operator = as_user(app, world["operator"])
    assert operator.get("/en/operator/vouchers").status_code == 200
    assert operator.get("/en/operator/vouchers/report").status_code == 200
    assert operator.get("/en/operator/services/orders").status_code == 200
    assert operator.get("/en/operator/filings/?kind=provider").status_code == 200
