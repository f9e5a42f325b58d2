"""A one-line text flowable: headings and title lines that fit on one line are drawn directly,
without the markup parsing and line breaking of a Paragraph (which is kept for the rest)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable, Paragraph

from jipp_desktop.documents.styles import PARAGRAPH_CHARS, esc


class TextLine(Flowable):
    """``text`` in ``style``: one drawn line when it fits the width, else a Paragraph.

    Batches print thousands of headings; drawing those that fit directly is several times
    cheaper than laying each out as a Paragraph.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        if len(text) > PARAGRAPH_CHARS:  # a heading, not a narrative: what a page can show
            text = f"{text[:PARAGRAPH_CHARS]}… [+{len(text) - PARAGRAPH_CHARS:,}]".replace(",", ".")
        self.text = text
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self._para: Paragraph | None = None
        self._avail = 0.0

    def _fits(self, width: float) -> bool:
        return "\n" not in self.text and (
            stringWidth(self.text, self.style.fontName, self.style.fontSize) <= width
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One line's height when the text fits, else the Paragraph's size."""
        self._avail = availWidth
        if self._para is None and self._fits(availWidth):
            return availWidth, self.style.leading
        self._para = self._para or Paragraph(esc(self.text), self.style)
        return self._para.wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """A line never splits; a long text splits as its Paragraph does."""
        if self._para is None:
            return []
        return self._para.split(availWidth, availHeight)

    def draw(self) -> None:
        """Draws the line (or the Paragraph)."""
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        canvas = self.canv
        style = self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        # the baseline sits where a Paragraph puts its first line: the font's ascent down
        ascent, _ = getAscentDescent(style.fontName, style.fontSize)
        y = style.leading - ascent
        if style.alignment == TA_CENTER:
            canvas.drawCentredString(self._avail / 2, y, self.text)
        elif style.alignment == TA_RIGHT:
            canvas.drawRightString(self._avail, y, self.text)
        else:
            canvas.drawString(0, y, self.text)
