"""SM2/SM3 (GB/T 32918, GB/T 32905) keys, signatures and certificates on top of the ``gmssl`` library.

``gmssl`` computes the curve arithmetic and SM3; this module adds what it lacks: random numbers from
``secrets`` (gmssl's own nonce uses ``random``), SEC1 PEM key files, and a minimal DER reader/writer for
self-signed SM2 X.509 certificates (``cryptography`` has no SM2 curve). Production keys live in the e-port's
certified device; these are for the demo identity, tests and the simulator's verifier.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from gmssl import func, sm2, sm3

#: The curve order n.
_N = int(sm2.default_ecc_table["n"], 16)
#: Default SM2 signer id (GB/T 35276), the one e-port devices use unless configured otherwise.
DEFAULT_USER_ID = b"1234567812345678"
OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
OID_SM2_CURVE = "1.2.156.10197.1.301"
OID_SM2_WITH_SM3 = "1.2.156.10197.1.501"
OID_COMMON_NAME = "2.5.4.3"
_PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\s*(.*?)\s*-----END \1-----", re.S)


class GmError(ValueError):
    """A key, certificate or signature that cannot be read."""


def sm3_digest(data: bytes) -> bytes:
    """The SM3 hash of ``data``."""
    return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(data)))


# --- DER ------------------------------------------------------------------------------------------


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def tlv(tag: int, value: bytes) -> bytes:
    """One DER element."""
    return bytes([tag]) + _len(len(value)) + value


def der_int(n: int) -> bytes:
    """DER INTEGER (non-negative)."""
    raw = n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big")
    return tlv(0x02, raw)


def der_oid(dotted: str) -> bytes:
    """DER OBJECT IDENTIFIER."""
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.append(0x80 | (part & 0x7F))
            part >>= 7
        out.extend(reversed(chunk))
    return tlv(0x06, bytes(out))


def seq(*items: bytes) -> bytes:
    """DER SEQUENCE of already-encoded items."""
    return tlv(0x30, b"".join(items))


def der_children(data: bytes) -> list[tuple[int, bytes, bytes]]:
    """The (tag, value, whole element) triples directly inside ``data``."""
    out, pos = [], 0
    while pos < len(data):
        if pos + 2 > len(data):
            raise GmError("truncated DER")
        tag, first = data[pos], data[pos + 1]
        pos += 2
        if first & 0x80:
            count = first & 0x7F
            length = int.from_bytes(data[pos : pos + count], "big")
            pos += count
        else:
            length = first
        start = pos - 2 - (first & 0x7F if first & 0x80 else 0)
        value = data[pos : pos + length]
        if len(value) != length:
            raise GmError("truncated DER")
        pos += length
        out.append((tag, value, data[start:pos]))
    return out


def _read_oid(value: bytes) -> str:
    parts = [value[0] // 40, value[0] % 40]
    acc = 0
    for byte in value[1:]:
        acc = (acc << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(acc)
            acc = 0
    return ".".join(str(p) for p in parts)


def pem_blocks(data: bytes) -> dict[str, bytes]:
    """PEM blocks by label (``CERTIFICATE``, ``EC PRIVATE KEY`` …) as DER."""
    return {m.group(1).decode(): base64.b64decode(m.group(2)) for m in _PEM.finditer(data)}


def pem(label: str, der: bytes) -> bytes:
    """Wrap DER into a PEM block."""
    body = base64.encodebytes(der).replace(b"\n", b"")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return b"".join(
        [f"-----BEGIN {label}-----\n".encode(), *(ln + b"\n" for ln in lines), f"-----END {label}-----\n".encode()]
    )


# --- keys and signatures --------------------------------------------------------------------------


def _crypt(private_hex: str, public_hex: str) -> sm2.CryptSM2:
    crypt = sm2.CryptSM2(private_key=private_hex, public_key="00")
    crypt.public_key = public_hex  # gmssl's lstrip("04") would eat leading digits of X
    return crypt


@dataclass(frozen=True)
class Sm2Key:
    """An SM2 key: ``private`` (int, None for a public key) and the public point as 64 bytes X||Y."""

    public: bytes
    private: int | None = None

    @classmethod
    def generate(cls) -> Sm2Key:
        """A fresh key pair from the system's CSPRNG."""
        d = secrets.randbelow(_N - 2) + 1
        point = _crypt(f"{d:064x}", "")._kg(d, sm2.default_ecc_table["g"])
        return cls(public=bytes.fromhex(point), private=d)

    def z_digest(self, data: bytes, user_id: bytes = DEFAULT_USER_ID) -> bytes:
        """SM3(Z_A || data), the value SM2 signs (GB/T 32918.2)."""
        table = sm2.default_ecc_table
        z = (
            (len(user_id) * 8).to_bytes(2, "big")
            + user_id
            + bytes.fromhex(table["a"] + table["b"] + table["g"])
            + self.public
        )
        return sm3_digest(sm3_digest(z) + data)

    def sign(self, data: bytes, user_id: bytes = DEFAULT_USER_ID) -> tuple[int, int]:
        """SM2-with-SM3 signature (r, s) of ``data``."""
        if self.private is None:
            raise GmError("a public key cannot sign")
        crypt = _crypt(f"{self.private:064x}", self.public.hex())
        digest = self.z_digest(data, user_id)
        while True:
            k = secrets.randbelow(_N - 1) + 1
            value = crypt.sign(digest, f"{k:064x}")
            if value:
                return int(value[:64], 16), int(value[64:], 16)

    def verify(self, data: bytes, r: int, s: int, user_id: bytes = DEFAULT_USER_ID) -> bool:
        """True when (r, s) is a valid SM2-with-SM3 signature of ``data``."""
        if not (0 < r < _N and 0 < s < _N):
            return False
        crypt = _crypt("00", self.public.hex())
        return bool(crypt.verify(f"{r:064x}{s:064x}", self.z_digest(data, user_id)))

    def to_pem(self) -> bytes:
        """SEC1 ``EC PRIVATE KEY`` PEM with the SM2 curve OID."""
        if self.private is None:
            raise GmError("no private key to write")
        der = seq(
            der_int(1),
            tlv(0x04, self.private.to_bytes(32, "big")),
            tlv(0xA0, der_oid(OID_SM2_CURVE)),
            tlv(0xA1, tlv(0x03, b"\x00\x04" + self.public)),
        )
        return pem("EC PRIVATE KEY", der)

    @classmethod
    def from_pem(cls, data: bytes) -> Sm2Key:
        """Read a SEC1 SM2 private key PEM."""
        der = pem_blocks(data).get("EC PRIVATE KEY")
        if der is None:
            raise GmError("no 'EC PRIVATE KEY' PEM block")
        items = der_children(der_children(der)[0][1])
        private = int.from_bytes(items[1][1], "big")
        explicit = {tag: value for tag, value, _ in items[2:]}
        if 0xA0 in explicit and _read_oid(der_children(explicit[0xA0])[0][1]) != OID_SM2_CURVE:
            raise GmError("the key is not on the SM2 curve")
        if 0xA1 not in explicit:
            raise GmError("the key file lacks its public key")
        public = der_children(explicit[0xA1])[0][1][1:]
        if public[:1] != b"\x04" or len(public) != 65:
            raise GmError("unsupported public key encoding")
        return cls(public=public[1:], private=private)


