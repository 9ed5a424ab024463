"""localstripe for the tests: a subprocess on a free loopback port, its URLs, webhooks and signing."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from storefront.payments import devstripe

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = "sk_test_12345"
PUBLISHABLE_KEY = "pk_test_12345"
WEBHOOK_SECRET = "whsec_test_kuajing"


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalStripe:
    """A running localstripe: ``start()``, ``config()`` for the app, ``register_webhook()``, ``stop()``."""

    def __init__(self, log_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> LocalStripe:
        """Launch the server and wait until it answers."""
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "storefront.payments.devstripe", "--port", str(self.port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        try:
            devstripe.wait_until_up(self.url)
        except TimeoutError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Terminate the server."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def config(self) -> dict:
        """App settings pointing Stripe at this server."""
        return {
            "STRIPE_SECRET_KEY": SECRET_KEY,
            "STRIPE_PUBLISHABLE_KEY": PUBLISHABLE_KEY,
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": self.url,
            "STRIPE_JS_URL": self.url + "/js.stripe.com/v3/",
        }

    def register_webhook(self, name: str, url: str, secret: str = WEBHOOK_SECRET) -> None:
        """Send signed payment events to ``url``."""
        devstripe.register_webhook(self.url, name, url, secret)


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """A ``Stripe-Signature`` header for a payload, exactly as Stripe (and localstripe) make it."""
    ts = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={digest}"


def event_payload(
    event_id: str,
    event_type: str,
    intent_id: str,
    amount: int,
    currency: str,
    status: str = "succeeded",
    error: dict | None = None,
) -> bytes:
    """A Stripe event body for a PaymentIntent."""
    obj = {
        "id": intent_id,
        "object": "payment_intent",
        "amount": amount,
        "currency": currency.lower(),
        "status": status,
        "last_payment_error": error,
        "metadata": {},
    }
    event = {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {"object": obj},
        "api_version": "2017-08-15",
        "livemode": False,
    }
    return json.dumps(event).encode()
