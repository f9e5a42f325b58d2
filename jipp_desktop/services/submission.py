"""Saving an innovation as the officer entered it — as a draft, or submitted for verification in
the same step — in one use case (the form's save and "save and submit"); and sending several
selected records for verification in one action (the list's "Ajukan untuk verifikasi")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.services.innovations import (
    EDITORS,
    AwardInput,
    create_innovation,
    update_innovation,
)
from jipp_desktop.services.officers import Actor, require_role
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


@dataclass(frozen=True)
class Refusal:
    """A selected record that was not submitted, and why (``error.errors`` lists the fields a
    :class:`~jipp_desktop.domain.errors.ValidationFailed` found missing or wrong)."""

    id: str
    title: str
    error: ServiceError


@dataclass(frozen=True)
class SubmissionSummary:
    """What one "submit the selected records" action did: the ids submitted, the refusals."""

    submitted: list[str]
    refused: list[Refusal]


def submit_innovations(
    session: Session, actor: Actor, innovation_ids: Sequence[str]
) -> SubmissionSummary:
    """Sends each of the selected records that may go for verification, in the caller's one
    transaction: per record, the complete drafts (and revised records) are submitted and every
    other record is named with its reasons and left as it was — an officer's selection of 20
    is not held back by one record still lacking its title.

    Raises:
        ServiceError: the officer's role may not submit (nothing is submitted).
    """
    require_role(actor, *EDITORS)
    submitted: list[str] = []
    refused: list[Refusal] = []
    for innovation_id in dict.fromkeys(innovation_ids):
        try:
            # ``submit`` checks everything before it changes the record: a refusal leaves it
            # untouched, and the transaction goes on with the next one.
            submit(session, actor, innovation_id)
        except ServiceError as error:
            record = session.get(Innovation, innovation_id)
            refused.append(Refusal(innovation_id, record.title if record else "", error))
        else:
            submitted.append(innovation_id)
    return SubmissionSummary(submitted, refused)
