"""Supporting documents of company filings, stored under DATA_DIR/documents (never under static/)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.core.uploads import CheckedUpload, storage_name
from storefront.extensions import db

#: Owner kinds a document can belong to (providers plug in with their own kind).
MERCHANT = "merchant"


class Document(db.Model):
    """An uploaded supporting document (business licence, customs registration, …)."""

    __tablename__ = "filing_documents"
    __table_args__ = (Index("ix_filing_documents_owner", "owner_kind", "owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What kind of filing owns it: ``merchant`` (``provider`` later).
    owner_kind: Mapped[str] = mapped_column(String(20))
    #: Primary key of the owning filing (merchant id, …).
    owner_id: Mapped[int] = mapped_column(Integer)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: File name as uploaded, for display and download only.
    original_name: Mapped[str] = mapped_column(String(200))
    #: Random name of the file under DATA_DIR/documents.
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


def documents_dir() -> Path:
    """Directory holding the documents (created on first use)."""
    path = Path(current_app.config["DATA_DIR"]) / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def document_path(doc: Document) -> Path:
    """Where a document's file lives."""
    return documents_dir() / doc.stored_name


def save_document(owner_kind: str, owner_id: int, upload: CheckedUpload, uploader) -> Document:
    """Write a checked upload to disk and add its row (flushes)."""
    doc = Document(
        owner_kind=owner_kind,
        owner_id=owner_id,
        uploaded_by_id=getattr(uploader, "id", None),
        original_name=upload.original_name,
        stored_name=storage_name(upload.kind),
        content_type=upload.kind.content_type,
        size=upload.size,
        sha256=upload.sha256,
    )
    document_path(doc).write_bytes(upload.data)
    db.session.add(doc)
    db.session.flush()
    return doc


def documents_of(owner_kind: str, owner_id: int) -> list[Document]:
    """A filing's documents, oldest first."""
    stmt = (
        select(Document).where(Document.owner_kind == owner_kind, Document.owner_id == owner_id).order_by(Document.id)
    )
    return list(db.session.scalars(stmt))


def get_document(owner_kind: str, owner_id: int, doc_id: int) -> Document | None:
    """One document of one filing (None when it belongs to someone else)."""
    stmt = select(Document).where(
        Document.id == doc_id, Document.owner_kind == owner_kind, Document.owner_id == owner_id
    )
    return db.session.scalars(stmt).first()


def delete_document(doc: Document) -> None:
    """Remove a document row and its file."""
    path = document_path(doc)
    db.session.delete(doc)
    db.session.flush()
    path.unlink(missing_ok=True)
