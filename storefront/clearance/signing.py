"""Business signatures (spec §6): enveloped XML-DSig, C14N 1.0, an X.509 certificate in KeyInfo.

Exactly the two algorithm suites of §6.2.1.2 / §6.2.1.3.2:

* SM2/SM3 (国密, preferred): SignatureMethod ``http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3``,
  DigestMethod ``http://www.chinaport.gov.cn/2022/04/xmldsig#sm3`` (``Sm2Signer``, keys through ``gm``);
* RSA (通用): SignatureMethod ``http://www.w3.org/2000/09/xmldsig#rsa-sha1``, DigestMethod
  ``http://www.w3.org/2000/09/xmldsig#sha1`` (``RsaSigner``).

The XML is assembled here with lxml's C14N (signxml refuses SHA-1 and knows no SM2). ``Signer`` is the seam:
a card device or a signing service implements ``sign(bytes) -> bytes`` and replaces the in-process key.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from cryptography.x509.oid import NameOID
from lxml import etree

from storefront.clearance import gm

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
CEB_NS = "http://www.chinaport.gov.cn/ceb"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
C14N_URI = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
ENVELOPED_URI = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
SM2_SM3_URI = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3"
SM3_URI = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3"
RSA_SHA1_URI = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
SHA1_URI = "http://www.w3.org/2000/09/xmldsig#sha1"
#: SignatureMethod → the DigestMethod that goes with it (spec §6: these pairs and no others).
SUITES = {SM2_SM3_URI: SM3_URI, RSA_SHA1_URI: SHA1_URI}
_DIGESTS: dict[str, Callable[[bytes], bytes]] = {
    SM3_URI: gm.sm3_digest,
    SHA1_URI: lambda data: hashlib.sha1(data, usedforsecurity=True).digest(),  # noqa: S324 - spec §6
}
# ds:Signature comes after BaseTransfer and the optional BaseSubscribe, before ExtendMessage.
_SIGNATURE_FOLLOWS = frozenset({f"{{{CEB_NS}}}BaseTransfer", f"{{{CEB_NS}}}BaseSubscribe"})
_DS = f"{{{DS_NS}}}"
#: Messages the spec (§6) requires to carry a business signature.
SIGNED_KINDS = frozenset({"CEB603", "CEB605", "CEB607", "CEB509", "CEB701"})


class SigningError(ValueError):
    """The message cannot be signed (not a CEB business message, already signed, bad key …)."""


class SignatureInvalid(ValueError):
    """A signature that is missing, uses other algorithms than spec §6, or does not verify."""


@runtime_checkable
class Signer(Protocol):
    """Anything that turns an unsigned CEB message into the message to transmit."""

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return the signed message."""
        ...


