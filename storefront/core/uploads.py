"""Generic upload checks: content sniffed by magic bytes, size limits, names that are safe to store."""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import unicodedata
import zipfile
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


_OOXML = "application/vnd.openxmlformats-officedocument."
KINDS: dict[str, Kind] = {
    "pdf": Kind("pdf", "PDF", "application/pdf", (".pdf",)),
    "jpeg": Kind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
    "png": Kind("png", "PNG", "image/png", (".png",)),
    "webp": Kind("webp", "WebP", "image/webp", (".webp",)),
    "docx": Kind("docx", "Word (.docx)", _OOXML + "wordprocessingml.document", (".docx",)),
    "xlsx": Kind("xlsx", "Excel (.xlsx)", _OOXML + "spreadsheetml.sheet", (".xlsx",)),
    "pptx": Kind("pptx", "PowerPoint (.pptx)", _OOXML + "presentationml.presentation", (".pptx",)),
    "zip": Kind("zip", "ZIP", "application/zip", (".zip",)),
    "txt": Kind("txt", "Text", "text/plain; charset=utf-8", (".txt", ".csv", ".md")),
}
#: Kinds accepted for filing documents.
DOCUMENT_KINDS = ("pdf", "jpeg", "png")
#: Office documents (Office Open XML, checked inside: see :func:`office_kind`).
OFFICE_KINDS = ("docx", "xlsx", "pptx")
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
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # an Office Open XML document or another archive: :func:`office_kind` looks inside
    if head.startswith(OLE2_SIGNATURE):
        return "ole2"  # a legacy .doc/.xls (or .msg, .ppt…): refused, see :func:`check_upload`
    return None


#: The first bytes of a legacy Office file (OLE2 compound document: .doc, .xls, .ppt, .msi…).
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: The content type ``[Content_Types].xml`` declares for the main part of each accepted Office kind.
_MAIN_PARTS = {
    _OOXML + "wordprocessingml.document.main+xml": "docx",
    _OOXML + "spreadsheetml.sheet.main+xml": "xlsx",
    _OOXML + "presentationml.presentation.main+xml": "pptx",
}
#: Main parts of macro-enabled documents (.docm, .xlsm, .dotm, .xltm), refused with their own message.
_MACRO_PARTS = (
    "application/vnd.ms-word.document.macroenabled.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
    "application/vnd.ms-excel.sheet.macroenabled.main+xml",
    "application/vnd.ms-excel.template.macroenabled.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroenabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml",
)
#: Bounds of an Office document's ZIP container (a larger one is a zip bomb, not a specification).
OFFICE_MAX_MEMBERS = 2000
OFFICE_MAX_UNPACKED = 100 * 1024 * 1024
OFFICE_MAX_RATIO = 200
_CONTENT_TYPES_MAX = 256 * 1024
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""\b(PartName|ContentType)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

_MACROS = _l("Documents with macros (.docm, .xlsm) are not accepted: save it as .docx or .xlsx without macros.")
_DAMAGED_OFFICE = _l("The document is damaged or is not a Word (.docx) or Excel (.xlsx) file.")
_TOO_BIG_OFFICE = _l("The document is too large when unpacked or has too many parts.")
_UNSAFE_OFFICE = _l("The document contains parts with unsafe names.")
_TOO_BIG_ARCHIVE = _l("The archive is too large when unpacked or holds too many files.")
_UNSAFE_ARCHIVE = _l("The archive holds files with unsafe names (absolute paths or “..”).")
_DAMAGED_ARCHIVE = _l("The archive is damaged and cannot be read.")


