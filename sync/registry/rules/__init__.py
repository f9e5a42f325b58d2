"""Each entity's rules on the registry, reusing the desktop's (jipp_desktop.domain and the
services' pure checks)."""

from __future__ import annotations

from sync.registry.rules.children import AttachmentRules, ReplicationRules
from sync.registry.rules.entity import EntityRules
from sync.registry.rules.innovations import InnovationRules
from sync.registry.rules.references import AgencyRules, CommitmentRules, HubRules
from sync.registry.rules.verifications import VerificationRules

RULES: dict[str, EntityRules] = {
    r.entity: r
    for r in (
        AgencyRules(),
        HubRules(),
        InnovationRules(),
        VerificationRules(),
        ReplicationRules(),
        CommitmentRules(),
        AttachmentRules(),
    )
}
