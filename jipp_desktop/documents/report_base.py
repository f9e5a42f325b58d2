"""What the four reports share: the letterhead on the first page, a title block, section
headings kept with what follows them, the footer.

A section whose heading and content take at most half a page is kept together: moved whole to
the next page rather than split (the six rows of a status table over two pages), and never a
heading alone at a page's foot. A longer section starts where its heading, the table's header
row and the first ``FIRST_ROWS`` rows fit; its tables repeat their header on every page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from jipp_desktop.documents.letterhead import HEIGHT as LETTERHEAD_HEIGHT
from jipp_desktop.documents.letterhead import Letterhead, draw_letterhead
from jipp_desktop.documents.pdf import (
    FOOTER_HEIGHT,
    MARGIN,
    PdfDocument,
    PdfMeta,
    build_pdf,
    content_width,
)
from jipp_desktop.documents.styles import HEADING, SUBTITLE, TITLE
from jipp_desktop.documents.textline import TextLine
from jipp_desktop.progress import ProgressFn


def title_block(title: str, lines: Sequence[str]) -> list[Flowable]:
    """The report's centred title and the lines under it (period, filter, data date)."""
    out: list[Flowable] = [TextLine(title.upper(), TITLE), Spacer(1, 1.5 * mm)]
    out += [TextLine(line, SUBTITLE) for line in lines if line]
    out.append(Spacer(1, 5 * mm))
    return out


# A long section starts on a page with room for its heading and this many rows of its table.
FIRST_ROWS = 5
# The room a section needs under its heading when nothing else is known (about 3 rows).
MIN_ROOM = 30 * mm
_HUGE = 10**7


class SectionHeading(TextLine):
    """A section's heading: :func:`build_report` keeps it with the section's content."""


def heading(text: str) -> list[Flowable]:
    """A section heading; it is kept with what follows it up to the next heading."""
    return [CondPageBreak(MIN_ROOM), SectionHeading(text, HEADING)]


def _height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):  # measured by its content (it wraps on a canvas)
        return sum(_height(f, width) for f in flowable._content)
    _, height = flowable.wrap(width, _HUGE)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _first_rows_height(flowable: Flowable, width: float) -> float:
    """The height of a table's header and first rows (of anything else, all of it)."""
    if isinstance(flowable, Table):
        flowable.wrap(width, _HUGE)
        heights = flowable._rowHeights[: FIRST_ROWS + 1]
        return float(sum(heights)) + flowable.getSpaceBefore()
    return min(_height(flowable, width), MIN_ROOM)


def keep_sections(story: list[Flowable], width: float, page_height: float) -> list[Flowable]:
    """The story with each section kept with its heading (see the module's docstring)."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        item = story[i]
        at_heading = (
            isinstance(item, CondPageBreak)
            and i + 1 < len(story)
            and isinstance(story[i + 1], SectionHeading)
        )
        if not at_heading:
            out.append(item)
            i += 1
            continue
        title = story[i + 1]
        end = i + 2
        while end < len(story) and not (
            isinstance(story[end], CondPageBreak)
            and end + 1 < len(story)
            and isinstance(story[end + 1], SectionHeading)
        ):
            end += 1
        body = story[i + 2 : end]
        title_height = _height(title, width)
        if _short(body, width, page_height / 2 - title_height):
            out.append(KeepTogether([title, *body]))
        else:
            first = _first_rows_height(body[0], width) if body else 0.0
            out += [CondPageBreak(max(MIN_ROOM, title_height + first)), title, *body]
        i = end
    return out


def _short(body: list[Flowable], width: float, room: float) -> bool:
    """Whether ``body`` fits ``room`` (measured only until it does not: a batch of profiles
    is not laid out twice)."""
    for flowable in body:
        room -= _height(flowable, width)
        if room < 0:
            return False
    return True


def page_height(meta: PdfMeta) -> float:
    """The height of a page's text area (footer apart)."""
    _, height = landscape(A4) if meta.landscape else A4
    return float(height - 2 * MARGIN - FOOTER_HEIGHT)


def build_report(
    story: list[Flowable],
    meta: PdfMeta,
    letterhead: Letterhead,
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """The report as a PDF: letterhead on the first page, page numbers on every page."""

    def first_page(canvas: Canvas, _doc: object) -> None:
        _, height = canvas._pagesize
        draw_letterhead(canvas, letterhead, height - MARGIN + 6 * mm)

    story = keep_sections(story, content_width(meta), page_height(meta))
    return build_pdf(
        story, meta, first_page=first_page, first_top=LETTERHEAD_HEIGHT, progress=progress
    )
