"""Replications and attachments: records that belong to an innovation and share its scope.

Replications follow the desktop's steps (services.replications.NEXT); attachments name a file
by its SHA-256, which must have been uploaded first (else ``retry``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.reference.codes import REPLICATION_STATUS
from jipp_desktop.services.attachments import OWNER_KINDS
from jipp_desktop.services.innovations import EDITORS
from jipp_desktop.services.replications import NEXT
from sync.registry import models
from sync.registry.rules.base import (
    Context,
    Rejected,
    Retry,
    Scope,
    invalid,
    live_or_refuse,
    require_role,
    text_of,
)
from sync.registry.rules.entity import EntityRules
from sync.registry.store import Stored
from sync.registry.wire import canonical


def _fixed(changed: set[str], fixed: tuple[str, ...]) -> None:
    moved = sorted(changed & set(fixed))
    if moved:
        raise Rejected(
            "immutable",
            "kolom ini tidak dapat diubah setelah dibuat: " + ", ".join(moved),
            "these fields cannot change once made: " + ", ".join(moved),
        )


class ReplicationRules(EntityRules):
    """Another agency adopting an innovation: waiting → agreed → implemented (or refused)."""

    entity = "replication"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The source innovation's scope."""
        source = live_or_refuse(
            ctx, "innovation", data.get("source_innovation_id"), "inovasi asal", "source innovation"
        )
        return Scope(source.agency_id, source.region_code, source.id)

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A new replication (it may already be past waiting when made offline)."""
        require_role(ctx, *EDITORS)
        data["status"] = data.get("status") or "waiting"
        data["interest_date"] = data.get("interest_date") or date.today().isoformat()
        self._check(ctx, data)

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """A step along the replication's statuses, or a change of its details."""
        require_role(ctx, *EDITORS)
        _fixed(changed, ("source_innovation_id", "adopting_agency_id"))
        before, after = stored.data.get("status"), data.get("status")
        if "status" in changed and after not in NEXT.get(before or "", ()):
            raise Rejected(
                "workflow",
                "status replikasi tidak dapat berubah dari "
                f"{REPLICATION_STATUS.label(before, 'id')} ke "
                f"{REPLICATION_STATUS.label(after, 'id')}",
                f"a replication cannot go from {REPLICATION_STATUS.label(before, 'en')} to "
                f"{REPLICATION_STATUS.label(after, 'en')}",
            )
        self._check(ctx, data)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """An editor's."""
        require_role(ctx, *EDITORS)

    def _check(self, ctx: Context, data: dict[str, Any]) -> None:
        errors: list[FieldError] = []
        source = live_or_refuse(
            ctx, "innovation", data.get("source_innovation_id"), "inovasi asal", "source innovation"
        )
        adopting = data.get("adopting_agency_id")
        if not adopting or not ctx.lookup.agency_region(adopting)[0]:
            errors.append(
                FieldError("adopting_agency_id", "instansi tidak ditemukan", "agency not found")
            )
        elif adopting == source.data.get("agency_id"):
            errors.append(
                FieldError(
                    "adopting_agency_id",
                    "instansi tidak dapat mereplikasi inovasinya sendiri",
                    "an agency cannot replicate its own innovation",
                )
            )
        if data.get("status") not in REPLICATION_STATUS:
            errors.append(FieldError("status", "status tidak dikenal", "unknown status"))
        data["agreement_number"] = text_of(data, "agreement_number") or None
        if data.get("status") == "agreed" and not data["agreement_number"]:
            errors.append(
                FieldError(
                    "agreement_number",
                    "nomor bukti kesepakatan wajib diisi",
                    "the agreement's number is required",
                )
            )
        if errors:
            raise invalid(errors)
        data["notes"] = (data.get("notes") or "").strip() or None


class AttachmentRules(EntityRules):
    """Evidence files of an innovation or of a verification."""

    entity = "attachment"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The owning innovation's scope (a verification's innovation for its evidence)."""
        kind = data.get("owner_kind")
        if kind not in OWNER_KINDS:
            raise invalid(
                [
                    FieldError(
                        "owner_kind",
                        "pemilik lampiran harus inovasi atau verifikasi",
                        "the owner must be an innovation or a verification",
                    )
                ]
            )
        what = ("inovasi", "innovation") if kind == "innovation" else ("verifikasi", "verification")
        owner = live_or_refuse(ctx, kind, data.get("owner_id"), *what)
        return Scope(owner.agency_id, owner.region_code, owner.parent_id or owner.id)

    def file_sha256(self, data: dict[str, Any]) -> str | None:
        """The file the record names."""
        return data.get("sha256")

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A new attachment: its file must be in the registry already."""
        roles = EDITORS + (("verifier",) if data.get("owner_kind") == "verification" else ())
        require_role(ctx, *roles)
        data["added_by"] = data.get("added_by") or ctx.author_id
        data["added_at"] = data.get("added_at") or canonical(ctx.change.made_at)
        self._check(ctx, data)

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """Only its name and media type may change."""
        _fixed(changed, ("owner_kind", "owner_id", "sha256", "size", "added_by", "added_at"))
        require_role(ctx, "operator", "verifier", "admin")
        self._check(ctx, data)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """Any role in scope (the file stays: other records may name it)."""
        require_role(ctx, "operator", "verifier", "admin")

    def _check(self, ctx: Context, data: dict[str, Any]) -> None:
        errors: list[FieldError] = []
        sha = data.get("sha256")
        if not isinstance(sha, str) or len(sha) != 64 or set(sha) - set("0123456789abcdef"):
            errors.append(FieldError("sha256", "sidik SHA-256 tidak sah", "not a SHA-256 digest"))
        for name in ("original_name", "media_type"):
            if not text_of(data, name):
                errors.append(FieldError(name, "wajib diisi", "is required"))
        if errors:
            raise invalid(errors)
        size = ctx.connection.scalar(
            select(models.attachments.c.size).where(models.attachments.c.sha256 == sha)
        )
        if size is None:
            raise Retry(
                "file_missing",
                "berkas lampiran belum diunggah; unggah berkasnya lalu kirim ulang",
                "the attachment's file has not been uploaded; upload it and send again",
            )
        if data.get("size") not in (None, size):
            raise invalid(
                [
                    FieldError(
                        "size",
                        f"ukuran tidak cocok dengan berkas yang diunggah ({size} bita)",
                        f"the size does not match the uploaded file ({size} bytes)",
                    )
                ]
            )
        data["size"] = size
