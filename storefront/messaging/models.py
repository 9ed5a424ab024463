"""Conversation tables: one conversation per subject (a product enquiry, an order, a service order), its
participants with what each has read, and messages with their attachments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db


class Conversation(db.Model):
    """A thread between a buyer side and a seller side about one subject; operators may read and write."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What the thread is about and between whom, unique: ``service_order:12``, ``sub_order:7``,
    #: ``product:5:user:9`` (one enquiry thread per buyer and product).
    key: Mapped[str] = mapped_column(String(80), unique=True)
    #: A kind registered in :mod:`storefront.messaging.subjects` (title, link and party names come from it).
    subject_kind: Mapped[str] = mapped_column(String(20), index=True)
    subject_id: Mapped[int] = mapped_column(Integer)
    #: The user who started the thread (rate limit of enquiries to unknown sellers); NULL for migrated threads.
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    #: Time of the newest message (inbox order).
    last_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

    participants: Mapped[list[Participant]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", lazy="selectin"
    )

    def participant(self, user_id: int | None) -> Participant | None:
        """The participant row of a user, or None."""
        return next((p for p in self.participants if p.user_id == user_id), None)


class Participant(db.Model):
    """A user taking part in a conversation, on one side, with the newest message they have read."""

    __tablename__ = "conversation_participants"
    __table_args__ = (UniqueConstraint("conversation_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: The side: buyer, merchant or provider (see :data:`storefront.messaging.operations.PARTIES`).
    party: Mapped[str] = mapped_column(String(10))
    #: Id of the newest message this participant has seen (0: none); unread = newer messages by others.
    last_read_id: Mapped[int] = mapped_column(Integer, default=0)

    conversation: Mapped[Conversation] = relationship(back_populates="participants")
    user = relationship("User", lazy="joined")


class Message(db.Model):
    """One message: text and/or files, written by a participant or an operator."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: The author's side when writing: buyer, merchant, provider or operator.
    party: Mapped[str] = mapped_column(String(10))
    #: Plain text, rendered escaped (never as markup).
    body: Mapped[str] = mapped_column(Text, default="")
    #: The language the author wrote in (their UI language), shown to the reader.
    lang: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())

    author = relationship("User")
    files: Mapped[list[MessageFile]] = relationship(
        order_by="MessageFile.id", lazy="selectin", cascade="all, delete-orphan"
    )


class MessageFile(db.Model):
    """An attachment of a message, checked on upload and stored under DATA_DIR/<folder> with a random name."""

    __tablename__ = "message_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    #: Directory under DATA_DIR: ``message_files``, or ``service_files`` for files moved from service orders.
    folder: Mapped[str] = mapped_column(String(20), default="message_files")
    #: File name as uploaded, for display and download only.
    original_name: Mapped[str] = mapped_column(String(200))
    #: Random name inside the folder.
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
