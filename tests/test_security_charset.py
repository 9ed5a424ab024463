"""Finding 11 (part) — one charset per Content-Type, whatever the view passed as mimetype."""

from storefront.extensions import db
from tests.backoffice_helpers import client_as


def test_csv_export_has_a_single_charset(app, make):
    merchant = make.merchant()
    db.session.commit()
    response = client_as(app, merchant.owner).get("/en/merchant/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_any_response_with_a_doubled_charset_is_repaired(app):
    with app.test_request_context("/en/"):
        response = app.response_class("x", mimetype="text/plain; charset=utf-8")
        assert response.headers["Content-Type"].count("charset") == 2  # what werkzeug does on its own
        response = app.process_response(response)
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
