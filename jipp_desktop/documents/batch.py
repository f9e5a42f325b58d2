"""Batch profiles: one profile per innovation of a filtered list, into one PDF or a folder.

Profiles are loaded ``CHUNK`` innovations at a time (a few queries per chunk). Progress counts
innovations; cancelling (``progress`` raising :class:`~jipp_desktop.progress.Cancelled`) leaves
nothing behind: the single PDF is only written at the end, and the files of a folder batch made
so far are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak
from sqlalchemy import select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import Innovation
from jipp_desktop.documents.letterhead import Letterhead, load_letterhead
from jipp_desktop.documents.pdf import PdfDocument, content_width
from jipp_desktop.documents.profile import (
    ProfileData,
    RegionNames,
    load_profiles,
    profile_meta,
    profile_story,
)
from jipp_desktop.documents.report_base import build_report
from jipp_desktop.documents.styles import pick
from jipp_desktop.domain.errors import NotFound
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.outputs import check_output
from jipp_desktop.progress import ProgressFn, no_progress
from jipp_desktop.services.search import apply_filter

CHUNK = 200


@dataclass
class BatchResult:
    """What a batch made.

    Attributes:
        profiles: how many innovations were printed.
        pages: the pages made (over every file).
        paths: the files written.
    """

    profiles: int = 0
    pages: int = 0
    paths: list[Path] = field(default_factory=list)


def batch_ids(db: Database, f: InnovationFilter) -> list[str]:
    """The ids of the innovations ``f`` keeps, by title."""
    with db.session() as session:
        query = apply_filter(select(Innovation.id).select_from(Innovation), f)
        return list(session.scalars(query.order_by(Innovation.title_key, Innovation.id)))


def _profiles(db: Database, ids: list[str]) -> Iterator[ProfileData]:
    with db.session() as session:
        regions = RegionNames(session)
        for start in range(0, len(ids), CHUNK):
            yield from load_profiles(session, ids[start : start + CHUNK], regions)


def file_name(profile: ProfileData) -> str:
    """A portable file name for a profile: registration number (or id) and title, ASCII."""
    innovation = profile.innovation
    plain = unicodedata.normalize("NFKD", innovation.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60].rstrip("-")
    key = re.sub(r"[^A-Za-z0-9-]+", "-", innovation.registration_number or innovation.id[:8])
    return f"{key}-{slug or 'inovasi'}.pdf"


def profiles_pdf(
    db: Database,
    ids: list[str],
    letterhead: Letterhead,
    *,
    lang: str = "id",
    personal: bool = False,
    progress: ProgressFn = no_progress,
) -> PdfDocument:
    """One PDF with the profiles of ``ids``, each starting on a new page.

    Progress runs over twice the number of innovations: loading, then laying out.
    """
    total = len(ids)
    story: list[Flowable] = []
    newest: datetime | None = None
    width = 0.0
    for done, profile in enumerate(_profiles(db, ids), 1):
        if not width:
            width = content_width(profile_meta("", profile.innovation.updated_at, letterhead, lang))
        if story:
            story.append(PageBreak())
        story += profile_story(profile, width, lang, personal)
        stamp = profile.innovation.updated_at
        newest = stamp if newest is None or stamp > newest else newest
        if done % 50 == 0:
            progress(done, 2 * total)
    if not story:
        raise NotFound("tidak ada inovasi untuk dicetak", "no innovation to print")
    meta = profile_meta(
        pick(lang, "Profil inovasi", "Innovation profiles") + f" ({total})",
        newest or datetime(2000, 1, 1),
        letterhead,
        lang,
    )

    def layout(done: int, flowables: int) -> None:
        progress(total + (done * total) // max(flowables, 1), 2 * total)

    return build_report(story, meta, letterhead, progress=layout)


def batch_profiles(
    db: Database,
    f: InnovationFilter,
    target: Path | str,
    *,
    one_file: bool = True,
    lang: str = "id",
    personal: bool = False,
    progress: ProgressFn = no_progress,
) -> BatchResult:
    """Prints the profile of every innovation ``f`` keeps.

    Args:
        db: the store.
        f: the list filter.
        target: the PDF to write (``one_file``) or the folder to write one PDF per innovation into.
        one_file: all profiles in one PDF, else one file each.
        lang: the language of labels.
        personal: print the contact person's phone and e-mail.
        progress: told (done, total); may raise Cancelled.

    Raises:
        NotFound: the filter keeps no innovation.
        Cancelled: the officer cancelled; no file of this batch is left.
    """
    ids = batch_ids(db, f)
    if not ids:
        raise NotFound(
            "tidak ada inovasi yang sesuai dengan filter", "no innovation matches the filter"
        )
    with db.session() as session:
        letterhead = load_letterhead(session)
    target = Path(target)
    result = BatchResult()
    progress(0, len(ids))
    if one_file:
        document = profiles_pdf(
            db, ids, letterhead, lang=lang, personal=personal, progress=progress
        )
        result.paths.append(document.write(target))
        result.profiles, result.pages = len(ids), document.pages
        return result
    # The batch's own folder may be made, in a folder that exists (as every output's must), and
    # it is never a store's attachment folder.
    check_output(target / "_") if target.is_dir() else check_output(target)
    target.mkdir(exist_ok=True)
    try:
        for done, profile in enumerate(_profiles(db, ids), 1):
            meta = profile_meta(
                profile.innovation.title, profile.innovation.updated_at, letterhead, lang
            )
            document = build_report(
                profile_story(profile, content_width(meta), lang, personal), meta, letterhead
            )
            result.paths.append(document.write(target / file_name(profile)))
            result.profiles += 1
            result.pages += document.pages
            progress(done, len(ids))
    except BaseException:  # cancelled or failed: leave no half batch behind
        for path in result.paths:
            path.unlink(missing_ok=True)
        raise
    return result
