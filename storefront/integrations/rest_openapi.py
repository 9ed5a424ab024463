"""The OpenAPI 3.0 document of the merchant REST API: every route with its parameters, bodies, answers and errors
(problem objects), and the bearer-key security scheme. tests/test_api_schema.py checks it against the app with
schemathesis; a route missing here fails tests/test_api_keys.py."""

from __future__ import annotations

from storefront.integrations.rest_common import MAX_ID, MAX_IDEMPOTENCY_KEY


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problem(description: str) -> dict:
    return {"description": description, "content": {"application/problem+json": {"schema": _ref("Problem")}}}


ERRORS = {
    "401": _problem("No valid API key (missing, unknown or revoked)"),
    "403": _problem("The key lacks the scope"),
    "429": _problem("Rate limit of the key reached"),
}
NOT_FOUND = {"404": _problem("Not found (or another merchant's)")}
WRITE_ERRORS = {
    "400": _problem("Malformed body or Idempotency-Key header"),
    "409": _problem("Conflict with the current state, or the same Idempotency-Key under way"),
    "415": _problem("The body is not JSON"),
    "422": _problem("Field errors, or an Idempotency-Key reused for another request"),
}
IDEMPOTENCY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "A replay with the same key returns the first answer and changes nothing.",
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_IDEMPOTENCY_KEY, "pattern": "^[!-~]+$"},
}
PAGE = {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
NUMBER = {"type": "string", "minLength": 1, "maxLength": 24, "pattern": "^[A-Za-z0-9-]+$"}


def _path_id(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": ID}


def _op(summary: str, scope: str, responses: dict, *, params=(), body: str | None = None, write=False) -> dict:
    op = {
        "summary": f"{summary} (scope {scope})",
        "parameters": [*params, *([IDEMPOTENCY] if write else [])],
        "responses": {**responses, **ERRORS, **(WRITE_ERRORS if write else {})},
    }
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": _ref(body)}}}
    return op


INT = {"type": "integer"}
#: A quantity in the product's unit of sale: whole numbers for piece units, up to 3 decimals for kg and tonne and
#: 2 for metre (2.5 = 2.5 t). Requests may also send it as a decimal string ("2.5"); more decimals than the unit
#: allows are refused (422).
QTY = {
    "type": "number",
    "minimum": 0,
    "description": "Quantity in the product's unit of sale (2.5 = 2.5 t): whole for piece, pair, set, carton "
    'and pallet; up to 3 decimals for kg and tonne, 2 for metre. Requests may send a decimal string ("2.5").',
}
STR = {"type": "string"}
NULL_STR = {"type": "string", "nullable": True}
TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "maxLength": 250},
        "description": {"type": "string", "maxLength": 20000},
        "specs": {"type": "array", "items": {"type": "array", "items": STR, "minItems": 2, "maxItems": 2}},
    },
}
TIER = {"type": "object", "required": ["min_qty", "price_fen"], "additionalProperties": False,
        "properties": {"min_qty": QTY, "price_fen": INT}}  # fmt: skip
#: What buyers pay now: the list price after the best running promotion, and that promotion (nulls when none).
PRICE_NOW = {
    "price_now_fen": {"type": "integer", "description": "The unit price buyers pay now in fen: price_fen after "
                      "the best running promotion (equal to price_fen when none runs)"},
    "promotion_id": {"type": "integer", "nullable": True, "description": "The promotion giving price_now_fen"},
    "promotion_ends_at": {"type": "string", "format": "date-time", "nullable": True,
                          "description": "When that promotion ends (UTC, exclusive)"},
}  # fmt: skip
SUMMARY = {
    "id": INT, "sku": STR, "names": {"type": "object", "additionalProperties": STR}, "price_fen": INT,
    **PRICE_NOW, "currency": STR, "stock": QTY, "hidden": {"type": "boolean"}, "hs_code": STR,
}  # fmt: skip
VARIANT = {
    "type": "object",
    "required": ["id", "product_id", "sku", "options", "price_fen", *PRICE_NOW, "own_price", "stock"],
    "properties": {
        "id": INT, "product_id": INT, "sku": STR, "options": {"type": "object", "additionalProperties": STR},
        "price_fen": INT, **PRICE_NOW, "own_price": {"type": "boolean"}, "stock": QTY,
    },
}  # fmt: skip
LINE = {"type": "object", "required": ["sku", "qty"], "properties": {"sku": STR, "qty": QTY,
        "unit_price_minor": INT, "hs_code": STR}}  # fmt: skip
