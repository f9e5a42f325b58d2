"""The user guide as a PDF: the Markdown pages of ``docs/panduan/`` (Indonesian) or
``docs/panduan/en/`` (English) laid out with the app's own reportlab styles and fonts.

The pages are read in file-name order (``01-memasang.md``, ``02-…``). The Markdown understood is
what the guide uses: ``#``/``##``/``###`` headings, paragraphs, ``-`` and ``1.`` lists,
``![caption](gambar/x.png)`` images (scaled to the text width, the caption below), ``**bold**``,
``*italic*``, ``` `code` ```, ``[text](address)`` links (the address printed after the
text) and commands indented by four spaces. The guide's folder is found beside the code (the
source tree, or the frozen app's ``_internal``); an install without it has no guide
(:class:`GuideMissing`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
)

from jipp_desktop.documents.fonts import FONT, FONT_BOLD
from jipp_desktop.documents.pdf import PdfDocument, PdfMeta, build_pdf, content_width
from jipp_desktop.documents.styles import BODY, HEADING, INK, TITLE, esc, pick

GUIDE_ROOT = Path(__file__).resolve().parents[2] / "docs" / "panduan"
CODE_FONT = FONT  # DejaVu Sans: the only fonts a JIPP PDF embeds
SUBHEADING = ParagraphStyle(
    "GuideSub", parent=BODY, fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=6,
    spaceAfter=2, textColor=INK,
)  # fmt: skip
CAPTION = ParagraphStyle("GuideCaption", parent=BODY, fontSize=8.5, leading=11, textColor=INK)
PARAGRAPH = ParagraphStyle("GuideBody", parent=BODY, spaceAfter=5)
# A chapter's title, with room under it before its first paragraph.
CHAPTER = ParagraphStyle("GuideChapter", parent=TITLE, spaceAfter=8)
CODE = ParagraphStyle(
    "GuideCode", parent=BODY, fontSize=8.5, leading=11.5, leftIndent=8, backColor="#eef1f4",
    borderPadding=4, spaceBefore=3, spaceAfter=8,
)  # fmt: skip
IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\s*$")
BULLET = re.compile(r"^\s*[-*]\s+(?P<text>.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(?P<text>.*)$")


class GuideMissing(Exception):
    """The guide's Markdown pages are not in this install."""


def guide_folder(lang: str = "id") -> Path:
    """Where the guide's pages in ``lang`` are.

    Raises:
        GuideMissing: the folder holds no page.
    """
    folder = GUIDE_ROOT / "en" if lang == "en" else GUIDE_ROOT
    if not any(folder.glob("[0-9]*.md")):
        raise GuideMissing(
            pick(lang, f"panduan tidak ada di {folder}", f"the guide is not in {folder}")
        )
    return folder


def guide_pages(lang: str = "id") -> list[Path]:
    """The guide's Markdown pages in order."""
    return sorted(guide_folder(lang).glob("[0-9]*.md"))


def guide_pdf(lang: str = "id") -> PdfDocument:
    """The whole guide as one PDF: a contents page, then each page of the folder.

    Raises:
        GuideMissing: the guide is not in this install.
    """
    pages = guide_pages(lang)
    texts = [p.read_text(encoding="utf-8") for p in pages]
    titles = [_title(t) or p.stem for t, p in zip(texts, pages, strict=True)]
    story: list[Flowable] = [
        Paragraph(
            esc(pick(lang, "Panduan Pengguna JIPP Desktop", "JIPP Desktop User Guide")), TITLE
        ),
        Spacer(1, 4 * mm),
        Paragraph(esc(pick(lang, "Daftar isi", "Contents")), HEADING),
    ]
    story += [Paragraph(f"{i}. {esc(t)}", PARAGRAPH) for i, t in enumerate(titles, 1)]
    for page, text in zip(pages, texts, strict=True):
        story.append(PageBreak())
        story += markdown_story(text, page.parent)
    # The date of the newest page: the same pages give the same bytes.
    newest = max(p.stat().st_mtime for p in pages)
    meta = PdfMeta(
        title=pick(lang, "Panduan Pengguna JIPP Desktop", "JIPP Desktop User Guide"),
        created=datetime.fromtimestamp(int(newest), UTC),
        author="JIPP Desktop",
        footer_note=pick(lang, "Panduan Pengguna JIPP Desktop", "JIPP Desktop User Guide"),
        lang=lang,
    )
    return build_pdf(story, meta)


def _title(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def markdown_story(text: str, folder: Path) -> list[Flowable]:
    """The flowables of one Markdown page; images are read relative to ``folder``.

    Raises:
        FileNotFoundError: an image the page shows is missing.
    """
    story: list[Flowable] = []
    paragraph: list[str] = []
    items: list[str] = []
    code: list[str] = []
    numbered = False

    def end_code() -> None:
        if code:
            story.append(Paragraph("<br/>".join(esc(c) for c in code), CODE))
            code.clear()

    def end_paragraph() -> None:
        if paragraph:
            story.append(Paragraph(inline(" ".join(paragraph)), PARAGRAPH))
            paragraph.clear()

    def end_list() -> None:
        nonlocal numbered
        if items:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(inline(i), PARAGRAPH), leftIndent=14) for i in items],
                    bulletType="1" if numbered else "bullet",
                    start="1" if numbered else "•",
                    bulletFormat="%s." if numbered else None,
                    leftIndent=14,
                    bulletFontName=FONT,
                    bulletFontSize=9,
                )
            )
            items.clear()
        numbered = False

    for line in text.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        image = IMAGE.match(stripped)
        bullet = BULLET.match(line)
        number = NUMBERED.match(line)
        if line.startswith("    ") and not items and not paragraph:
            code.append(line[4:])
            continue
        end_code()
        if not stripped or stripped.startswith("<!--"):
            end_paragraph()
            end_list()
        elif heading:
            end_paragraph()
            end_list()
            level = len(heading.group(1))
            style = {1: CHAPTER, 2: HEADING, 3: SUBHEADING}[level]
            if level > 1:
                story.append(CondPageBreak(30 * mm))
            story.append(Paragraph(inline(heading.group(2)), style))
        elif image:
            end_paragraph()
            end_list()
            story.append(_image(folder / image.group("src"), image.group("alt")))
        elif bullet or number:
            end_paragraph()
            found = bullet or number
            assert found is not None
            if items and numbered != bool(number):
                end_list()
            numbered = bool(number)
            items.append(found.group("text"))
        elif items and line.startswith("  "):
            items[-1] += " " + stripped  # a list item continued on the next line
        else:
            end_list()
            paragraph.append(stripped)
    end_code()
    end_paragraph()
    end_list()
    return story


def _image(path: Path, caption: str) -> Flowable:
    """A screenshot scaled to the text width (at most 11 cm high), its caption below."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: gambar panduan tidak ada / guide image missing")
    picture = Image(str(path))
    width = content_width(PdfMeta(title="", created=datetime.now(UTC)))
    scale = min(width / picture.imageWidth, 110 * mm / picture.imageHeight)
    picture.drawWidth = picture.imageWidth * scale
    picture.drawHeight = picture.imageHeight * scale
    return KeepTogether(
        [Spacer(1, 2 * mm), picture, Paragraph(inline(caption), CAPTION), Spacer(1, 3 * mm)]
    )


def inline(text: str) -> str:
    """Markdown's inline marks as reportlab paragraph markup (the text escaped first)."""
    out = esc(text)
    out = re.sub(r"`([^`]+)`", rf'<font name="{CODE_FONT}" color="#3e4c59">\1</font>', out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<i>\1</i>", out)
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", out)
