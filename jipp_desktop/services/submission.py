"""Saving an innovation as the officer entered it — as a draft, or submitted for verification in
the same step — in one use case (the form's save and "save and submit")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from jipp_desktop.services.innovations import AwardInput, create_innovation, update_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.verification import submit


@dataclass(frozen=True)
class SavedInnovation:
    """The stored record: its id and workflow state after the save."""

    id: str
    workflow: str


def save_innovation(
    session: Session,
    actor: Actor,
    innovation_id: str | None,
    values: Mapping[str, Any],
    awards: Sequence[AwardInput],
    *,
    then_submit: bool = False,
) -> SavedInnovation:
    """Creates (``innovation_id`` None) or updates a record with every field the form shows,
    and with ``then_submit`` sends it for verification, all in the caller's transaction.

    Raises:
        ValidationFailed: a field breaks a rule (for a submit, also the rules of a complete
            record); nothing is stored.
        ServiceError: the officer may not, or the record is under verification.
    """
    if innovation_id is None:
        record = create_innovation(session, actor, values, awards)
    else:
        record = update_innovation(session, actor, innovation_id, values, awards)
    if then_submit:
        submit(session, actor, record.id)
    return SavedInnovation(record.id, record.workflow)
