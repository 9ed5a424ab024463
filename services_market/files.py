"""Attachments of service orders (briefs, messages, deliveries): checked by content and size, stored under
DATA_DIR/service_files with random names, never under static/."""

from __future__ import annotations

import hashlib
import io
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from storefront.core.uploads import (
    UploadRejected,
    check_upload,
    clean_filename,
    extension,
    read_limited,
    sniff,
)


@dataclass(frozen=True)
class FileKind:
    """A file type accepted as an attachment."""

    name: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


_OOXML = "application/vnd.openxmlformats-officedocument."
KINDS: dict[str, FileKind] = {
    "pdf": FileKind("pdf", "PDF", "application/pdf", (".pdf",)),
    "jpeg": FileKind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
    "png": FileKind("png", "PNG", "image/png", (".png",)),
    "webp": FileKind("webp", "WebP", "image/webp", (".webp",)),
    "docx": FileKind("docx", "Word", _OOXML + "wordprocessingml.document", (".docx",)),
    "xlsx": FileKind("xlsx", "Excel", _OOXML + "spreadsheetml.sheet", (".xlsx",)),
    "pptx": FileKind("pptx", "PowerPoint", _OOXML + "presentationml.presentation", (".pptx",)),
    "zip": FileKind("zip", "ZIP", "application/zip", (".zip",)),
    "txt": FileKind("txt", "Text", "text/plain; charset=utf-8", (".txt", ".csv", ".md")),
}
#: The part that identifies each Office Open XML kind inside its ZIP container.
_OOXML_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
_CORE = ("pdf", "jpeg", "png", "webp")


@dataclass(frozen=True)
class Attachment:
    """An upload that passed the checks, held in memory."""

    kind: FileKind
    data: bytes
    original_name: str
    sha256: str

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)


def max_bytes() -> int:
    """Largest attachment accepted."""
    return int(current_app.config.get("SERVICE_FILE_MAX_BYTES", 10 * 1024 * 1024))


def accepted_labels() -> str:
    """The accepted types, for hints and errors."""
    return ", ".join(k.label for k in KINDS.values())


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRejected(_l("The archive is damaged and cannot be read.")) from exc
    for kind, marker in _OOXML_MARKERS.items():
        if marker in names:
            return kind
    return "zip"


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def check_attachment(storage) -> Attachment:
    """Check an upload: present, small enough, an accepted type by content, a matching name, not damaged."""
    if storage is None or not getattr(storage, "filename", ""):
        raise UploadRejected(_l("Choose a file to upload."))
    name = clean_filename(storage.filename)
    data = read_limited(storage.stream, max_bytes())
    if not data:
        raise UploadRejected(_l("The file is empty."))
    sniffed = sniff(data[:16])
    if sniffed in _CORE:
        checked = check_upload(FileStorage(io.BytesIO(data), filename=name), allowed=_CORE, max_bytes=max_bytes())
        return Attachment(KINDS[checked.kind.name], checked.data, checked.original_name, checked.sha256)
    if data.startswith(b"PK\x03\x04"):
        kind = KINDS[_zip_kind(data)]
    elif _is_text(data):
        kind = KINDS["txt"]
    else:
        raise UploadRejected(
            _l(
                "This file is not an accepted type (%(types)s). The content was checked, not the name.",
                types=accepted_labels(),
            )
        )
    ext = extension(name)
    if ext not in kind.extensions:
        raise UploadRejected(
            _l(
                "The file name ends in “%(ext)s” but the file is a %(kind)s. Rename it or choose the right file.",
                ext=ext or "—",
                kind=kind.label,
            )
        )
    return Attachment(kind, data, name, hashlib.sha256(data).hexdigest())


def files_dir() -> Path:
    """Directory holding service order files (created on first use)."""
    path = Path(current_app.config["DATA_DIR"]) / "service_files"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write(attachment: Attachment) -> str:
    """Write a checked attachment under a random name; returns that name."""
    stored = secrets.token_hex(16) + attachment.kind.extensions[0]
    (files_dir() / stored).write_bytes(attachment.data)
    return stored


def path_of(stored_name: str) -> Path:
    """Where a stored file lives (the name is ours, never the user's)."""
    return files_dir() / Path(stored_name).name
