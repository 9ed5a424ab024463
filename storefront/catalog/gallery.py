"""A product's image gallery: adding, ordering and removing images (flush, never commit; files in
:mod:`storefront.catalog.images`)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from storefront.catalog import images as image_files
from storefront.catalog.models import Product, ProductImage
from storefront.catalog.operations import ProductError
from storefront.extensions import db


def add_image(product: Product, image, alt: str = "") -> ProductImage:
    """Save thumbnails of an opened, checked image and append it to the product's gallery."""
    stem, width, height = image_files.save_image(image)
    position = max((img.position for img in product.images), default=-1) + 1
    row = ProductImage(stem=stem, width=width, height=height, position=position, alt=alt.strip()[:500])
    product.images.append(row)
    db.session.flush()
    return row


def _renumber(product: Product) -> None:
    for pos, img in enumerate(sorted(product.images, key=lambda i: (i.position, i.id))):
        img.position = pos
    product.images.sort(key=lambda i: i.position)


def move_image(product: Product, image_id: int, offset: int) -> None:
    """Move an image earlier (-1) or later (+1) in the gallery."""
    _renumber(product)
    ordered = list(product.images)
    index = next((i for i, img in enumerate(ordered) if img.id == image_id), None)
    if index is None:
        raise ProductError({"image": _l("This image does not belong to the product.")})
    target = index + offset
    if 0 <= target < len(ordered):
        ordered[index].position, ordered[target].position = target, index
        product.images.sort(key=lambda i: i.position)
    db.session.flush()


def delete_image(product: Product, image_id: int) -> None:
    """Remove an image from the gallery and delete its files."""
    img = next((i for i in product.images if i.id == image_id), None)
    if img is None:
        raise ProductError({"image": _l("This image does not belong to the product.")})
    product.images.remove(img)
    db.session.flush()
    image_files.delete_files(img.stem)
    _renumber(product)
    db.session.flush()
