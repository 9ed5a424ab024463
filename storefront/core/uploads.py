"""Generic upload checks: content sniffed by magic bytes, size limits, names that are safe to store."""

from __future__ import annotations

import hashlib
import io
import secrets
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError


@dataclass(frozen=True)
class Kind:
    """A file type we accept: its MIME type and the extensions its name may carry."""

    name: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "pdf": Kind("pdf", "PDF", "application/pdf", (".pdf",)),
    "jpeg": Kind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
    "png": Kind("png", "PNG", "image/png", (".png",)),
    "webp": Kind("webp", "WebP", "image/webp", (".webp",)),
}
#: Kinds accepted for filing documents.
DOCUMENT_KINDS = ("pdf", "jpeg", "png")
#: Kinds accepted for product images.
IMAGE_KINDS = ("jpeg", "png", "webp")
_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


class UploadRejected(ValueError):
    """An upload we refuse; ``message`` is a translatable text for the user."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed the checks, held in memory."""

    kind: Kind
    data: bytes
    original_name: str
    sha256: str

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)


def sniff(head: bytes) -> str | None:
    """The kind of a file from its first bytes (magic numbers), or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def clean_filename(name: str | None, limit: int = 200) -> str:
    """A display-only file name: no directories, no control characters, bounded length."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = base.strip().lstrip(".")
    return base[-limit:] or "file"


def extension(name: str) -> str:
    """The lower-case extension of a file name, with the dot ('' when none)."""
    base = clean_filename(name)
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def storage_name(kind: Kind) -> str:
    """A random file name to store an upload under (never derived from user input)."""
    return secrets.token_hex(16) + kind.extensions[0]


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read a stream, refusing it when it is larger than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(_l("The file is too large: the limit is %(size)s.", size=human_size(max_bytes)))
    return data


def human_size(size: int) -> str:
    """A byte count as '8 MB' or '500 KB'."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{max(size / 1024, 1):.0f} KB"


def _allowed_labels(allowed: tuple[str, ...]) -> str:
    return ", ".join(KINDS[k].label for k in allowed)


def _check_content(kind: Kind, data: bytes) -> None:
    """Look past the magic bytes: a PDF must end properly, an image must decode."""
    if kind.name == "pdf":
        if b"%%EOF" not in data[-2048:]:
            raise UploadRejected(_l("The PDF file is damaged or incomplete."))
        return
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UploadRejected(_l("The image file is damaged and cannot be read.")) from exc
    if fmt != _PIL_FORMATS[kind.name]:
        raise UploadRejected(_l("The image file is damaged and cannot be read."))


def check_upload(storage, *, allowed: tuple[str, ...] = DOCUMENT_KINDS, max_bytes: int) -> CheckedUpload:
    """Check an uploaded file (a Werkzeug FileStorage): present, small enough, of an allowed kind by content,
    with a name whose extension matches that content, and not damaged."""
    if storage is None or not getattr(storage, "filename", ""):
        raise UploadRejected(_l("Choose a file to upload."))
    name = clean_filename(storage.filename)
    data = read_limited(storage.stream, max_bytes)
    if not data:
        raise UploadRejected(_l("The file is empty."))
    sniffed = sniff(data[:16])
    if sniffed is None or sniffed not in allowed:
        raise UploadRejected(
            _l(
                "This file is not an accepted type (%(types)s). The content was checked, not the name.",
                types=_allowed_labels(allowed),
            )
        )
    kind = KINDS[sniffed]
    ext = extension(name)
    if ext not in kind.extensions:
        raise UploadRejected(
            _l(
                "The file name ends in “%(ext)s” but the file is a %(kind)s. Rename it or choose the right file.",
                ext=ext or "—",
                kind=kind.label,
            )
        )
    _check_content(kind, data)
    return CheckedUpload(kind=kind, data=data, original_name=name, sha256=hashlib.sha256(data).hexdigest())
