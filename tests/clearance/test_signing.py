"""Signing (spec §6): SM2/SM3 and RSA-SHA1 enveloped XML-DSig, verifiers, refusals, the worker's guard."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLVerifier
from signxml.verifier import SignatureConfiguration

from storefront.clearance import demo, gm, xsd
from storefront.clearance.messages import Meta, build_ceb509, build_ceb603, build_ceb701, new_guid
from storefront.clearance.messages.common import NS
from storefront.clearance.signing import (
    C14N_URI,
    DS_NS,
    ENVELOPED_URI,
    RSA_SHA1_URI,
    SHA1_URI,
    SM2_SM3_URI,
    SM3_URI,
    NoneSigner,
    RsaSigner,
    SignatureInvalid,
    Signer,
    SigningError,
    Sm2Signer,
    generate_identity,
    signer_for_config,
    signer_from_config,
    verify_signature,
)

Identity = tuple[bytes, bytes]


@pytest.fixture(scope="module")
def sm2_identity() -> Identity:
    return generate_identity("sm2", "clearance-test")


def _inventory() -> bytes:
    """Return an unsigned CEB603 for a 4-line order to Russia in USD."""
    order = demo.demo_order(0, destination="RU", currency="USD", lines=4)
    return build_ceb603(order, Meta(new_guid(), demo.TRANSFER))


def _algorithms(signed: bytes) -> list[str]:
    sig = etree.fromstring(signed).find(f"{{{DS_NS}}}Signature")
    return [el.get("Algorithm") for el in sig.iter() if el.get("Algorithm")]


@pytest.mark.parametrize("kind", ["sm2", "rsa"])
def test_sign_verify_tamper(kind: str, xsd_ready: Path, sm2_identity: Identity, rsa_identity: Identity) -> None:
    """Each suite: the exact §6 URIs, XSD-valid, verifies, and any change to the message breaks it."""
    key, cert = sm2_identity if kind == "sm2" else rsa_identity
    signer = (Sm2Signer if kind == "sm2" else RsaSigner)(key, cert, key_name="0001")
    assert isinstance(signer, Signer)
    signed = signer.sign(_inventory())
    assert xsd.validate(signed) == []
    method, digest = (SM2_SM3_URI, SM3_URI) if kind == "sm2" else (RSA_SHA1_URI, SHA1_URI)
    assert _algorithms(signed) == [C14N_URI, method, ENVELOPED_URI, digest]
    children = [etree.QName(c).localname for c in etree.fromstring(signed)]
    assert children == ["Inventory", "BaseTransfer", "Signature"]
    sig = etree.fromstring(signed).find(f"{{{DS_NS}}}Signature")
    assert sig.findtext(f"{{{DS_NS}}}KeyInfo/{{{DS_NS}}}KeyName") == "0001"
    cert_b64 = sig.findtext(f"{{{DS_NS}}}KeyInfo/{{{DS_NS}}}X509Data/{{{DS_NS}}}X509Certificate")
    assert base64.b64decode(cert_b64) == gm.pem_blocks(cert)["CERTIFICATE"]
    assert verify_signature(signed, cert).signature_method == method
    tampered = signed.replace(b"<ceb:price>33.33</ceb:price>", b"<ceb:price>3.33</ceb:price>", 1)
    assert tampered != signed
    with pytest.raises(SignatureInvalid, match="digest"):
        verify_signature(tampered)
    # a re-computed digest does not help: SignedInfo is signed
    root = etree.fromstring(signed)
    value = root.find(f".//{{{DS_NS}}}SignatureValue")
    raw = bytearray(base64.b64decode(value.text))
    raw[5] ^= 1
    value.text = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(SignatureInvalid, match="does not verify"):
        verify_signature(etree.tostring(root))
    other = generate_identity(kind, "someone else")[1]
    with pytest.raises(SignatureInvalid, match="another certificate"):
        verify_signature(signed, other)


def test_rsa_sha1_verifies_with_an_independent_implementation(rsa_identity: Identity) -> None:
    """signxml (allowed SHA-1 here) accepts our RSA-SHA1 signature: the C14N and assembly are standard."""
    key, cert = rsa_identity
    config = SignatureConfiguration(
        location="./",
        signature_methods=frozenset({SignatureMethod.RSA_SHA1}),
        digest_algorithms=frozenset({DigestAlgorithm.SHA1}),
        default_reference_c14n_method=CanonicalizationMethod.CANONICAL_XML_1_0,
    )
    signed = RsaSigner(key, cert).sign(_inventory())
    result = XMLVerifier().verify(signed, x509_cert=cert.decode(), expect_config=config)
    assert etree.QName(result.signed_xml).localname == "CEB603Message"


def test_sm2_interoperates_with_openssl(tmp_path: Path, sm2_identity: Identity) -> None:
    """OpenSSL verifies our SM2 certificate and signatures (user id 1234567812345678), and we verify its."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl not installed")
    key, cert = sm2_identity
    names = ("cert.pem", "key.pem", "data", "theirs.sig", "ours.sig", "pub.pem")
    paths = {name: tmp_path / name for name in names}
    paths["cert.pem"].write_bytes(cert)
    paths["key.pem"].write_bytes(key)
    paths["data"].write_bytes(b"CEB603")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], check=True, capture_output=True)  # noqa: S603

    run("verify", "-CAfile", str(paths["cert.pem"]), str(paths["cert.pem"]))
    run("pkey", "-in", str(paths["key.pem"]), "-pubout", "-out", str(paths["pub.pem"]))
    distid = "distid:1234567812345678"
    run(
        "dgst",
        "-sm3",
        "-sigopt",
        distid,
        "-sign",
        str(paths["key.pem"]),
        "-out",
        str(paths["theirs.sig"]),
        str(paths["data"]),
    )
    der = gm.der_children(paths["theirs.sig"].read_bytes())[0][1]
    r, s = (int.from_bytes(value, "big") for _tag, value, _whole in gm.der_children(der))
    assert gm.certificate_public_key(gm.pem_blocks(cert)["CERTIFICATE"]).verify(b"CEB603", r, s)
    paths["ours.sig"].write_bytes(gm.encode_signature(*gm.Sm2Key.from_pem(key).sign(b"CEB603")))
    run(
        "dgst",
        "-sm3",
        "-sigopt",
        distid,
        "-verify",
        str(paths["pub.pem"]),
        "-signature",
        str(paths["ours.sig"]),
        str(paths["data"]),
    )


