"""Product images: validation of uploads and thumbnails generated once, served as static files."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import BinaryIO

from flask import current_app, url_for
from PIL import Image, ImageOps, UnidentifiedImageError

#: Widths the pages use: product page, cards, gallery thumbnails.
SIZES = (800, 400, 160)
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 40_000_000


class ImageRejected(ValueError):
    """An upload that is not an acceptable image."""


def media_dir() -> Path:
    """Directory with generated product images (under DATA_DIR)."""
    path = Path(current_app.config["DATA_DIR"]) / "media" / "products"
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_upload(stream: BinaryIO) -> Image.Image:
    """Open and check an uploaded file: a real JPEG/PNG/WebP, not too large (content, not extension)."""
    try:
        image = Image.open(stream)
        image.verify()
        stream.seek(0)
        image = Image.open(stream)
        if image.format not in ALLOWED_FORMATS:
            raise ImageRejected(image.format or "unknown")
        if image.width * image.height > MAX_PIXELS:
            raise ImageRejected("too large")
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageRejected(str(exc)) from exc
    return ImageOps.exif_transpose(image)


def save_image(image: Image.Image) -> tuple[str, int, int]:
    """Write the thumbnails of an image; returns (stem, width, height) of the largest size."""
    stem = secrets.token_hex(8)
    image = image.convert("RGB")
    folder = media_dir()
    first = None
    for width in SIZES:
        copy = image.copy()
        copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        copy.save(folder / f"{stem}-{width}.webp", "WEBP", quality=82, method=4)
        first = first or copy.size
    return stem, first[0], first[1]


def delete_files(stem: str) -> None:
    """Remove an image's thumbnails."""
    for width in SIZES:
        (media_dir() / f"{stem}-{width}.webp").unlink(missing_ok=True)


def image_url(stem: str, width: int) -> str:
    """URL of one thumbnail size."""
    return url_for("media", filename=f"products/{stem}-{width}.webp")


def scaled(image_w: int, image_h: int, width: int) -> tuple[int, int]:
    """Width and height attributes of a thumbnail of ``width`` (keeps layout from jumping)."""
    if image_w <= width:
        return image_w, image_h
    return width, round(image_h * width / image_w)
