"""Transports carry signed CEB messages to customs and bring receipts back: simulator, folder, http."""

from __future__ import annotations

from flask import Flask

from storefront.clearance.signing import signer_kind, signing_paths
from storefront.clearance.transports.base import Incoming, Outgoing, Transport, TransportError, enclose
from storefront.clearance.transports.folder import FolderTransport
from storefront.clearance.transports.http import HttpTransport
from storefront.clearance.transports.simulator import Simulator, db_lookup

__all__ = ["Incoming", "Outgoing", "Transport", "TransportError", "enclose", "make_transport"]


def make_transport(app: Flask) -> Transport:
    """Build the transport named by ``CLEARANCE_TRANSPORT`` (simulator, folder or http)."""
    kind = (app.config.get("CLEARANCE_TRANSPORT") or "simulator").strip().lower()
    if kind == "simulator":
        signs = signer_kind(app.config) != "none"
        cert_path = signing_paths(app.config)[1] if signs else None
        return Simulator(
            lookup=db_lookup,
            inspect_over=app.config.get("CLEARANCE_SIM_INSPECT_OVER"),
            require_signature=signs,
            trusted_cert=cert_path.read_bytes() if cert_path and cert_path.is_file() else None,
        )
    if kind == "folder":
        return FolderTransport.from_config(app.config)
    if kind == "http":
        return HttpTransport.from_config(app.config)
    raise ValueError(f"unknown CLEARANCE_TRANSPORT {kind!r} (use simulator, folder or http)")
