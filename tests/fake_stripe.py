"""An in-memory Stripe for service-level tests: the real gateway class (webhook signatures verified for real)
with its API calls answered from dictionaries that tests can change ("what Stripe says")."""

from __future__ import annotations

import time
from dataclasses import replace
from itertools import count

from storefront.payments.gateway import GatewayError, IntentInfo, NotFound, RefundInfo
from storefront.payments.stripe_gateway import StripeGateway

_ids = count(1)


class FakeStripe(StripeGateway):
    """Stripe's state as dictionaries; ``calls`` counts create calls (charges and refunds)."""

    def __init__(self, *args, prefix: str = "pi_test_", **kwargs):
        super().__init__(*args, **kwargs)
        self.prefix = prefix
        self.intents: dict[str, IntentInfo] = {}
        self.refunds: dict[str, RefundInfo] = {}
        self.calls: list[str] = []
        self.down = False

    @classmethod
    def from_app(cls, app, prefix: str = "pi_test_") -> FakeStripe:
        """A fake with the app's Stripe settings (its webhook secret)."""
        gw = cls.from_config(app.config)
        gw.prefix = prefix
        gw.intents, gw.refunds, gw.calls, gw.down = {}, {}, [], False
        return gw

    def _check(self):
        if self.down:
            raise GatewayError("stripe is down")

    def create_intent(self, amount, *, idempotency_key, metadata):
        self._check()
        self.calls.append("create_intent")
        ref = f"{self.prefix}{next(_ids)}"
        info = IntentInfo(
            ref=ref,
            status="open",
            amount_minor=amount.minor,
            currency=amount.currency,
            client_secret="secret",
            metadata=dict(metadata),
            created=int(time.time()),
        )
        self.intents[ref] = info
        return info

    def retrieve_intent(self, ref):
        self._check()
        if ref not in self.intents:
            raise NotFound(ref)
        return self.intents[ref]

    def list_intents(self, since):
        self._check()
        return [i for i in self.intents.values() if i.created >= since]

    def confirm_intent(self, ref, payment_method, return_url=None):
        self._check()
        self.calls.append("charge")
        return self.succeed(ref)

    def succeed(self, ref, amount_received=None) -> IntentInfo:
        """Stripe collected the money."""
        info = self.intents[ref]
        received = info.amount_minor if amount_received is None else amount_received
        self.intents[ref] = replace(info, status="succeeded", amount_received=received)
        return self.intents[ref]

    def fail(self, ref, code="card_declined") -> IntentInfo:
        """Stripe declined the card."""
        self.intents[ref] = replace(self.intents[ref], status="failed", error_code=code)
        return self.intents[ref]

    def create_refund(self, intent_ref, amount, *, idempotency_key, metadata):
        self._check()
        self.calls.append("refund")
        ref = f"re_test_{next(_ids)}"
        info = RefundInfo(
            ref=ref,
            status="succeeded",
            amount_minor=amount.minor,
            currency=amount.currency,
            intent_ref=intent_ref,
            metadata=dict(metadata),
        )
        self.refunds[ref] = info
        return info

    def retrieve_refund(self, ref):
        self._check()
        if ref not in self.refunds:
            raise NotFound(ref)
        return self.refunds[ref]

    def list_refunds(self, intent_ref):
        self._check()
        return [r for r in self.refunds.values() if r.intent_ref == intent_ref]
