"""Stored private files (filing documents, order and conversation attachments) sent to the people allowed to see
them: always as an attachment (never rendered inline), ``nosniff``, never kept by a cache; 404 when the file is
gone. The caller checks who may download it."""

from __future__ import annotations

import io
from pathlib import Path

from flask import Response, abort, send_file


def send_private(path: Path, content_type: str, name: str, *, in_memory: bool = False) -> Response:
    """``path`` as a download named ``name``; ``in_memory``: read it first (the file is closed at once; no
    conditional or range answers)."""
    if not path.is_file():
        abort(404)
    if in_memory:
        response = send_file(
            io.BytesIO(path.read_bytes()), mimetype=content_type, as_attachment=True, download_name=name
        )
    else:
        response = send_file(path, mimetype=content_type, as_attachment=True, download_name=name, max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
