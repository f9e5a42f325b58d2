"""Attachment files the sync moves: those the registry may lack (named by attachments waiting
to be pushed) and those this device lacks (named by live attachments)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Attachment, OutboxChange
from jipp_desktop.services.attachments import blob_path


def files_to_upload(session: Session) -> list[str]:
    """The SHA-256 of the files of attachments waiting to be pushed (not deletions)."""
    query = (
        select(Attachment.sha256)
        .join(
            OutboxChange,
            (OutboxChange.entity == "attachment") & (OutboxChange.record_id == Attachment.id),
        )
        .where(OutboxChange.operation != "delete", Attachment.deleted_at.is_(None))
        .distinct()
    )
    return sorted(session.scalars(query))


def files_to_download(session: Session, folder: Path) -> list[str]:
    """The SHA-256 of live attachments whose file is not in the store's folder."""
    hashes = session.scalars(
        select(Attachment.sha256).where(Attachment.deleted_at.is_(None)).distinct()
    )
    return sorted(h for h in hashes if not blob_path(folder, h).exists())