def encode_signature(r: int, s: int) -> bytes:
    """DER ``SEQUENCE { r, s }`` (X.509 certificate signatures)."""
    return seq(der_int(r), der_int(s))


def _name(common_name: str) -> bytes:
    return seq(tlv(0x31, seq(der_oid(OID_COMMON_NAME), tlv(0x0C, common_name.encode()))))


def _time(moment: datetime) -> bytes:
    if moment.year >= 2050:
        return tlv(0x18, moment.strftime("%Y%m%d%H%M%SZ").encode())
    return tlv(0x17, moment.strftime("%y%m%d%H%M%SZ").encode())


def self_signed_certificate(key: Sm2Key, common_name: str, *, days: int = 3650) -> bytes:
    """A self-signed X.509 v3 certificate (DER) for ``key`` with SM2-with-SM3."""
    now = datetime.now(UTC).replace(microsecond=0)
    algorithm = seq(der_oid(OID_SM2_WITH_SM3))
    tbs = seq(
        tlv(0xA0, der_int(2)),
        der_int(secrets.randbits(63) + 1),
        algorithm,
        _name(common_name),
        seq(_time(now - timedelta(days=1)), _time(now + timedelta(days=days))),
        _name(common_name),
        seq(seq(der_oid(OID_EC_PUBLIC_KEY), der_oid(OID_SM2_CURVE)), tlv(0x03, b"\x00\x04" + key.public)),
    )
    signature = encode_signature(*key.sign(tbs))
    return seq(tbs, algorithm, tlv(0x03, b"\x00" + signature))


def certificate_public_key(cert_der: bytes) -> Sm2Key:
    """The SM2 public key of an X.509 certificate (DER)."""
    try:
        tbs = der_children(der_children(cert_der)[0][1])[0][1]
        fields = der_children(tbs)
        if fields[0][0] == 0xA0:
            fields = fields[1:]
        spki = der_children(fields[5][1])
        algorithm = [_read_oid(v) for t, v, _ in der_children(spki[0][1]) if t == 0x06]
        bits = spki[1][1]
    except (IndexError, GmError, binascii.Error) as exc:
        raise GmError(f"cannot read the certificate: {exc}") from exc
    if algorithm != [OID_EC_PUBLIC_KEY, OID_SM2_CURVE]:
        raise GmError("the certificate does not hold an SM2 public key")
    if bits[:2] != b"\x00\x04" or len(bits) != 66:
        raise GmError("unsupported public key encoding in the certificate")
    return Sm2Key(public=bits[2:])
