"""A :class:`~jipp_desktop.domain.validation.ReferenceLookup` over the store, with caches so that
validating many rows costs a few queries, not a few per row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Innovation, Region


class StoreLookup:
    """Answers validation's questions from the store; caches regions and agencies."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._regions: set[str] | None = None
        self._agencies: dict[str, str | None] | None = None
        self._innovations: dict[str, bool] = {}

    def region_exists(self, code: str) -> bool:
        """Whether ``code`` is a known province, regency or city."""
        if self._regions is None:
            self._regions = set(self._session.scalars(select(Region.code)))
        return code in self._regions

    def agency_region(self, agency_id: str) -> tuple[bool, str | None]:
        """Whether the agency exists (not deleted), and its region code."""
        if self._agencies is None:
            rows = self._session.execute(
                select(Agency.id, Agency.region_code).where(Agency.deleted_at.is_(None))
            )
            self._agencies = {aid: code for aid, code in rows}
        if agency_id not in self._agencies:
            return False, None
        return True, self._agencies[agency_id]

    def innovation_exists(self, innovation_id: str) -> bool:
        """Whether a (not deleted) innovation has this id."""
        if innovation_id not in self._innovations:
            found = self._session.scalar(
                select(Innovation.id).where(
                    Innovation.id == innovation_id, Innovation.deleted_at.is_(None)
                )
            )
            self._innovations[innovation_id] = found is not None
        return self._innovations[innovation_id]

    def add_innovation(self, innovation_id: str) -> None:
        """Tells the cache about a record created in the same transaction."""
        self._innovations[innovation_id] = True
