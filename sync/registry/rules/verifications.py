"""Verifications: a verifier's decision, applied to its innovation in the same transaction.

The checks are the desktop's (jipp_desktop.services.verification): a verifier or admin, the
four-eyes rule, the record waiting for verification, outcome/method/continuation from the code
lists, notes for the outcomes that need them, a duplicate naming another innovation. A decision
stands once made: only its notes may change later; it is deleted with its innovation.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.services.innovations import UNDER_REVIEW
from jipp_desktop.services.verification import (
    OUTCOME_EFFECT,
    VERIFIERS,
    VerificationInput,
    check_decision,
)
from sync.registry import store
from sync.registry.rules.base import (
    Context,
    RegistryLookup,
    Rejected,
    Scope,
    four_eyes,
    invalid,
    live_or_refuse,
    require_role,
)
from sync.registry.rules.entity import EntityRules
from sync.registry.store import Stored
from sync.registry.wire import canonical

MUTABLE = ("notes",)


class _ExistsProbe:
    """Stands in for the desktop's session in ``verification.check_decision``: the one question
    it asks a session there is whether the innovation a duplicate names exists."""

    def __init__(self, found: bool) -> None:
        self._found = found

    def scalar(self, _query: object) -> str | None:
        """The found id (any text) or None, as ``Session.scalar`` answers."""
        return "found" if self._found else None


def input_errors(
    data: dict[str, Any], innovation_id: str, lookup: RegistryLookup
) -> list[FieldError]:
    """The desktop's own checks of a decision as entered (verification.check_decision)."""
    other = data.get("duplicate_of_id")
    probe = _ExistsProbe(isinstance(other, str) and lookup.innovation_exists(other))
    entered = VerificationInput(
        outcome=data.get("outcome") or "",
        method=data.get("method") or "",
        notes=data.get("notes") or "",
        continuation=data.get("continuation"),
        duplicate_of_id=other,
    )
    try:
        check_decision(probe, SimpleNamespace(id=innovation_id), entered)  # type: ignore[arg-type]
    except ValidationFailed as failed:
        return list(failed.errors)
    return []


class VerificationRules(EntityRules):
    """See the module's docstring."""

    entity = "verification"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The innovation's scope."""
        innovation = live_or_refuse(
            ctx, "innovation", data.get("innovation_id"), "inovasi", "innovation", lock=True
        )
        return Scope(innovation.agency_id, innovation.region_code, innovation.id)

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A decision: checked, then written into its innovation."""
        require_role(ctx, *VERIFIERS)
        innovation = ctx.lookup.live("innovation", data["innovation_id"])
        assert innovation is not None  # scope() refused a missing one (and locked it)
        four_eyes(ctx, innovation)
        workflow = innovation.data.get("workflow")
        if workflow not in UNDER_REVIEW:
            raise Rejected(
                "workflow",
                "inovasi tidak sedang menunggu verifikasi",
                "the record is not waiting for verification",
            )
        if data.get("verifier_id") not in (None, ctx.author_id):
            raise invalid(
                [
                    FieldError(
                        "verifier_id",
                        "verifikator harus petugas yang mengirim perubahan ini",
                        "the verifier must be the officer who made this change",
                    )
                ]
            )
        errors = input_errors(data, innovation.id, ctx.lookup)
        if errors:
            raise invalid(errors)
        outcome = data["outcome"]
        after, implied = OUTCOME_EFFECT[outcome]
        notes = (data.get("notes") or "").strip()
        data["verifier_id"] = ctx.author_id
        data["verified_at"] = data.get("verified_at") or canonical(ctx.change.made_at)
        data["continuation"] = data.get("continuation") or implied
        data["notes"] = notes or None
        if outcome != "duplicate":
            data["duplicate_of_id"] = None
        decision: dict[str, Any] = {"workflow": after}
        if after == "verified":
            decision["continuation"] = data["continuation"] or "unknown"
            decision["last_verified_at"] = data["verified_at"]
            if outcome == "valid_stopped":
                decision["continuation_reason"] = notes
        decision = {k: v for k, v in decision.items() if innovation.data.get(k) != v}
        ctx.extra_writes.append(
            store.successor(
                innovation,
                changes=decision,
                audit=[
                    store.AuditEntry("update", k, innovation.data.get(k), v)
                    for k, v in decision.items()
                ],
            )
        )

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """Only the notes of a decision may change."""
        fixed = changed - set(MUTABLE)
        if fixed:
            raise Rejected(
                "immutable",
                "keputusan verifikasi tidak dapat diubah (hanya catatannya): "
                + ", ".join(sorted(fixed)),
                "a verification decision cannot be changed (only its notes): "
                + ", ".join(sorted(fixed)),
            )
        require_role(ctx, *VERIFIERS)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """An admin's (the registry deletes a verification with its innovation itself)."""
        require_role(ctx, "admin")
