"""The merchant API against its own OpenAPI document, with schemathesis over the WSGI app (no network): every
operation, a valid key with every scope, generated parameters and bodies (half the ids pointed at the merchant's
real rows); no answer may be a server error, and every answer must be documented (status, content type, schema)."""

from __future__ import annotations

import random
import secrets
import zlib

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from storefront.accounts import api_keys
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.integrations.rest_openapi import OPENAPI
from storefront.ordering import operations as order_ops
from storefront.ordering.models import SubOrder

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: Every documented operation as (path, method).
OPERATIONS = [(path, method) for path, item in OPENAPI["paths"].items() for method in item]
#: Examples per operation: enough to reach every branch the bodies can take, small enough for ~1 minute in all.
EXAMPLES = 25


@pytest.fixture
def api_data(make) -> dict:
    """A merchant with a plain product, one with variants, two paid orders, and a key with every scope."""
    merchant = make.merchant()
    plain = make.product(merchant, sku="ST-1", stock=50)
    make.with_variants(make.product(merchant, sku="ST-2"), {"size": ["S", "M"]}, stock=5)
    for qty in (1, 2):
        order = make.order([(plain, qty)])
        order_ops.mark_paid(order, payment_ref=f"pi_st_{qty}", cause="payment_succeeded", actor="test")
    db.session.commit()
    _row, key = api_keys.create(merchant.id, "schemathesis", list(api_keys.SCOPES), merchant.owner)
    db.session.commit()
    products = db.session.scalars(select(Product).where(Product.merchant_id == merchant.id)).all()
    subs = db.session.scalars(select(SubOrder).where(SubOrder.merchant_id == merchant.id)).all()
    real = {
        "product_id": [p.id for p in products],
        "variant_id": [v.id for p in products for v in p.variants],
        "number": [s.number for s in subs],
    }
    return {"key": key, "real": real}


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_every_operation_answers_within_its_schema(app, api_data, path, method):
    schema = schemathesis.openapi.from_wsgi("/api/merchant/v1/openapi.json", app)
    real = api_data["real"]

    @given(case=schema[path][method].as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def run(case):
        # Hypothesis seeds the global ``random`` alike for every example, and Whoosh names its index segments
        # with ``random``: without a fresh seed, two examples' product updates write a segment of the same name.
        random.seed(secrets.token_bytes(16))
        for name, value in list((case.path_parameters or {}).items()):
            pick = zlib.crc32(str(value).encode())
            if name in real and pick % 2 == 0:  # half the cases name the merchant's own rows
                case.path_parameters[name] = real[name][pick // 2 % len(real[name])]
        headers = {"Authorization": f"Bearer {api_data['key']}", "Accept-Encoding": "identity"}  # no compression
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