def _unsafe_member(name: str) -> bool:
    """True for a ZIP member name that could escape a folder when unpacked (absolute, ``..``, drive, NUL)."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\x00" in name


def _zip_listing(data: bytes, damaged=_DAMAGED_OFFICE) -> tuple[set[str], bytes | None]:
    """The member names of a ZIP container and its ``[Content_Types].xml`` (None when it has none: a plain
    archive, not an Office document). Refuses, with :class:`UploadRejected`, too many members or too much unpacked
    data (zip bombs), member names that climb out of a folder and macros (``vbaProject.bin``). Nothing is unpacked
    but the content-types list."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            document = "[Content_Types].xml" in names
            unpacked = sum(m.file_size for m in members)
            packed = max(sum(m.compress_size for m in members), 1)
            if (
                len(members) > OFFICE_MAX_MEMBERS
                or unpacked > OFFICE_MAX_UNPACKED
                or unpacked > packed * OFFICE_MAX_RATIO
            ):
                raise UploadRejected(_TOO_BIG_OFFICE if document else _TOO_BIG_ARCHIVE)
            if any(_unsafe_member(name) for name in names):
                raise UploadRejected(_UNSAFE_OFFICE if document else _UNSAFE_ARCHIVE)
            if any(name.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for name in names):
                raise UploadRejected(_MACROS)
            if not document:
                return names, None
            with archive.open("[Content_Types].xml") as stream:
                content_types = stream.read(_CONTENT_TYPES_MAX + 1)
    except UploadRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, ValueError) as exc:
        raise UploadRejected(damaged) from exc
    return names, content_types


def _main_part(names: set[str], content_types: bytes) -> str:
    """The one Office kind whose main part ``[Content_Types].xml`` declares and the container holds."""
    if len(content_types) > _CONTENT_TYPES_MAX:
        raise UploadRejected(_DAMAGED_OFFICE)
    found = set()
    for tag in _OVERRIDE.findall(content_types):
        attributes = {k.decode().lower(): v.decode("utf-8", "replace") for k, v in _ATTRIBUTE.findall(tag)}
        content_type = attributes.get("contenttype", "").strip().lower()
        if content_type in _MACRO_PARTS:
            raise UploadRejected(_MACROS)
        part = attributes.get("partname", "").lstrip("/")
        if content_type in _MAIN_PARTS and part in names:
            found.add(_MAIN_PARTS[content_type])
    if len(found) != 1:
        raise UploadRejected(_DAMAGED_OFFICE)
    return found.pop()


def office_kind(data: bytes) -> str:
    """The kind (``docx``/``xlsx``/``pptx``) of an Office Open XML document, judged by what is inside its ZIP
    container: ``[Content_Types].xml`` must declare a Word, Excel or PowerPoint main part that is present; macros
    (``vbaProject.bin``, macro-enabled main parts), member names that climb out of a folder, too many members and
    too much unpacked data (zip bombs) are refused with :class:`UploadRejected`."""
    names, content_types = _zip_listing(data)
    if content_types is None:
        raise UploadRejected(_DAMAGED_OFFICE)
    return _main_part(names, content_types)


def archive_kind(data: bytes, allowed: tuple[str, ...]) -> str:
    """The kind of a ZIP container among ``allowed``: an Office document (see :func:`office_kind`) when it has a
    ``[Content_Types].xml``, else a plain ``zip`` archive, held to the same bounds and member-name rules."""
    names, content_types = _zip_listing(data, _DAMAGED_ARCHIVE if "zip" in allowed else _DAMAGED_OFFICE)
    if content_types is not None and any(k in OFFICE_KINDS for k in allowed):
        return _main_part(names, content_types)
    if "zip" in allowed:
        return "zip"
    raise UploadRejected(_DAMAGED_OFFICE)


def _is_text(data: bytes) -> bool:
    """UTF-8 text without NUL bytes (a BOM allowed)."""
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


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
    """Look past the magic bytes: a PDF must end properly, an image must decode (Office documents were looked
    into by :func:`office_kind`, archives by :func:`archive_kind`, text was decoded)."""
    if kind.name in (*OFFICE_KINDS, "zip", "txt"):
        return
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
    office = any(k in OFFICE_KINDS for k in allowed)
    if sniffed == "zip" and (office or "zip" in allowed):
        sniffed = archive_kind(data, allowed)
    elif sniffed is None and "txt" in allowed and _is_text(data):
        sniffed = "txt"
    elif sniffed == "ole2" and office:
        raise UploadRejected(
            _l("Old Word and Excel files (.doc, .xls) are not accepted: save the file as .docx or .xlsx and attach it.")
        )
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
