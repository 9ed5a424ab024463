"""Business signatures (spec §6): enveloped XML-DSig with C14N 1.0 and an X.509 certificate.

The spec prefers SM2/SM3 (done by a certified crypto device, not here) and names RSA-SHA1 as the
"general" algorithm; signxml refuses SHA-1, so ``RsaSigner`` signs with RSA-SHA256/SHA-256. Check with
the local e-port that it accepts SHA-256 before relying on it in production.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from lxml import etree
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLSigner, XMLVerifier
from signxml.verifier import SignatureConfiguration

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
CEB_NS = "http://www.chinaport.gov.cn/ceb"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# ds:Signature comes after BaseTransfer and the optional BaseSubscribe, before ExtendMessage.
_SIGNATURE_FOLLOWS = frozenset({f"{{{CEB_NS}}}BaseTransfer", f"{{{CEB_NS}}}BaseSubscribe"})
_C14N = CanonicalizationMethod.CANONICAL_XML_1_0


class SigningError(ValueError):
    """The message cannot be signed (not a CEB business message, already signed, bad key …)."""


@runtime_checkable
class Signer(Protocol):
    """Anything that turns an unsigned CEB message into the message to transmit."""

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return the signed message."""
        ...


class NoneSigner:
    """Signer for flows or test set-ups that send unsigned messages: returns the input unchanged."""

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return ``xml_bytes`` unchanged."""
        return xml_bytes


def _parse(xml_bytes: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)
    try:
        return etree.fromstring(xml_bytes, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise SigningError(f"message is not well-formed XML: {exc}") from exc


def _insert_placeholder(root: etree._Element) -> None:
    """Insert signxml's ``<ds:Signature Id="placeholder"/>`` where the XSD expects the signature."""
    if root.find(f"{{{DS_NS}}}Signature") is not None:
        raise SigningError("message is already signed")
    positions = [index for index, child in enumerate(root) if child.tag in _SIGNATURE_FOLLOWS]
    if not positions:
        raise SigningError("not a CEB business message: no BaseTransfer to sign after")
    placeholder = etree.Element(f"{{{DS_NS}}}Signature", nsmap={"ds": DS_NS})
    placeholder.set("Id", "placeholder")
    root.insert(positions[-1] + 1, placeholder)


class RsaSigner:
    """Enveloped RSA-SHA256 XML-DSig (C14N 1.0, reference URI "", X509Certificate in KeyInfo)."""

    def __init__(
        self,
        key_pem: bytes | str,
        cert_pem: bytes | str,
        *,
        passphrase: bytes | None = None,
        key_name: str | None = None,
    ) -> None:
        key_bytes = key_pem.encode() if isinstance(key_pem, str) else key_pem
        cert_bytes = cert_pem.encode() if isinstance(cert_pem, str) else cert_pem
        try:
            key = load_pem_private_key(key_bytes, password=passphrase)
            cert = x509.load_pem_x509_certificate(cert_bytes)
        except (ValueError, TypeError) as exc:
            raise SigningError(f"cannot load the signing key or certificate: {exc}") from exc
        if not isinstance(key, rsa.RSAPrivateKey):
            raise SigningError("RsaSigner needs an RSA private key")
        self._key = key
        self._cert = cert
        self._key_name = key_name

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return the message with a ``ds:Signature`` right after BaseTransfer/BaseSubscribe."""
        root = _parse(xml_bytes)
        _insert_placeholder(root)
        signer = XMLSigner(
            signature_algorithm=SignatureMethod.RSA_SHA256,
            digest_algorithm=DigestAlgorithm.SHA256,
            c14n_algorithm=_C14N,
        )
        signed = signer.sign(
            root,
            key=self._key,
            cert=[self._cert],
            key_name=self._key_name,
            exclude_c14n_transform_element=True,  # spec §6: only the enveloped-signature transform
        )
        return XML_DECLARATION + etree.tostring(signed, encoding="UTF-8")


def verify_signature(xml_bytes: bytes, cert_pem: bytes | str) -> etree._Element:
    """Verify an ``RsaSigner`` signature against a trusted certificate; return the signed root element."""
    cert = cert_pem.decode() if isinstance(cert_pem, bytes) else cert_pem
    config = SignatureConfiguration(
        location="./",
        signature_methods=frozenset({SignatureMethod.RSA_SHA256}),
        digest_algorithms=frozenset({DigestAlgorithm.SHA256}),
        default_reference_c14n_method=_C14N,
    )
    result = XMLVerifier().verify(xml_bytes, x509_cert=cert, expect_config=config)
    assert not isinstance(result, list)
    return result.signed_xml


def signer_from_config(
    kind: str,
    key_path: str | os.PathLike[str] | None = None,
    cert_path: str | os.PathLike[str] | None = None,
    *,
    passphrase: bytes | None = None,
) -> Signer:
    """Build the configured signer: ``"none"`` or ``"rsa"`` (PEM key and certificate files)."""
    kind = (kind or "none").strip().lower()
    if kind == "none":
        return NoneSigner()
    if kind == "rsa":
        if not key_path or not cert_path:
            raise SigningError("the rsa signer needs key_path and cert_path")
        return RsaSigner(Path(key_path).read_bytes(), Path(cert_path).read_bytes(), passphrase=passphrase)
    if kind == "sm2":
        raise SigningError("SM2/SM3 signing needs the e-port's certified crypto device; not implemented here")
    raise SigningError(f"unknown signer kind {kind!r} (use 'none' or 'rsa')")