ORDER_SUMMARY = {
    "number": STR, "status": STR, "currency": STR, "goods_minor": INT, "country": STR, "carrier": NULL_STR,
    "tracking_no": NULL_STR, "lines": {"type": "array", "items": LINE},
}  # fmt: skip
NULL_TIME = {"type": "string", "format": "date-time", "nullable": True}
PRODUCT_INPUT = {
    "type": "object",
    "additionalProperties": False,
    "description": "Fields a merchant may set; on PATCH only those given change. The platform's rules apply "
    "(field errors come back as 422).",
    "properties": {
        "sku": {"type": "string", "maxLength": 20}, "category_id": INT, "hs_code": {"type": "string", "maxLength": 12},
        "customs_name": {"type": "string", "maxLength": 250}, "customs_unit": {"type": "string", "maxLength": 3},
        "model": {"type": "string", "maxLength": 250}, "origin_city": {"type": "string", "maxLength": 40},
        "net_weight_g": INT, "gross_weight_g": INT, "price_fen": INT, "moq": QTY, "stock": QTY,
        "unit": {"type": "string", "maxLength": 10}, "unit_size": INT, "qty_step": QTY,
        "sample_price_fen": {"type": "integer", "nullable": True}, "sample_max_qty": QTY, "sample_lead_days": INT,
        "units_per_package": INT, "packages_per_unit": INT, "hidden": {"type": "boolean"},
        "texts": {"type": "object", "additionalProperties": TEXT},
        "tiers": {"type": "array", "items": TIER, "maxItems": 10},
        "package_mm": {"type": "array", "items": INT, "minItems": 3, "maxItems": 3, "nullable": True},
    },
}  # fmt: skip

SCHEMAS = {
    "Problem": {
        "type": "object",
        "required": ["type", "status", "title"],
        "properties": {
            "type": STR,
            "status": INT,
            "title": STR,
            "detail": STR,
            "errors": {"type": "object", "additionalProperties": STR, "description": "Field → translated message"},
        },
    },  # fmt: skip
    "ProductSummary": {"type": "object", "required": list(SUMMARY), "properties": SUMMARY},
    "Product": {
        "type": "object",
        "required": [*SUMMARY, "category_id", "texts", "tiers", "variants", "reviews"],
        "properties": {
            **SUMMARY,
            "category_id": INT,
            "customs_name": STR,
            "customs_unit": STR,
            "model": STR,
            "origin_city": STR,
            "net_weight_g": INT,
            "gross_weight_g": INT,
            "moq": QTY,
            "unit": STR,
            "unit_size": INT,
            "qty_step": QTY,
            "moderated": {"type": "boolean"},
            "texts": {"type": "object", "additionalProperties": TEXT},
            "tiers": {"type": "array", "items": TIER},
            "variants": {"type": "array", "items": _ref("Variant")},
            "reviews": {
                "type": "array",
                "description": "Open listing reviews (new product, customs data change)",
                "items": {
                    "type": "object",
                    "required": ["kind", "proposed"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["new", "customs"]},
                        "proposed": {"type": "object"},
                    },
                },
            },
        },
    },  # fmt: skip
    "ProductInput": PRODUCT_INPUT,
    "ProductCreate": {
        **PRODUCT_INPUT,
        "description": "A new product: a draft (hidden) unless hidden is false. "
        "Required by the rules: sku, category_id, hs_code, customs_name, customs_unit, origin_city, "
        "weights, price_fen and a name in zh or en.",
    },  # fmt: skip
    "Variant": VARIANT,
    "VariantInput": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "stock": QTY,
            "price_fen": {"type": "integer", "minimum": 1, "nullable": True},
        },
    },  # fmt: skip
    "OrderSummary": {"type": "object", "required": list(ORDER_SUMMARY), "properties": ORDER_SUMMARY},
    "Order": {
        "type": "object",
        "required": [*ORDER_SUMMARY, "shipping_minor", "total_minor", "paid_at", "shipped_at"],
        "properties": {
            **ORDER_SUMMARY,
            "shipping_minor": INT,
            "duty_minor": INT,
            "total_minor": INT,
            "delivery_terms": STR,
            "paid_at": NULL_TIME,
            "shipped_at": NULL_TIME,
        },
    },  # fmt: skip
    "Shipment": {
        "type": "object",
        "required": ["carrier", "tracking_no"],
        "additionalProperties": False,
        "properties": {
            "carrier": {"type": "string", "minLength": 1, "maxLength": 80},
            "tracking_no": {"type": "string", "minLength": 1, "maxLength": 32},
        },
    },  # fmt: skip
}


