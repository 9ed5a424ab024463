"""Legal and help pages as the operator edited them (until edited, a page shows its shipped default text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db


class HelpPage(db.Model):
    """The operator's text of one page, per language."""

    __tablename__ = "help_pages"

    #: One of :data:`storefront.legal.pages.SLUGS`.
    slug: Mapped[str] = mapped_column(String(20), primary_key=True)
    #: Title per language ({"ru": "...", ...}); a missing language falls back like other content.
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Plain text per language: paragraphs separated by blank lines, "## " starts a heading.
    bodies: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
