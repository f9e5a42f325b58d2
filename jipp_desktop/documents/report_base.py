"""What the four reports share: the letterhead on the first page, a title block, the footer."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from jipp_desktop.documents.letterhead import HEIGHT as LETTERHEAD_HEIGHT
from jipp_desktop.documents.letterhead import Letterhead, draw_letterhead
from jipp_desktop.documents.pdf import MARGIN, PdfDocument, PdfMeta, build_pdf
from jipp_desktop.documents.styles import HEADING, SUBTITLE, TITLE
from jipp_desktop.documents.textline import TextLine
from jipp_desktop.progress import ProgressFn


def title_block(title: str, lines: Sequence[str]) -> list[Flowable]:
    """The report's centred title and the lines under it (period, filter, data date)."""
    out: list[Flowable] = [TextLine(title.upper(), TITLE), Spacer(1, 1.5 * mm)]
    out += [TextLine(line, SUBTITLE) for line in lines if line]
    out.append(Spacer(1, 5 * mm))
    return out


def heading(text: str) -> list[Flowable]:
    """A section heading; it starts a new page when too little room is left under it."""
    return [CondPageBreak(30 * mm), TextLine(text, HEADING)]


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

    return build_pdf(
        story, meta, first_page=first_page, first_top=LETTERHEAD_HEIGHT, progress=progress
    )
