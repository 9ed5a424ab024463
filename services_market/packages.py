"""Package operations for providers: create and edit packages (texts, tiers, languages, images)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from flask import abort, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from services_market.constants import (
    CATEGORIES,
    MAX_DELIVERABLES,
    MAX_DELIVERY_DAYS,
    MAX_PRICE_FEN,
    MAX_REVISIONS,
    MAX_TEXT,
    SPOKEN_LANGUAGES,
    TIER_LEVELS,
)
from services_market.models import Package, PackageImage, PackageLanguage, PackageText, Provider, Tier
from storefront.catalog.images import ImageRejected, delete_files, open_upload, save_image
from storefront.core import audit
from storefront.core.locales import LANGS
from storefront.core.uploads import UploadRejected, read_limited
from storefront.extensions import db

#: Most images per package.
MAX_IMAGES = 6
#: Package fields recorded in the audit log when an operator moderates.
MODERATION_FIELDS = ("moderated_hidden", "moderation_reason")


class PackageError(ValueError):
    """A package change the rules refuse; ``message`` is translatable."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class TierData:
    """One tier as typed: level, price in fen, delivery days, revisions, deliverables per language."""

    level: str
    price_fen: int | None
    delivery_days: int | None
    revisions: int | None
    deliverables: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class PackageData:
    """A package as typed in the provider's form."""

    category: str = ""
    #: {lang: (title, description)}
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    tiers: list[TierData] = field(default_factory=list)
    published: bool = False

    def normalized(self) -> PackageData:
        """Trimmed texts, known languages only, empty deliverable lines dropped."""
        texts = {}
        for lang, (title, description) in self.texts.items():
            title, description = (title or "").strip(), (description or "").strip()
            if lang in LANGS and (title or description):
                texts[lang] = (title, description)
        tiers = []
        for t in self.tiers:
            lists = {
                lang: [line.strip() for line in items if line and line.strip()]
                for lang, items in t.deliverables.items()
                if lang in LANGS
            }
            tiers.append(
                TierData(t.level, t.price_fen, t.delivery_days, t.revisions, {k: v for k, v in lists.items() if v})
            )
        languages = [code for code in SPOKEN_LANGUAGES if code in set(self.languages)]
        return PackageData(self.category, texts, languages, tiers, self.published)


def check(data: PackageData) -> dict[str, object]:
    """Field → message for every rule the package breaks."""
    errors: dict[str, object] = {}
    if data.category not in CATEGORIES:
        errors["category"] = _l("Choose a service category.")
    zh = data.texts.get("zh")
    if not zh or not zh[0]:
        errors["title_zh"] = _l("Enter the title in Chinese: it is required and shown when a translation is missing.")
    for lang, (title, description) in data.texts.items():
        if not title:
            errors[f"title_{lang}"] = _l("Enter a title, or leave the description empty too.")
        elif len(title) > 200:
            errors[f"title_{lang}"] = _l("Use at most 200 characters.")
        if len(description) > MAX_TEXT:
            errors[f"description_{lang}"] = _l("Use at most %(n)s characters.", n=MAX_TEXT)
    if not data.languages:
        errors["languages"] = _l("Choose at least one language the service is delivered in.")
    if not data.tiers:
        errors["tiers"] = _l("Offer at least one tier.")
    levels = [t.level for t in data.tiers]
    if len(set(levels)) != len(levels) or any(level not in TIER_LEVELS for level in levels):
        errors["tiers"] = _l("Each tier level can be used once.")
    for t in data.tiers:
        errors.update(_check_tier(t))
    return errors


def _check_tier(t: TierData) -> dict[str, object]:
    errors: dict[str, object] = {}
    if t.price_fen is None or not 0 < t.price_fen <= MAX_PRICE_FEN:
        errors[f"{t.level}_price"] = _l("Enter a price above zero, for example 800 or 1200.50.")
    if t.delivery_days is None or not 0 < t.delivery_days <= MAX_DELIVERY_DAYS:
        errors[f"{t.level}_days"] = _l("Enter the delivery time in days (1–%(max)s).", max=MAX_DELIVERY_DAYS)
    if t.revisions is None or not 0 <= t.revisions <= MAX_REVISIONS:
        errors[f"{t.level}_revisions"] = _l("Enter the number of revisions (0–%(max)s).", max=MAX_REVISIONS)
    if not t.deliverables.get("zh"):
        errors[f"{t.level}_deliverables_zh"] = _l("List the deliverables in Chinese, one per line.")
    if any(len(items) > MAX_DELIVERABLES or any(len(i) > 200 for i in items) for items in t.deliverables.values()):
        errors[f"{t.level}_deliverables_zh"] = _l("Use at most %(n)s lines of 200 characters.", n=MAX_DELIVERABLES)
    return errors


