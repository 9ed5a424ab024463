"""Development and test Stripe: run ``localstripe`` in memory on 127.0.0.1 and point webhooks at the app.

    python -m storefront.payments.devstripe --port 8420

localstripe (PyPI, a test dependency) fakes the Stripe API and serves a fake Stripe.js at
``/js.stripe.com/v3/``.
Out of the box it pickles its whole store to ``/tmp/localstripe.pickle`` on every change and listens on every
interface; this launcher keeps the store in memory and listens on loopback only.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.error
import urllib.request

#: Webhook events the app handles.
EVENTS = ("payment_intent.succeeded", "payment_intent.payment_failed")


def serve(port: int, host: str = "127.0.0.1") -> None:
    """Run localstripe until interrupted."""
    # here: the development Stripe fake and its server are loaded by `tasks.py run` only, never in production
    from aiohttp import web
    from localstripe import resources, server

    resources.Store.dump_to_disk = lambda self: None
    resources.Store.try_load_from_disk = lambda self: None
    web.run_app(server.app, host=host, port=port, access_log=None, print=None)


def wait_until_up(base_url: str, timeout: float = 20.0) -> None:
    """Poll the fake Stripe.js URL until the server answers (raises TimeoutError)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base_url + "/js.stripe.com/v3/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"localstripe did not start at {base_url}")
        time.sleep(0.05)  # polling interval while a subprocess starts, not a timing assumption


def register_webhook(base_url: str, name: str, url: str, secret: str, events=EVENTS) -> None:
    """Tell localstripe to POST signed events to ``url`` (same scheme as Stripe, signed with ``secret``)."""
    body = json.dumps({"url": url, "secret": secret, "events": list(events)}).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback development server
        f"{base_url}/_config/webhooks/{name}",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        if response.status != 200:
            raise RuntimeError(f"localstripe refused the webhook: {response.status}")


def main() -> None:
    """Command line: ``--port``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8420)
    args = parser.parse_args()
    serve(args.port)


if __name__ == "__main__":
    main()
