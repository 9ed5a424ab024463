"""Folder transport: ``<guid>.xml`` files into a send directory, receipts from a receive directory.

This is how a local e-port client (中国电子口岸客户端) exchanges messages. A receipt file is claimed by an
atomic rename into ``processing/`` (so several workers never take the same file), then moved to the archive
once it is stored, or to quarantine when it cannot be read. A file left in ``processing/`` by a worker that
died is put back after ``stale_seconds``.
"""

from __future__ import annotations

import logging
import os
import stat
import time
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from storefront.clearance.envelope import Envelope, EnvelopeError
from storefront.clearance.transports.base import Incoming, Outgoing, TransportError, enclose

log = logging.getLogger(__name__)
#: Receipts larger than this are quarantined unread.
MAX_RECEIPT_BYTES = 10 * 1024 * 1024


def _read_regular(path: Path) -> bytes:
    """Read a regular file without following links (bytes beyond the limit: quarantined unread, as empty)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
            raise OSError(f"{path.name} is not a plain file of the receive directory")
        data = fh.read(MAX_RECEIPT_BYTES + 1)
    return data if len(data) <= MAX_RECEIPT_BYTES else b""


class FolderTransport:
    """Send and receive through directories."""

    name = "folder"

    def __init__(
        self,
        send_dir: str | os.PathLike[str],
        receive_dir: str | os.PathLike[str],
        archive_dir: str | os.PathLike[str],
        quarantine_dir: str | os.PathLike[str],
        *,
        stale_seconds: float = 300,
        envelope: Envelope | None = None,
    ) -> None:
        self.envelope = envelope
        self.send_dir = Path(send_dir)
        self.receive_dir = Path(receive_dir)
        self.archive_dir = Path(archive_dir)
        self.quarantine_dir = Path(quarantine_dir)
        self.processing_dir = self.receive_dir / "processing"
        self.stale_seconds = stale_seconds

    @classmethod
    def from_config(cls, config: Mapping) -> FolderTransport:
        """Directories from ``CLEARANCE_SEND_DIR`` … (defaults under ``DATA_DIR/eport``)."""
        base = Path(config["DATA_DIR"]) / "eport"

        def folder(key: str, default: str) -> Path:
            return Path(config.get(key) or base / default)

        return cls(
            folder("CLEARANCE_SEND_DIR", "send"),
            folder("CLEARANCE_RECEIVE_DIR", "receive"),
            folder("CLEARANCE_ARCHIVE_DIR", "archive"),
            folder("CLEARANCE_QUARANTINE_DIR", "quarantine"),
            stale_seconds=float(config.get("CLEARANCE_LEASE_SECONDS", 300)),
            envelope=Envelope.from_config(config),
        )

    def send(self, message: Outgoing) -> None:
        """Write ``<guid>.xml`` atomically, in its DxpMsg envelope (a re-send overwrites the same file)."""
        data = enclose(self.envelope, message)
        try:
            self.send_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.send_dir / f".{message.guid}.{uuid.uuid4().hex}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.send_dir / f"{message.guid}.xml")
        except OSError as exc:
            raise TransportError(f"cannot write to {self.send_dir}: {exc}") from exc

    def _recover_stale(self) -> None:
        """Put back files a dead worker left in processing/."""
        if not self.processing_dir.is_dir():
            return
        limit = time.time() - self.stale_seconds
        for path in self.processing_dir.iterdir():
            try:
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                    os.rename(path, self.receive_dir / path.name)
            except OSError:
                continue  # another worker moved it

    def receive(self) -> Iterator[Incoming]:
        """Claim and yield every receipt file in the receive directory (oldest name first)."""
        if not self.receive_dir.is_dir():
            return
        self.processing_dir.mkdir(parents=True, exist_ok=True)
        self._recover_stale()
        for path in sorted(self.receive_dir.iterdir()):
            if path.name.startswith(".") or path.name.endswith(".tmp"):
                continue
            try:
                info = os.lstat(path)
            except OSError:
                continue  # another worker claimed it
            if stat.S_ISLNK(info.st_mode) or (stat.S_ISREG(info.st_mode) and info.st_nlink > 1):
                self._refuse(path, "a link (it could point outside the receive directory)")
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            claimed = self.processing_dir / path.name
            try:
                os.rename(path, claimed)
                os.utime(claimed, follow_symlinks=False)
            except OSError:
                continue  # another worker claimed it
            try:
                data = _read_regular(claimed)
                if self.envelope is not None:
                    data = self.envelope.unwrap(data)
            except (OSError, EnvelopeError) as exc:
                log.warning("cannot read receipt %s: %s", claimed, exc)
                self._done(claimed, False)
                continue
            yield Incoming(path.name, data, partial(self._done, claimed))

    def _refuse(self, path: Path, why: str) -> None:
        """Move a file the transport will not read (the link itself, never its target) to quarantine."""
        log.warning("refusing receipt %s: %s", path, why)
        self.quarantine_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        try:
            os.replace(path, self.quarantine_dir / f"{stamp}-{uuid.uuid4().hex[:6]}-refused-{path.name}")
        except OSError as exc:
            log.error("cannot move refused receipt %s: %s", path, exc)

    def _done(self, claimed: Path, ok: bool) -> None:
        """Move a processed file to the archive (ok) or to quarantine."""
        target_dir = self.archive_dir if ok else self.quarantine_dir
        target_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = target_dir / f"{stamp}-{uuid.uuid4().hex[:6]}-{claimed.name}"
        try:
            os.replace(claimed, target)
        except OSError as exc:
            log.error("cannot move receipt %s to %s: %s", claimed, target_dir, exc)
