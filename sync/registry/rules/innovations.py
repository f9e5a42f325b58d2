"""Innovation records: the desktop's validation, the workflow, the registration number.

Workflow on the registry (docs/SYNC.md; jipp_desktop.services.verification):

- create: ``draft``, or ``submitted`` (a record made and submitted before it synced);
- an editor moves draft → submitted and needs_revision → resubmitted (the record must pass the
  submission rules), and verified/rejected → draft (an edit sends a decided record back);
- submitted/resubmitted → verified | needs_revision | rejected happens only by a verification:
  applying one writes its decision (workflow, continuation, last_verified_at,
  continuation_reason) into the innovation under the verifier's account. The device then pushes
  the same decision as an update of the innovation; it is accepted when it comes from a
  verifier or admin who passes the four-eyes rule and its values are the registry's (a no-op,
  ``merged``); while the verification has not arrived it gets ``retry``, and a different
  decision is a conflict (the verification's decision stands).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.domain.validation import validate_innovation
from jipp_desktop.reference.codes import WORKFLOW
from jipp_desktop.services.innovations import EDITORS, UNDER_REVIEW, AwardInput, clean_awards
from jipp_desktop.services.verification import DECISION_FIELDS, VERIFIERS
from sync.registry import store
from sync.registry.clock import today_in_indonesia
from sync.registry.rules.base import (
    Context,
    Rejected,
    Retry,
    Scope,
    four_eyes,
    invalid,
    require_role,
)
from sync.registry.rules.entity import EntityRules
from sync.registry.store import Stored
from sync.registry.wire import canonical

CONTENT = (*(f.name for f in INNOVATION_FIELDS), "awards")
DECIDED = ("verified", "needs_revision", "rejected")
# (before, after) → what the step is
STEPS = {
    ("draft", "submitted"): "submit",
    ("needs_revision", "resubmitted"): "submit",
    ("verified", "draft"): "reopen",
    ("rejected", "draft"): "reopen",
}
# Kept by the registry: a different value in a change is ignored.
SERVER_KEPT = ("created_by", "created_at", "submitted_by")
CHILDREN = ("verification", "replication", "attachment")


def _workflow_refusal(before: str, after: str) -> Rejected:
    return Rejected(
        "workflow",
        f"status alur kerja tidak dapat berubah dari {WORKFLOW.label(before, 'id')} ke "
        f"{WORKFLOW.label(after, 'id')}",
        f"the workflow cannot go from {WORKFLOW.label(before, 'en')} to "
        f"{WORKFLOW.label(after, 'en')}",
    )


class InnovationRules(EntityRules):
    """See the module's docstring."""

    entity = "innovation"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The record's agency, and its region (the agency's when it has none)."""
        region = data.get("region_code")
        if not region and data.get("agency_id"):
            region = ctx.lookup.agency_region(data["agency_id"])[1]
        return Scope(data.get("agency_id"), region)

    def unique_key(self, data: dict[str, Any]) -> str | None:
        """The registration number (a deleted record keeps its number)."""
        return data.get("registration_number") or None

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A new record: draft or submitted, valid, numbered."""
        require_role(ctx, *EDITORS)
        workflow = data.get("workflow") or "draft"
        if workflow not in ("draft", "submitted"):
            raise _workflow_refusal("draft", workflow)
        data["workflow"] = workflow
        data["created_by"] = data.get("created_by") or ctx.author_id
        data["created_at"] = data.get("created_at") or canonical(ctx.change.made_at)
        data["submitted_by"] = ctx.author_id if workflow == "submitted" else None
        data["last_verified_at"] = None
        data["awards"] = data.get("awards") or []
        self._validate(ctx, None, data, set(CONTENT), submit=workflow == "submitted")
        self._number(ctx, data, changed)

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """A change of fields, of the workflow, or the echo of a verification's decision."""
        before = stored.data
        for name in SERVER_KEPT:
            if name in changed:
                data[name] = before.get(name)
                changed.discard(name)
        if "registration_number" in changed and not data.get("registration_number"):
            # A national number once given stays: clearing it on a device changes nothing.
            data["registration_number"] = before.get("registration_number")
            changed.discard("registration_number")
        sent = ctx.change.fields.get("workflow")
        if sent is not None and sent.new in DECIDED and sent.new != sent.old:
            self._decision_echo(ctx, stored, changed)
            return
        was = before.get("workflow") or "draft"
        if "last_verified_at" in changed:
            raise Rejected(
                "workflow",
                "waktu verifikasi terakhir hanya diisi oleh verifikasi",
                "the last verification time is set by a verification only",
            )
        submit = False
        if "workflow" in changed:
            step = STEPS.get((was, data["workflow"]))
            if step is None:
                raise _workflow_refusal(was, data["workflow"])
            require_role(ctx, *EDITORS)
            if step == "submit":
                submit = True
                data["submitted_by"] = ctx.author_id
                changed.add("submitted_by")
        content = changed & set(CONTENT)
        if content:
            require_role(ctx, *EDITORS)
            if was in UNDER_REVIEW:
                raise Rejected(
                    "under_review",
                    "inovasi sedang diverifikasi dan tidak dapat diubah",
                    "the innovation is under verification and cannot be edited",
                )
            if was in ("verified", "rejected") and data["workflow"] == was:
                data["workflow"] = "draft"
                changed.add("workflow")
        if content or submit:
            self._validate(ctx, stored, data, content, submit=submit)
            self._number(ctx, data, changed)
            for name in list(content):
                if data.get(name) == before.get(name):
                    changed.discard(name)
        new_scope = self.scope(ctx, data)
        if (new_scope.agency_id, new_scope.region_code) != (stored.agency_id, stored.region_code):
            self._move_children(ctx, stored.id, new_scope)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """A tombstone; its verifications and replications go with it (as on the desktop)."""
        require_role(ctx, *EDITORS)
        if stored.data.get("workflow") in UNDER_REVIEW and ctx.account.role != "admin":
            raise Rejected(
                "under_review",
                "inovasi sedang diverifikasi; hanya admin yang dapat menghapusnya",
                "the innovation is under verification; only an admin can delete it",
            )
        for child in store.children(
            ctx.connection, stored.id, ("verification", "replication"), lock=True
        ):
            ctx.extra_writes.append(
                store.successor(
                    child, deleted=True, audit=[store.AuditEntry("delete", None, None, None)]
                )
            )

    def _decision_echo(self, ctx: Context, stored: Stored, changed: set[str]) -> None:
        """The device's copy of a verification's decision (see the module's docstring)."""
        require_role(ctx, *VERIFIERS)
        four_eyes(ctx, stored)
        if changed - set(DECISION_FIELDS):
            raise Rejected(
                "workflow",
                "keputusan verifikasi tidak dapat dikirim bersama perubahan isi",
                "a verification decision cannot come with changes of the content",
            )
        if changed:
            if stored.data.get("workflow") in UNDER_REVIEW:
                raise Retry(
                    "verification_pending",
                    "verifikasinya belum diterima registri; kirim ulang setelah verifikasi "
                    "terkirim",
                    "the registry has not received the verification yet; send again after it",
                )
            raise _workflow_refusal(
                stored.data.get("workflow") or "draft", ctx.change.fields["workflow"].new
            )

    def _validate(
        self,
        ctx: Context,
        stored: Stored | None,
        data: dict[str, Any],
        fields: set[str],
        *,
        submit: bool,
    ) -> None:
        """The desktop's rules on the whole record; the cleaned values of ``fields`` kept."""
        values = {f.name: data.get(f.name) for f in INNOVATION_FIELDS}
        cleaned, errors = validate_innovation(
            values,
            ctx.lookup,
            submit=submit,
            record_id=ctx.change.record_id,
            today=today_in_indonesia(),
        )
        if "awards" in fields:
            awards, award_errors = _awards(data.get("awards"))
            errors += award_errors
            cleaned["awards"] = awards
        number = cleaned.get("registration_number")
        if number:
            owner = store.unique_owner(ctx.connection, "innovation", number)
            if owner not in (None, ctx.change.record_id):
                errors.append(
                    FieldError(
                        "registration_number",
                        f"nomor registrasi {number} sudah dipakai inovasi lain",
                        f"registration number {number} is already used by another innovation",
                    )
                )
        if errors:
            raise invalid(errors)
        for name in fields:
            if name in cleaned:
                data[name] = canonical(cleaned[name])

    def _number(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """Gives a record without a registration number the next national one."""
        if data.get("registration_number"):
            return
        year = date.today().year
        while True:
            n = store.next_number(ctx.connection, f"registration:{year}", ctx.batch)
            number = f"JIPP-{year}-{n:06d}"
            if store.unique_owner(ctx.connection, "innovation", number) is None:
                break
        data["registration_number"] = number
        changed.add("registration_number")

    def _move_children(self, ctx: Context, innovation_id: str, scope: Scope) -> None:
        """Children follow their innovation to its new agency or region (and are pulled
        again, by the accounts of the new scope)."""
        for child in store.children(ctx.connection, innovation_id, CHILDREN, lock=True):
            write = store.successor(child)
            write.revision = child.revision
            write.agency_id, write.region_code = scope.agency_id, scope.region_code
            ctx.extra_writes.append(write)


def _awards(awards: Any) -> tuple[list[dict[str, Any]], list[FieldError]]:
    """The competition history cleaned and checked by the desktop's rules, after its shape."""
    shape = FieldError(
        "awards",
        "riwayat kompetisi harus berupa daftar {year, competition, stage_reached}",
        "the competition history must be a list of {year, competition, stage_reached}",
    )
    if awards is None:
        return [], []
    if not isinstance(awards, list):
        return [], [shape]
    items = []
    for a in awards:
        if (
            not isinstance(a, dict)
            or set(a) - {"year", "competition", "stage_reached"}
            or not isinstance(a.get("year"), int)
            or not isinstance(a.get("competition"), str)
            or not isinstance(a.get("stage_reached"), str)
        ):
            return [], [shape]
        items.append(AwardInput(a["year"], a["competition"], a["stage_reached"]))
    cleaned, errors = clean_awards(items)
    return [
        {"year": a.year, "competition": a.competition, "stage_reached": a.stage_reached}
        for a in cleaned
    ], errors
