"""Shared fixtures for the clearance tests: XSD availability, sample directory, throwaway RSA identity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from storefront.clearance import xsd


@pytest.fixture(scope="session")
def xsd_ready() -> Path:
    """Return the XSD directory, or skip when the official schemas are not available."""
    directory = xsd.xsd_dir()
    if not xsd.xsd_available(directory):
        pytest.skip(f"CEB XSD directory not found at {directory}; set {xsd.ENV_VAR}")
    return directory


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """Return the official export samples directory (next to the XSDs), or skip."""
    directory = xsd.xsd_dir().parent / "samples" / "export"
    if not directory.is_dir():
        pytest.skip(f"CEB sample directory not found at {directory}; set {xsd.ENV_VAR}")
    return directory


@pytest.fixture(scope="session")
def rsa_identity() -> tuple[bytes, bytes]:
    """Return a throwaway (key PEM, self-signed certificate PEM) pair."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "clearance-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(autouse=True)
def per_parcel_departures(request, monkeypatch):
    """Most clearance tests follow a parcel to the end with one departure per parcel; modules that set
    ``BATCH_DEPARTURES = True`` use the default batch flow (the merchant enters the conveyance)."""
    if getattr(request.module, "BATCH_DEPARTURES", False) or "app" not in request.fixturenames:
        return
    monkeypatch.setitem(request.getfixturevalue("app").config, "CLEARANCE_DEPARTURE", "parcel")