def own_package(provider: Provider, package_id: int) -> Package:
    """One of the provider's packages, or 404."""
    stmt = select(Package).where(Package.id == package_id, Package.provider_id == provider.id)
    return db.session.scalars(stmt).first() or abort(404)


def _apply(package: Package, data: PackageData) -> None:
    package.category, package.published = data.category, data.published
    for lang, (title, description) in data.texts.items():
        text = package.texts.get(lang) or PackageText(locale=lang)
        text.title, text.description = title, description
        package.texts[lang] = text
    for lang in set(package.texts) - set(data.texts):
        del package.texts[lang]
    have_langs = {row.lang: row for row in package.language_rows}
    for lang in set(have_langs) - set(data.languages):
        package.language_rows.remove(have_langs[lang])
    for lang in data.languages:
        if lang not in have_langs:
            package.language_rows.append(PackageLanguage(lang=lang))
    wanted = {t.level: t for t in data.tiers}
    for tier in list(package.tiers):
        if tier.level not in wanted:
            package.tiers.remove(tier)
    have = {t.level: t for t in package.tiers}
    for t in data.tiers:
        tier = have.get(t.level) or Tier(level=t.level)
        tier.position = TIER_LEVELS.index(t.level)
        tier.price_fen, tier.delivery_days, tier.revisions = t.price_fen, t.delivery_days, t.revisions
        tier.deliverables = {k: list(v) for k, v in t.deliverables.items()}
        if t.level not in have:
            package.tiers.append(tier)
    package.tiers.sort(key=lambda tier: tier.position)
    refresh_summary(package)


def refresh_summary(package: Package) -> None:
    """Keep the cheapest price and fastest delivery in step with the tiers."""
    package.min_price_fen = min((t.price_fen for t in package.tiers), default=0)
    package.min_delivery_days = min((t.delivery_days for t in package.tiers), default=0)


def create_package(provider: Provider, data: PackageData, key: str | None = None) -> Package:
    """Add a package to a provider's catalogue (flushes)."""
    data = data.normalized()
    if check(data):
        raise PackageError(_l("The package has errors."))
    package = Package(provider_id=provider.id, key=key, rating_sum=0, rating_count=0, completed_count=0)
    db.session.add(package)
    _apply(package, data)
    db.session.flush()
    return package


def update_package(package: Package, data: PackageData) -> Package:
    """Change a package; orders already placed keep their snapshot (flushes)."""
    data = data.normalized()
    if check(data):
        raise PackageError(_l("The package has errors."))
    _apply(package, data)
    db.session.flush()
    return package


def set_published(package: Package, published: bool) -> None:
    """Show or hide a package."""
    package.published = published
    db.session.flush()


def moderate_hide(package: Package, operator, reason: str) -> None:
    """Operator hides a package with a reason its provider sees (audited); the provider cannot undo it."""
    reason = (reason or "").strip()
    if not reason:
        raise PackageError(_l("Give a reason the provider will see."))
    before = audit.snapshot(package, *MODERATION_FIELDS)
    package.moderated_hidden, package.moderation_reason = True, reason
    db.session.flush()
    audit.record(operator, "package.hide", package, before, audit.snapshot(package, *MODERATION_FIELDS))


def moderate_restore(package: Package, operator) -> None:
    """Operator lifts a moderation hide (audited); the package is public again if published."""
    before = audit.snapshot(package, *MODERATION_FIELDS)
    package.moderated_hidden, package.moderation_reason = False, ""
    db.session.flush()
    audit.record(operator, "package.restore", package, before, audit.snapshot(package, *MODERATION_FIELDS))


def add_image(package: Package, storage) -> PackageImage:
    """Check an uploaded image by content and size and store its thumbnails."""
    if len(package.images) >= MAX_IMAGES:
        raise PackageError(_l("A package can have at most %(n)s images.", n=MAX_IMAGES))
    if storage is None or not getattr(storage, "filename", ""):
        raise PackageError(_l("Choose a file to upload."))
    try:
        data = read_limited(storage.stream, current_app.config["IMAGE_MAX_BYTES"])
        image = open_upload(io.BytesIO(data))
    except UploadRejected as exc:
        raise PackageError(exc.message) from exc
    except ImageRejected as exc:
        raise PackageError(_l("This file is not a JPEG, PNG or WebP image.")) from exc
    stem, width, height = save_image(image)
    row = PackageImage(stem=stem, width=width, height=height, position=len(package.images))
    package.images.append(row)
    db.session.flush()
    return row


def delete_image(package: Package, image_id: int) -> None:
    """Remove one of the package's images and its files."""
    image = next((i for i in package.images if i.id == image_id), None) or abort(404)
    package.images.remove(image)
    db.session.flush()
    delete_files(image.stem)