def test_other_signed_messages_validate(xsd_ready: Path, sm2_identity: Identity) -> None:
    """Signed CEB509 and CEB701 validate and verify."""
    signer = Sm2Signer(*sm2_identity)
    orders = [demo.demo_order(n) for n in range(1, 4)]
    for xml in (
        build_ceb509(demo.demo_departure(orders), Meta(new_guid(), demo.TRANSFER)),
        build_ceb701(demo.demo_summary([demo.demo_invt_no(1)]), Meta(new_guid(), demo.TRANSFER)),
    ):
        signed = signer.sign(xml)
        assert xsd.validate(signed) == []
        verify_signature(signed, sm2_identity[1])


def test_signature_goes_before_extend_message(sm2_identity: Identity) -> None:
    """ds:Signature is inserted after BaseTransfer, before ExtendMessage, as the XSD orders them."""
    root = etree.fromstring(_inventory())
    etree.SubElement(root, f"{{{NS}}}ExtendMessage")
    signed = Sm2Signer(*sm2_identity).sign(etree.tostring(root))
    names = [etree.QName(child).localname for child in etree.fromstring(signed)]
    assert names == ["Inventory", "BaseTransfer", "Signature", "ExtendMessage"]
    verify_signature(signed)


def test_verifier_refuses_other_algorithms_and_unsigned(rsa_identity: Identity) -> None:
    """RSA-SHA256 (what the adapter used to send) and unsigned messages are refused."""
    with pytest.raises(SignatureInvalid, match="not signed"):
        verify_signature(_inventory())
    signed = RsaSigner(*rsa_identity).sign(_inventory())
    sha256 = signed.replace(RSA_SHA1_URI.encode(), b"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
    with pytest.raises(SignatureInvalid, match="not one of"):
        verify_signature(sha256)
    mixed = signed.replace(SHA1_URI.encode(), SM3_URI.encode())
    with pytest.raises(SignatureInvalid, match="does not go with"):
        verify_signature(mixed)


def test_sign_refusals(sm2_identity: Identity, rsa_identity: Identity) -> None:
    """Double signing, non-CEB input, broken XML, bad keys and mismatched pairs raise SigningError."""
    signer = Sm2Signer(*sm2_identity)
    with pytest.raises(SigningError, match="already signed"):
        signer.sign(signer.sign(_inventory()))
    with pytest.raises(SigningError, match="BaseTransfer"):
        signer.sign(b"<a/>")
    with pytest.raises(SigningError, match="well-formed"):
        signer.sign(b"<a")
    with pytest.raises(SigningError):
        RsaSigner(b"not a key", rsa_identity[1])
    with pytest.raises(SigningError, match="does not belong"):
        Sm2Signer(sm2_identity[0], generate_identity("sm2", "other")[1])
    with pytest.raises(SigningError, match="does not belong"):
        RsaSigner(rsa_identity[0], generate_identity("rsa", "other")[1])


def test_signer_from_config(tmp_path: Path, sm2_identity: Identity, rsa_identity: Identity) -> None:
    """Configured files build the signer; missing files say what to do."""
    xml = _inventory()
    none = signer_from_config("none")
    assert isinstance(none, NoneSigner) and none.sign(xml) is xml
    for kind, (key, cert) in (("sm2", sm2_identity), ("rsa", rsa_identity)):
        (tmp_path / f"{kind}.key").write_bytes(key)
        (tmp_path / f"{kind}.crt").write_bytes(cert)
        signer = signer_from_config(kind.upper(), tmp_path / f"{kind}.key", tmp_path / f"{kind}.crt")
        verify_signature(signer.sign(xml), cert)
    with pytest.raises(SigningError, match="unknown"):
        signer_from_config("dsa")
    with pytest.raises(SigningError, match="key_path"):
        signer_from_config("sm2")
    config = {"DATA_DIR": str(tmp_path / "empty"), "CLEARANCE_SIGNER": "sm2"}
    with pytest.raises(SigningError, match="flask clearance keygen"):
        signer_for_config(config)
