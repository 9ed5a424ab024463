"""Signing: RSA enveloped XML-DSig verifies with signxml and keeps the message XSD-valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLVerifier
from signxml.exceptions import InvalidSignature
from signxml.verifier import SignatureConfiguration

from storefront.clearance import demo, xsd
from storefront.clearance.messages import build_ceb509, build_ceb603, build_ceb701, new_guid
from storefront.clearance.messages.common import NS
from storefront.clearance.signing import (
    DS_NS,
    NoneSigner,
    RsaSigner,
    Signer,
    SigningError,
    signer_from_config,
    verify_signature,
)

Identity = tuple[bytes, bytes]
CONFIG = SignatureConfiguration(
    location="./",
    signature_methods=frozenset({SignatureMethod.RSA_SHA256}),
    digest_algorithms=frozenset({DigestAlgorithm.SHA256}),
    default_reference_c14n_method=CanonicalizationMethod.CANONICAL_XML_1_0,
)


def _inventory() -> bytes:
    """Return an unsigned CEB603 for a 4-line order to Russia in USD."""
    order = demo.demo_order(0, destination="RU", currency="USD", lines=4)
    return build_ceb603(order, guid=new_guid(), app_type="1", transfer=demo.TRANSFER)


def test_rsa_signed_inventory_verifies_and_validates(xsd_ready: Path, rsa_identity: Identity) -> None:
    """A signed CEB603 verifies with signxml, keeps the spec algorithms and still validates."""
    key_pem, cert_pem = rsa_identity
    signer = RsaSigner(key_pem, cert_pem, key_name="0001")
    assert isinstance(signer, Signer)
    signed = signer.sign(_inventory())
    assert xsd.validate(signed) == []
    result = XMLVerifier().verify(signed, x509_cert=cert_pem.decode(), expect_config=CONFIG)
    assert etree.QName(result.signed_xml).localname == "CEB603Message"
    assert verify_signature(signed, cert_pem).get("guid") == etree.fromstring(signed).get("guid")
    children = [etree.QName(child).localname for child in etree.fromstring(signed)]
    assert children == ["Inventory", "BaseTransfer", "Signature"]
    sig = etree.fromstring(signed).find(f"{{{DS_NS}}}Signature")
    algorithms = [el.get("Algorithm") for el in sig.iter() if el.get("Algorithm")]
    assert algorithms == [
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
        "http://www.w3.org/2001/04/xmlenc#sha256",
    ]
    assert sig.findtext(f"{{{DS_NS}}}KeyInfo/{{{DS_NS}}}KeyName") == "0001"


def test_tampering_is_detected(rsa_identity: Identity) -> None:
    """Changing a signed amount breaks the signature."""
    key_pem, cert_pem = rsa_identity
    signed = RsaSigner(key_pem, cert_pem).sign(_inventory())
    tampered = signed.replace(b"<ceb:price>33.33</ceb:price>", b"<ceb:price>3.33</ceb:price>", 1)
    assert tampered != signed
    with pytest.raises(InvalidSignature):
        XMLVerifier().verify(tampered, x509_cert=cert_pem.decode(), expect_config=CONFIG)


def test_other_signed_messages_validate(xsd_ready: Path, rsa_identity: Identity) -> None:
    """Signed CEB509 and CEB701 validate and verify."""
    signer = RsaSigner(*rsa_identity)
    orders = [demo.demo_order(n) for n in range(1, 4)]
    for xml in (
        build_ceb509(demo.demo_departure(orders), guid=new_guid(), app_type="1", transfer=demo.TRANSFER),
        build_ceb701(
            demo.demo_summary([demo.demo_invt_no(1)]), guid=new_guid(), app_type="1", transfer=demo.TRANSFER
        ),
    ):
        signed = signer.sign(xml)
        assert xsd.validate(signed) == []
        verify_signature(signed, rsa_identity[1])


def test_signature_goes_before_extend_message(rsa_identity: Identity) -> None:
    """ds:Signature is inserted after BaseTransfer, before ExtendMessage, as the XSD orders them."""
    root = etree.fromstring(_inventory())
    etree.SubElement(root, f"{{{NS}}}ExtendMessage")
    signed = RsaSigner(*rsa_identity).sign(etree.tostring(root))
    names = [etree.QName(child).localname for child in etree.fromstring(signed)]
    assert names == ["Inventory", "BaseTransfer", "Signature", "ExtendMessage"]


def test_sign_refusals(rsa_identity: Identity) -> None:
    """Double signing, non-CEB input, broken XML and bad keys raise SigningError."""
    signer = RsaSigner(*rsa_identity)
    with pytest.raises(SigningError, match="already signed"):
        signer.sign(signer.sign(_inventory()))
    with pytest.raises(SigningError, match="BaseTransfer"):
        signer.sign(b"<a/>")
    with pytest.raises(SigningError, match="well-formed"):
        signer.sign(b"<a")
    with pytest.raises(SigningError):
        RsaSigner(b"not a key", rsa_identity[1])


def test_signer_from_config(tmp_path: Path, rsa_identity: Identity) -> None:
    """signer_from_config builds none/rsa signers and refuses sm2 and unknown kinds."""
    xml = _inventory()
    none = signer_from_config("none")
    assert isinstance(none, NoneSigner) and none.sign(xml) is xml
    (tmp_path / "key.pem").write_bytes(rsa_identity[0])
    (tmp_path / "cert.pem").write_bytes(rsa_identity[1])
    rsa_signer = signer_from_config("RSA", tmp_path / "key.pem", tmp_path / "cert.pem")
    verify_signature(rsa_signer.sign(xml), rsa_identity[1])
    for kind in ("sm2", "dsa"):
        with pytest.raises(SigningError):
            signer_from_config(kind)
    with pytest.raises(SigningError, match="key_path"):
        signer_from_config("rsa")
