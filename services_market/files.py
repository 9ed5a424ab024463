"""Attachments of service orders (briefs, messages, deliveries): checked by content and size, stored under
DATA_DIR/service_files with random names, never under static/."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import current_app

from storefront.core.uploads import KINDS, CheckedUpload, check_upload

#: What a service order's brief, messages and deliveries may carry: the message kinds plus PowerPoint decks,
#: ZIP archives and plain text (all checked by content in :func:`storefront.core.uploads.check_upload`:
#: Office documents and archives looked into, no macros, no zip bombs, no climbing member names).
SERVICE_KINDS = ("pdf", "jpeg", "png", "webp", "docx", "xlsx", "pptx", "zip", "txt")
#: An attachment that passed the checks (the one upload check's result).
Attachment = CheckedUpload


def max_bytes() -> int:
    """Largest attachment accepted."""
    return int(current_app.config.get("SERVICE_FILE_MAX_BYTES", 10 * 1024 * 1024))


def accepted_labels() -> str:
    """The accepted types, for hints and errors."""
    return ", ".join(KINDS[k].label for k in SERVICE_KINDS)


def check_attachment(storage) -> CheckedUpload:
    """Check an upload: present, small enough, an accepted type by content, a matching name, not damaged."""
    return check_upload(storage, allowed=SERVICE_KINDS, max_bytes=max_bytes())


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