class NoneSigner:
    """Signer for the simulator and tests that send unsigned messages: returns the input unchanged."""

    signs = False

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return ``xml_bytes`` unchanged."""
        return xml_bytes


def _parse(xml_bytes: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)
    try:
        return etree.fromstring(xml_bytes, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise SigningError(f"message is not well-formed XML: {exc}") from exc


def _c14n(element: etree._Element) -> bytes:
    """Inclusive C14N 1.0 without comments (in-scope namespaces of ancestors included)."""
    return etree.tostring(element, method="c14n", exclusive=False, with_comments=False)


def _without_signature(root: etree._Element) -> etree._Element:
    """A copy of ``root`` with its ds:Signature removed (the enveloped-signature transform)."""
    copy = etree.fromstring(etree.tostring(root))
    for sig in copy.findall(f"{_DS}Signature"):
        tail, previous = sig.tail, sig.getprevious()
        if tail:  # the transform removes the element only, never the text after it
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                copy.text = (copy.text or "") + tail
        copy.remove(sig)
    return copy


def _sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{_DS}{name}", attrs)
    element.text = text
    return element


class EnvelopedSigner:
    """The XML-DSig assembly shared by both suites; subclasses give the key operation."""

    signature_method: str = ""
    signs = True

    def __init__(self, cert_der: bytes, key_name: str | None = None) -> None:
        self.cert_der = cert_der
        self.key_name = key_name

    def _sign_bytes(self, data: bytes) -> bytes:  # pragma: no cover - abstract
        raise NotImplementedError

    def sign(self, xml_bytes: bytes) -> bytes:
        """Return the message with a ``ds:Signature`` right after BaseTransfer/BaseSubscribe."""
        root = _parse(xml_bytes)
        if root.find(f"{_DS}Signature") is not None:
            raise SigningError("message is already signed")
        positions = [index for index, child in enumerate(root) if child.tag in _SIGNATURE_FOLLOWS]
        if not positions:
            raise SigningError("not a CEB business message: no BaseTransfer to sign after")
        digest_method = SUITES[self.signature_method]
        digest = _DIGESTS[digest_method](_c14n(root))
        signature = etree.Element(f"{_DS}Signature", nsmap={"ds": DS_NS})
        signed_info = _sub(signature, "SignedInfo")
        _sub(signed_info, "CanonicalizationMethod", Algorithm=C14N_URI)
        _sub(signed_info, "SignatureMethod", Algorithm=self.signature_method)
        reference = _sub(signed_info, "Reference", URI="")
        _sub(_sub(reference, "Transforms"), "Transform", Algorithm=ENVELOPED_URI)
        _sub(reference, "DigestMethod", Algorithm=digest_method)
        _sub(reference, "DigestValue", base64.b64encode(digest).decode())
        value = _sub(signature, "SignatureValue")
        key_info = _sub(signature, "KeyInfo")
        if self.key_name:
            _sub(key_info, "KeyName", self.key_name)
        _sub(_sub(key_info, "X509Data"), "X509Certificate", base64.b64encode(self.cert_der).decode())
        root.insert(positions[-1] + 1, signature)
        value.text = base64.b64encode(self._sign_bytes(_c14n(signed_info))).decode()
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")


class Sm2Signer(EnvelopedSigner):
    """SM2-with-SM3 (preferred by the spec); SignatureValue is r‖s (64 bytes), user id 1234567812345678."""

    signature_method = SM2_SM3_URI

    def __init__(self, key_pem: bytes, cert_pem: bytes, *, key_name: str | None = None) -> None:
        try:
            self._key = gm.Sm2Key.from_pem(key_pem)
            cert_der = gm.pem_blocks(cert_pem)["CERTIFICATE"]
            cert_key = gm.certificate_public_key(cert_der)
        except (gm.GmError, KeyError, IndexError) as exc:
            raise SigningError(f"cannot load the SM2 signing key or certificate: {exc}") from exc
        if cert_key.public != self._key.public:
            raise SigningError("the SM2 certificate does not belong to the signing key")
        super().__init__(cert_der, key_name)

    def _sign_bytes(self, data: bytes) -> bytes:
        r, s = self._key.sign(data)
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")


class RsaSigner(EnvelopedSigner):
    """RSA-SHA1 with SHA-1 digests (the spec's general suite), PKCS#1 v1.5."""

    signature_method = RSA_SHA1_URI

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
        if cert.public_key() != key.public_key():
            raise SigningError("the certificate does not belong to the signing key")
        self._key = key
        super().__init__(cert.public_bytes(serialization.Encoding.DER), key_name)

    def _sign_bytes(self, data: bytes) -> bytes:
        return self._key.sign(data, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303 - spec §6


@dataclass(frozen=True)
class Verified:
    """A verified signature: the algorithm used and the signer's certificate (DER)."""

    signature_method: str
    cert_der: bytes


def _one(parent: etree._Element, path: str) -> etree._Element:
    found = parent.findall(path, {"ds": DS_NS})
    if len(found) != 1:
        raise SignatureInvalid(f"expected exactly one {path}")
    return found[0]


def verify_signature(xml_bytes: bytes, trusted_cert: bytes | None = None) -> Verified:
    """Verify the enveloped signature of a CEB message (either suite of §6); raise ``SignatureInvalid``.

    ``trusted_cert`` (PEM or DER) pins the signer; without it the certificate in KeyInfo is used as is.
    """
    try:
        root = _parse(xml_bytes)
    except SigningError as exc:
        raise SignatureInvalid(str(exc)) from exc
    signature = root.find(f"{_DS}Signature")
    if signature is None:
        raise SignatureInvalid("the message is not signed")
    signed_info = _one(signature, "ds:SignedInfo")
    if _one(signed_info, "ds:CanonicalizationMethod").get("Algorithm") != C14N_URI:
        raise SignatureInvalid("CanonicalizationMethod must be C14N 1.0 (spec §6.2.1.1)")
    method = _one(signed_info, "ds:SignatureMethod").get("Algorithm")
    if method not in SUITES:
        raise SignatureInvalid(f"SignatureMethod {method!r} is not one of spec §6.2.1.2")
    reference = _one(signed_info, "ds:Reference")
    if reference.get("URI") != "":
        raise SignatureInvalid('the Reference must cover the whole message (URI="")')
    transforms = [t.get("Algorithm") for t in reference.findall("ds:Transforms/ds:Transform", {"ds": DS_NS})]
    if transforms != [ENVELOPED_URI]:
        raise SignatureInvalid("only the enveloped-signature transform is allowed (spec §6.2.1.3.1)")
    digest_method = _one(reference, "ds:DigestMethod").get("Algorithm")
    if digest_method != SUITES[method]:
        raise SignatureInvalid(f"DigestMethod {digest_method!r} does not go with {method!r}")
    try:
        expected = base64.b64decode(_one(reference, "ds:DigestValue").text or "", validate=True)
        value = base64.b64decode(_one(signature, "ds:SignatureValue").text or "")
        cert_der = base64.b64decode(_one(signature, "ds:KeyInfo/ds:X509Data/ds:X509Certificate").text or "")
    except ValueError as exc:
        raise SignatureInvalid(f"bad Base64 in the signature: {exc}") from exc
    if trusted_cert is not None:
        pinned = trusted_cert
        if b"-----BEGIN" in trusted_cert:
            pinned = gm.pem_blocks(trusted_cert).get("CERTIFICATE", b"")
        if pinned != cert_der:
            raise SignatureInvalid("the message is signed with another certificate than the trusted one")
    if _DIGESTS[digest_method](_c14n(_without_signature(root))) != expected:
        raise SignatureInvalid("digest mismatch: the message was changed after signing")
    data = _c14n(signed_info)
    if method == SM2_SM3_URI:
        try:
            key = gm.certificate_public_key(cert_der)
        except gm.GmError as exc:
            raise SignatureInvalid(str(exc)) from exc
        if len(value) != 64 or not key.verify(
            data, int.from_bytes(value[:32], "big"), int.from_bytes(value[32:], "big")
        ):
            raise SignatureInvalid("SM2 signature value does not verify")
    else:
        try:
            public = x509.load_der_x509_certificate(cert_der).public_key()
            if not isinstance(public, rsa.RSAPublicKey):
                raise SignatureInvalid("rsa-sha1 needs an RSA certificate")
            public.verify(value, data, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303 - spec §6
        except (ValueError, InvalidSignature) as exc:
            raise SignatureInvalid("RSA signature value does not verify") from exc
    return Verified(method, cert_der)


def is_signed(xml_bytes: bytes) -> bool:
    """True when the message carries a ds:Signature (verified or not)."""
    return b"Signature" in xml_bytes and _parse(xml_bytes).find(f"{_DS}Signature") is not None


def signer_from_config(
    kind: str,
    key_path: str | os.PathLike[str] | None = None,
    cert_path: str | os.PathLike[str] | None = None,
    *,
    passphrase: bytes | None = None,
    key_name: str | None = None,
) -> Signer:
    """Build the configured signer: ``none``, ``sm2`` or ``rsa`` (PEM key and certificate files)."""
    kind = (kind or "none").strip().lower()
    if kind == "none":
        return NoneSigner()
    if kind not in {"sm2", "rsa"}:
        raise SigningError(f"unknown signer kind {kind!r} (use 'sm2', 'rsa' or 'none')")
    if not key_path or not cert_path:
        raise SigningError(f"the {kind} signer needs key_path and cert_path (CLEARANCE_SIGN_KEY / _CERT)")
    try:
        key_pem, cert_pem = Path(key_path).read_bytes(), Path(cert_path).read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read the signing key or certificate: {exc}") from exc
    if kind == "sm2":
        return Sm2Signer(key_pem, cert_pem, key_name=key_name)
    return RsaSigner(key_pem, cert_pem, passphrase=passphrase, key_name=key_name)


def signing_paths(config: Mapping) -> tuple[Path, Path]:
    """Key and certificate files: CLEARANCE_SIGN_KEY / _CERT, else the demo pair in DATA_DIR/eport/keys."""
    keys = Path(config["DATA_DIR"]) / "eport" / "keys"
    return (
        Path(config.get("CLEARANCE_SIGN_KEY") or keys / "sign-key.pem"),
        Path(config.get("CLEARANCE_SIGN_CERT") or keys / "sign-cert.pem"),
    )


def signer_kind(config: Mapping) -> str:
    """``CLEARANCE_SIGNER`` normalised (sm2, rsa or none)."""
    return (config.get("CLEARANCE_SIGNER") or "none").strip().lower()


def signer_for_config(config: Mapping) -> Signer:
    """The signer an app's configuration names, with a clear error when its files are missing."""
    kind = signer_kind(config)
    if kind == "none":
        return NoneSigner()
    key_path, cert_path = signing_paths(config)
    if not key_path.is_file() or not cert_path.is_file():
        raise SigningError(
            f"CLEARANCE_SIGNER={kind} but the key or certificate file is missing ({key_path}, {cert_path}); "
            "configure CLEARANCE_SIGN_KEY/CLEARANCE_SIGN_CERT or run `flask clearance keygen` for a demo pair"
        )
    key_name = config.get("CLEARANCE_SIGN_KEY_NAME") or None
    return signer_from_config(kind, key_path, cert_path, key_name=key_name)


def generate_identity(kind: str, common_name: str) -> tuple[bytes, bytes]:
    """A fresh (key PEM, self-signed certificate PEM) pair for ``sm2`` or ``rsa`` (demo and tests)."""
    if kind == "sm2":
        key = gm.Sm2Key.generate()
        return key.to_pem(), gm.pem("CERTIFICATE", gm.self_signed_certificate(key, common_name))
    if kind != "rsa":
        raise SigningError(f"unknown signer kind {kind!r}")

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .sign(private, hashes.SHA256())
    )
    key_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def write_identity(
    directory: str | os.PathLike[str], kind: str, common_name: str, *, force: bool = False
) -> tuple[Path, Path]:
    """Write ``sign-key.pem`` (mode 0600) and ``sign-cert.pem`` into ``directory`` unless they exist."""
    folder = Path(directory)
    key_path, cert_path = folder / "sign-key.pem", folder / "sign-cert.pem"
    if key_path.exists() and cert_path.exists() and not force:
        return key_path, cert_path
    folder.mkdir(parents=True, exist_ok=True)
    key_pem, cert_pem = generate_identity(kind, common_name)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_pem)
    cert_path.write_bytes(cert_pem)
    return key_path, cert_path
