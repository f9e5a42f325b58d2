"""Which report to make, as the command line and the GUI name it: ``recap``, ``verification``,
``hub:ID`` or ``innovation:ID``; and making it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from jipp_desktop.db.engine import Database
from jipp_desktop.documents.hub_report import build_hub_report
from jipp_desktop.documents.letterhead import load_letterhead
from jipp_desktop.documents.pdf import PdfDocument
from jipp_desktop.documents.profile import build_profile
from jipp_desktop.documents.recap import build_recap
from jipp_desktop.documents.verification_report import build_verification_report, check_period
from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import ProgressFn

KINDS = ("recap", "verification", "hub", "innovation")


@dataclass(frozen=True)
class ReportRequest:
    """A report to make.

    Attributes:
        kind: recap, verification, hub or innovation (the profile of one innovation).
        target: the hub or innovation id (hub and innovation reports).
        filter: which innovations a recap counts.
        start: the first day of a verification report's period.
        end: the last day of a verification report's period.
        lang: the language of the report's labels.
        personal: print the contact person's phone and e-mail in a profile.
    """

    kind: str
    target: str | None = None
    filter: InnovationFilter = field(default_factory=InnovationFilter)
    start: date | None = None
    end: date | None = None
    lang: str = "id"
    personal: bool = False


def parse_kind(text: str) -> tuple[str, str | None]:
    """``recap`` → ("recap", None); ``hub:ID`` → ("hub", "ID").

    Raises:
        ValidationFailed: an unknown kind, or an id missing or given where none is taken.
    """
    kind, sep, target = text.strip().partition(":")
    kind = kind.lower()
    if kind not in KINDS:
        raise ValidationFailed(
            [
                FieldError(
                    "kind",
                    f"jenis laporan {text!r} tidak dikenal; pilih recap, verification, "
                    "hub:ID atau innovation:ID",
                    f"unknown report kind {text!r}; choose recap, verification, hub:ID or "
                    "innovation:ID",
                )
            ]
        )
    needs_id = kind in ("hub", "innovation")
    if needs_id and not target.strip():
        raise ValidationFailed(
            [
                FieldError(
                    "kind",
                    f"laporan {kind} memerlukan ID: {kind}:ID",
                    f"the {kind} report needs an id: {kind}:ID",
                )
            ]
        )
    if not needs_id and sep:
        raise ValidationFailed(
            [
                FieldError(
                    "kind",
                    f"laporan {kind} tidak menerima ID",
                    f"the {kind} report takes no id",
                )
            ]
        )
    return kind, target.strip() or None


def make_report(
    db: Database, request: ReportRequest, progress: ProgressFn | None = None
) -> PdfDocument:
    """Makes the report ``request`` names (read-only: nothing is stored).

    ``progress`` is told how the layout goes and may raise Cancelled to stop it.
    """
    if request.kind == "verification":
        check_period(request.start, request.end)
    with db.session() as session:
        letterhead = load_letterhead(session)
        if request.kind == "recap":
            return build_recap(session, request.filter, letterhead, request.lang, progress)
        if request.kind == "verification":
            return build_verification_report(
                session, request.start, request.end, letterhead, request.lang, progress
            )
        if request.kind == "hub":
            return build_hub_report(
                session, request.target or "", letterhead, request.lang, progress
            )
        if request.kind == "innovation":
            return build_profile(
                session, request.target or "", letterhead, request.lang, request.personal, progress
            )
    raise ValueError(f"unknown report kind {request.kind!r}")
