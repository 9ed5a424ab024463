"""Message attachments: checked like every other upload (content sniffed, size bounded, name matching the
content), stored under DATA_DIR with random names, never under static/."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Protocol

from flask import current_app

from storefront.core.uploads import KINDS, CheckedUpload, check_upload

#: Kinds a buyer or merchant may attach (photos of goods and labels, PDF specifications, Word and Excel
#: drawings, specifications and price lists; see storefront.core.uploads.office_kind).
MESSAGE_KINDS = ("pdf", "jpeg", "png", "webp", "docx", "xlsx")
#: Folders under DATA_DIR that hold message files (the second: files moved from service order threads).
FOLDERS = ("message_files", "service_files")


class CheckedFile(Protocol):
    """What :func:`storefront.messaging.operations.post` needs of an attachment that passed its checks."""

    data: bytes
    original_name: str
    sha256: str

    @property
    def size(self) -> int: ...


def max_bytes() -> int:
    """Largest attachment accepted (``MESSAGE_FILE_MAX_BYTES``)."""
    return int(current_app.config.get("MESSAGE_FILE_MAX_BYTES", 8 * 1024 * 1024))


def accepted_labels() -> str:
    """The accepted types, for hints."""
    return ", ".join(KINDS[k].label for k in MESSAGE_KINDS)


def check(storage) -> CheckedUpload:
    """Check one upload (UploadRejected with a translated message when refused)."""
    return check_upload(storage, allowed=MESSAGE_KINDS, max_bytes=max_bytes())


def check_all(storages) -> list[CheckedUpload]:
    """Check the files of a multiple file field (empty inputs ignored)."""
    return [check(s) for s in storages or [] if s and getattr(s, "filename", "")]


def write(attachment, folder: str = "message_files") -> str:
    """Write a checked attachment under a random name in ``folder``; returns that name."""
    directory = Path(current_app.config["DATA_DIR"]) / folder
    directory.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16) + attachment.kind.extensions[0]
    (directory / stored).write_bytes(attachment.data)
    return stored


def path_of(folder: str, stored_name: str) -> Path:
    """Where a stored file lives (folder and name are ours, never the user's)."""
    if folder not in FOLDERS:
        raise ValueError(folder)
    return Path(current_app.config["DATA_DIR"]) / folder / Path(stored_name).name