def _page_of(schema: str) -> dict:
    return {"type": "object", "required": ["items", "page"],
            "properties": {"items": {"type": "array", "items": _ref(schema)}, "page": INT}}  # fmt: skip


OPENAPI = {
    "openapi": "3.0.3",
    "info": {
        "title": "Kuajing merchant API",
        "version": "1",
        "description": "A merchant's products, variants, stock and orders. Authenticate with an API key "
        "(Authorization: Bearer kj_…) created in the back office; each route needs a scope. Errors are problem "
        "objects (RFC 9457) in the language of Accept-Language. Writes accept an Idempotency-Key header.",
    },
    "servers": [{"url": "/api/merchant/v1"}],
    "components": {
        "securitySchemes": {"key": {"type": "http", "scheme": "bearer", "description": "A merchant API key"}},
        "schemas": SCHEMAS,
    },
    "security": [{"key": []}],
    "paths": {
        "/products": {
            "get": _op("Products of the key's merchant", "products:read",
                       {"200": _json(_page_of("ProductSummary"), "A page of products")}, params=[PAGE]),
            "post": _op("Create a product (a draft unless hidden is false)", "products:write",
                        {"201": _json(_ref("Product"), "The product created")}, body="ProductCreate", write=True),
        },
        "/products/{product_id}": {
            "get": _op("One product", "products:read", {"200": _json(_ref("Product"), "The product"), **NOT_FOUND},
                       params=[_path_id("product_id")]),
            "patch": _op("Change a product's fields (customs data of a live product goes to review)",
                         "products:write", {"200": _json(_ref("Product"), "The product"), **NOT_FOUND},
                         params=[_path_id("product_id")], body="ProductInput", write=True),
        },
        "/products/{product_id}/variants": {
            "get": _op("A product's variants", "products:read",
                       {"200": _json({"type": "object", "required": ["items"],
                                      "properties": {"items": {"type": "array", "items": _ref("Variant")}}},
                                     "The variants"), **NOT_FOUND},
                       params=[_path_id("product_id")]),
        },
        "/variants/{variant_id}": {
            "patch": _op("Set a variant's stock and price", "products:write",
                         {"200": _json(_ref("Variant"), "The variant"), **NOT_FOUND},
                         params=[_path_id("variant_id")], body="VariantInput", write=True),
        },
        "/orders": {
            "get": _op("Orders of the key's merchant, newest first", "orders:read",
                       {"200": _json(_page_of("OrderSummary"), "A page of orders")},
                       params=[PAGE, {"name": "status", "in": "query",
                                      "schema": {"type": "string", "maxLength": 20}}]),
        },
        "/orders/{number}": {
            "get": _op("One order", "orders:read", {"200": _json(_ref("Order"), "The order"), **NOT_FOUND},
                       params=[{"name": "number", "in": "path", "required": True, "schema": NUMBER}]),
        },
        "/orders/{number}/ship": {
            "post": _op("Mark a paid order shipped", "orders:write",
                        {"200": _json(_ref("Order"), "The order, shipped"), **NOT_FOUND},
                        params=[{"name": "number", "in": "path", "required": True, "schema": NUMBER}],
                        body="Shipment", write=True),
        },
    },
}  # fmt: skip
