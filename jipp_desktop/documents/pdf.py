"""What every JIPP document shares: A4 pages, embedded fonts, "Halaman X dari Y", and
deterministic bytes.

Determinism: reportlab runs in invariant mode (no time-based file id, no comments), the PDF's
creation date is given by the caller from the content (a letter's date, a report's newest
record), and nothing random goes in, so the same input always gives the same bytes.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import standardFonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from jipp_desktop.documents.fonts import FONT, FONT_BOLD, register_fonts
from jipp_desktop.outputs import atomic_output
from jipp_desktop.progress import ProgressFn

# Page streams are stored Flate-compressed as binary rather than also ASCII85-encoded: files are
# a fifth smaller and the encoding pass (pure Python without reportlab's C accelerator) is gone.
rl_config.useA85 = 0

MARGIN = 20 * mm
FOOTER_HEIGHT = 12 * mm
STANDARD_FONTS = frozenset(standardFonts)
PageDecorator = Callable[[Canvas, Any], None]
Footer = Callable[[Canvas, int, int], None]


@dataclass(frozen=True)
class PdfDocument:
    """A finished PDF in memory.

    Attributes:
        data: the file's bytes.
        pages: how many pages it has.
    """

    data: bytes
    pages: int

    @property
    def sha256(self) -> str:
        """The SHA-256 of the file's bytes (hex)."""
        return hashlib.sha256(self.data).hexdigest()

    def write(self, path: Path | str) -> Path:
        """Writes the file atomically (a half-written PDF never replaces a good one), with the
        usual permissions, into an existing folder, never onto a store or its attachments
        (:func:`jipp_desktop.outputs.atomic_output`)."""
        with atomic_output(path) as temp:
            temp.write_bytes(self.data)
        return Path(path).expanduser()


@dataclass(frozen=True)
class PdfMeta:
    """The document information of a PDF.

    Attributes:
        title: the document title (shown by viewers).
        created: the creation date written into the file; taken from the content.
        author: who the document is from (the letterhead's agency).
        subject: a short description.
        landscape: lay the pages out landscape.
        footer_note: a short line printed at the bottom left of every page.
        lang: the language of the page numbers ("id" or "en").
    """

    title: str
    created: date | datetime
    author: str = ""
    subject: str = ""
    landscape: bool = False
    footer_note: str = ""
    keywords: Sequence[str] = field(default_factory=tuple)
    lang: str = "id"


class _FixedTimeStamp(TimeStamp):
    """A reportlab timestamp at a given moment (UTC) instead of now."""

    def __init__(self, moment: date | datetime) -> None:
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = calendar.timegm(moment.astimezone(UTC).timetuple())
        self.t = float(seconds)
        self.lt = time.gmtime(seconds)
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def page_number_footer(note: str = "", lang: str = "id") -> Footer:
    """A footer with ``note`` at the left and "Halaman X dari Y" ("Page X of Y") at the right."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, _ = canvas._pagesize
        canvas.setFont(FONT, 8)
        canvas.setFillGray(0.35)
        if note:
            canvas.drawString(MARGIN, MARGIN / 2, note)
        canvas.drawRightString(
            width - MARGIN,
            MARGIN / 2,
            f"Page {page} of {pages}" if lang == "en" else f"Halaman {page} dari {pages}",
        )

    return draw


def _numbered_canvas(created: date | datetime, footer: Footer) -> type[Canvas]:
    """A canvas class that holds pages back until the end, to print "page X of Y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _FixedTimeStamp(created)
            self._held_pages: list[dict[str, Any]] = []

        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
            # Whatever asks for one of PDF's standard fonts (a table's plain-text cell, a
            # drawing's label) gets the embedded DejaVu instead: every font of the file is
            # embedded, and a standard one would be a reference only.
            if psfontname in STANDARD_FONTS:
                psfontname = FONT_BOLD if "Bold" in psfontname else FONT
            super().setFont(psfontname, size, leading)

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, 1):
                self.__dict__.update(state)
                footer(self, number, total)
                Canvas.showPage(self)
            self._held_pages = []
            Canvas.save(self)

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    meta: PdfMeta,
    *,
    first_page: PageDecorator | None = None,
    later_pages: PageDecorator | None = None,
    first_top: float = 0.0,
    footer: Footer | None = None,
    footer_height: float = FOOTER_HEIGHT,
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """Lays out ``story`` on A4 pages and returns the PDF.

    Args:
        story: the flowables, in order.
        meta: title, creation date and orientation.
        first_page: draws on the first page (a letterhead) before the story.
        later_pages: draws on every later page.
        first_top: space kept free at the top of the first page for ``first_page``.
        footer: draws the footer of each page once the page count is known.
        footer_height: space kept free above the bottom margin for the footer.
        progress: told (flowables laid out, flowables) as the layout goes; may raise
            :class:`~jipp_desktop.progress.Cancelled` to stop it.
    """
    register_fonts()
    pagesize = landscape(A4) if meta.landscape else A4
    width, height = pagesize
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator="JIPP Desktop",
        invariant=1,
        initialFontName=FONT,
    )
    body_height = height - 2 * MARGIN - footer_height
    frame_args = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = Frame(
        MARGIN,
        MARGIN + footer_height,
        width - 2 * MARGIN,
        body_height - first_top,
        id="first",
        **frame_args,
    )
    later = Frame(
        MARGIN, MARGIN + footer_height, width - 2 * MARGIN, body_height, id="later", **frame_args
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "First", [first], onPage=first_page or _nothing, autoNextPageTemplate="Later"
            ),
            PageTemplate("Later", [later], onPage=later_pages or _nothing),
        ]
    )
    if progress is not None:
        doc.setProgressCallBack(_layout_progress(progress))
    canvasmaker = _numbered_canvas(
        meta.created, footer or page_number_footer(meta.footer_note, meta.lang)
    )
    doc.build(story, canvasmaker=canvasmaker)
    return PdfDocument(buffer.getvalue(), doc.page)


def _layout_progress(progress: ProgressFn) -> Callable[[str, int], None]:
    """Adapts reportlab's layout callback to ``progress`` (about every 50 flowables)."""
    state = {"size": 0, "last": 0}

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = value
        elif kind == "PROGRESS" and value - state["last"] >= 50:
            state["last"] = value
            progress(min(value, state["size"]), state["size"])

    return callback


def content_width(meta: PdfMeta) -> float:
    """The width of the text area of a page."""
    width, _ = landscape(A4) if meta.landscape else A4
    return width - 2 * MARGIN


def _nothing(canvas: Canvas, doc: Any) -> None:
    """Draws nothing (a page template without decoration)."""
