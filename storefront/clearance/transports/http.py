"""HTTP transport: POST each message to an endpoint (with timeouts); receipts come back in the response body
or from an optional polling URL."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

from storefront.clearance.envelope import Envelope, EnvelopeError
from storefront.clearance.transports.base import Incoming, Outgoing, TransportError, enclose

log = logging.getLogger(__name__)
#: Most receipts fetched from the polling URL in one pass.
MAX_POLL = 100
MAX_BODY = 10 * 1024 * 1024


def _check_url(url: str) -> str:
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"clearance endpoint must be http(s): {url!r}")
    return url


class HttpTransport:
    """POST messages as ``application/xml``; collect XML answers as receipts."""

    name = "http"

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 10.0,
        receipts_url: str | None = None,
        token: str | None = None,
        envelope: Envelope | None = None,
    ) -> None:
        self.envelope = envelope
        self.url = _check_url(url)
        self.receipts_url = _check_url(receipts_url) if receipts_url else None
        self.timeout = timeout
        self.token = token
        self._inbox: list[Incoming] = []

    @classmethod
    def from_config(cls, config: Mapping) -> HttpTransport:
        """Endpoint, polling URL, token and timeout from ``CLEARANCE_HTTP_*``."""
        if not config.get("CLEARANCE_HTTP_URL"):
            raise ValueError("CLEARANCE_TRANSPORT=http needs CLEARANCE_HTTP_URL")
        return cls(
            config["CLEARANCE_HTTP_URL"],
            timeout=float(config.get("CLEARANCE_HTTP_TIMEOUT", 10)),
            receipts_url=config.get("CLEARANCE_HTTP_RECEIPTS_URL") or None,
            token=config.get("CLEARANCE_HTTP_TOKEN") or None,
            envelope=Envelope.from_config(config),
        )

    def _unwrap(self, body: bytes) -> bytes:
        """The business receipt inside a DxpMsg (an envelope that does not validate goes to quarantine)."""
        if self.envelope is None:
            return body
        try:
            return self.envelope.unwrap(body)
        except EnvelopeError as exc:
            log.warning("receipt envelope refused: %s", exc)
            return body

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/xml; charset=utf-8", "Accept": "application/xml"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _call(self, request: urllib.request.Request) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - scheme checked
                return response.status, response.read(MAX_BODY)
        except urllib.error.HTTPError as exc:
            raise TransportError(f"HTTP {exc.code} from {request.full_url}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TransportError(f"cannot reach {request.full_url}: {exc}") from exc

    def send(self, message: Outgoing) -> None:
        """POST the message; a 2xx answer with an XML body is kept as a receipt."""
        headers = {**self._headers(), "X-Message-Guid": message.guid, "X-Message-Kind": message.kind}
        data = enclose(self.envelope, message)
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")  # noqa: S310
        status, body = self._call(request)
        if not 200 <= status < 300:
            raise TransportError(f"HTTP {status} from {self.url}")
        if body.lstrip().startswith(b"<"):
            self._inbox.append(Incoming(f"http:{message.guid}", self._unwrap(body)))

    def receive(self) -> Iterator[Incoming]:
        """Receipts answered to sends, then those waiting at the polling URL (until it answers 204)."""
        while self._inbox:
            yield self._inbox.pop(0)
        if not self.receipts_url:
            return
        for _ in range(MAX_POLL):
            request = urllib.request.Request(self.receipts_url, headers=self._headers(), method="GET")  # noqa: S310
            try:
                status, body = self._call(request)
            except TransportError as exc:
                log.warning("polling receipts failed: %s", exc)
                return
            if status == 204 or not body.strip():
                return
            yield Incoming(f"http:{self.receipts_url}", self._unwrap(body))
