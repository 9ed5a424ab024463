"""Stripe's errors reach the payment code as the gateway's own (one mapping for every gateway call)."""

from __future__ import annotations

import pytest
import stripe

from storefront.payments.gateway import GatewayError, NotFound
from storefront.payments.stripe_gateway import _gateway_errors


def test_a_missing_object_is_not_found():
    with pytest.raises(NotFound), _gateway_errors("pi_123"):
        raise stripe.InvalidRequestError("No such payment_intent", param="id", http_status=404)


@pytest.mark.parametrize(
    ("ref", "error"),
    [
        ("pi_123", stripe.InvalidRequestError("Invalid amount", param="amount", http_status=400)),
        ("", stripe.InvalidRequestError("No such payment_intent", param="id", http_status=404)),
        ("pi_123", stripe.APIConnectionError("Network down")),
    ],
)
def test_other_stripe_errors_are_gateway_errors(ref, error):
    with pytest.raises(GatewayError) as caught, _gateway_errors(ref):
        raise error
    assert type(caught.value) is GatewayError
    assert caught.value.__cause__ is error


def test_other_exceptions_pass_through():
    with pytest.raises(KeyError), _gateway_errors("pi_123"):
        raise KeyError("amount")
