"""The commitment letter (Pernyataan Komitmen) as an A4 PDF, with its content fingerprint.

What the fingerprint covers — so that the registry, or anyone holding the record, can recompute
it: the SHA-256 (lower-case hex) of the UTF-8 bytes of this JSON object, written with sorted keys,
no spaces (separators ``,`` and ``:``) and non-ASCII characters as they are (not escaped)::

    {"clauses": [clause text, ...],              # in order, each stripped
     "format": "jipp-commitment-v1",
     "id": the commitment's UUID,
     "number": ..., "opening": ..., "place": ..., "title": ...,
     "signed_on": "YYYY-MM-DD",
     "signatories": [{"agency": ..., "name": ..., "nip": "" or 18 digits, "position": ...}, ...],
     "witnesses":   [same shape as signatories]}

Texts are taken as stored (single spaces). The letterhead, the fixed wording of the letter
("Demikian pernyataan ...") and the layout are not covered: the fingerprint says *what* was
committed to and by whom, so a printed copy can be checked against the registry's record.

The QR code on every page carries ``JIPP-KOMITMEN:<uuid>:<sha256>`` (:func:`qr_payload`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from jipp_desktop.dates import long_date
from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import Commitment
from jipp_desktop.documents.fonts import FONT, FONT_BOLD
from jipp_desktop.documents.letterhead import HEIGHT as LETTERHEAD_HEIGHT
from jipp_desktop.documents.letterhead import Letterhead, commitment_letterhead, draw_letterhead
from jipp_desktop.documents.pdf import (
    MARGIN,
    Footer,
    PdfDocument,
    PdfMeta,
    build_pdf,
    content_width,
)
from jipp_desktop.documents.styles import (
    CENTER,
    INK,
    JUSTIFIED,
    SUBTITLE,
    TITLE,
    esc,
    text_pieces,
)
from jipp_desktop.outputs import atomic_output, check_output
from jipp_desktop.services.commitments import get_commitment, record_document
from jipp_desktop.services.officers import Actor

FORMAT = "jipp-commitment-v1"
QR_PREFIX = "JIPP-KOMITMEN"
QR_SIZE = 22 * mm
QR_FORM = "jippQR"
FOOTER_HEIGHT = QR_SIZE + 4 * mm
DEFAULT_OPENING = "Kami yang bertanda tangan di bawah ini menyatakan komitmen untuk:"
CLOSING = (
    "Demikian pernyataan komitmen ini dibuat dengan sebenarnya untuk dilaksanakan dengan penuh "
    "tanggung jawab."
)
SIGN_SPACE = 17 * mm


@dataclass(frozen=True)
class Signer:
    """A signatory or witness as printed."""

    agency: str
    name: str
    position: str
    nip: str = ""

    def canonical(self) -> dict[str, str]:
        """The signer's part of the fingerprinted content."""
        return {
            "agency": self.agency,
            "name": self.name,
            "position": self.position,
            "nip": self.nip,
        }


@dataclass(frozen=True)
class LetterContent:
    """Everything of a commitment that the letter prints and the fingerprint covers."""

    commitment_id: str
    number: str
    title: str
    place: str
    signed_on: date
    opening: str
    clauses: tuple[str, ...]
    signatories: tuple[Signer, ...]
    witnesses: tuple[Signer, ...] = ()

    @classmethod
    def of(cls, commitment: Commitment) -> LetterContent:
        """The content of a stored commitment."""

        def signer(s: object) -> Signer:
            return Signer(
                s.agency_name,  # type: ignore[attr-defined]
                s.official_name,  # type: ignore[attr-defined]
                s.official_position,  # type: ignore[attr-defined]
                s.nip or "",  # type: ignore[attr-defined]
            )

        return cls(
            commitment_id=commitment.id,
            number=commitment.number,
            title=commitment.title,
            place=commitment.place,
            signed_on=commitment.signed_on,
            opening=commitment.opening or "",
            clauses=tuple(c.strip() for c in commitment.clauses),
            signatories=tuple(signer(s) for s in commitment.signatories if not s.is_witness),
            witnesses=tuple(signer(s) for s in commitment.signatories if s.is_witness),
        )

    def canonical(self) -> bytes:
        """The exact bytes the fingerprint is taken over (see the module docstring)."""
        content = {
            "format": FORMAT,
            "id": self.commitment_id,
            "number": self.number,
            "title": self.title,
            "place": self.place,
            "signed_on": self.signed_on.isoformat(),
            "opening": self.opening,
            "clauses": list(self.clauses),
            "signatories": [s.canonical() for s in self.signatories],
            "witnesses": [s.canonical() for s in self.witnesses],
        }
        text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8")

    def fingerprint(self) -> str:
        """SHA-256 (hex) of :meth:`canonical`."""
        return hashlib.sha256(self.canonical()).hexdigest()


def qr_payload(commitment_id: str, fingerprint: str) -> str:
    """The text the QR code carries."""
    return f"{QR_PREFIX}:{commitment_id}:{fingerprint}"


def parse_qr_payload(text: str) -> tuple[str, str]:
    """The commitment id and fingerprint read from a scanned QR code.

    Raises:
        ValueError: the text is not a JIPP commitment code.
    """
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0] != QR_PREFIX or len(parts[2]) != 64:
        raise ValueError("not a JIPP commitment QR code")
    return parts[1], parts[2]


@dataclass(frozen=True)
class LetterResult:
    """A letter made from a commitment.

    Attributes:
        document: the PDF.
        fingerprint: the content fingerprint (also in the QR code and the registry).
        path: where it was written (None when only kept in memory, e.g. for preview).
    """

    document: PdfDocument
    fingerprint: str
    path: Path | None


def _qr_drawing(payload: str) -> Drawing:
    widget = QrCodeWidget(payload, barWidth=QR_SIZE, barHeight=QR_SIZE, barBorder=2, barLevel="M")
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    return drawing


def _footer(content: LetterContent, fingerprint: str) -> Footer:
    drawing = _qr_drawing(qr_payload(content.commitment_id, fingerprint))

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, _ = canvas._pagesize
        # The QR code is drawn once into a form and placed on every page: its hundreds of
        # squares are then written to the file once, not once per page.
        if page == 1:
            canvas.beginForm(QR_FORM)
            renderPDF.draw(drawing, canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(MARGIN, MARGIN - 4 * mm)
        canvas.doForm(QR_FORM)
        canvas.restoreState()
        canvas.saveState()
        text_x = MARGIN + QR_SIZE + 3 * mm
        canvas.setFillColor(INK)
        number, size = fit_line(f"Nomor: {content.number}", width - MARGIN - text_x, 7)
        canvas.setFont(FONT, size)
        canvas.drawString(text_x, MARGIN + 12 * mm, number)
        canvas.setFont(FONT, 7)
        canvas.drawString(text_x, MARGIN + 8.5 * mm, f"ID: {content.commitment_id}")
        canvas.drawString(text_x, MARGIN + 5 * mm, f"Sidik isi (SHA-256): {fingerprint[:32]}")
        canvas.drawString(text_x + 26.5 * mm, MARGIN + 1.5 * mm, fingerprint[32:])
        canvas.setFont(FONT, 8)
        canvas.drawRightString(width - MARGIN, MARGIN + 1.5 * mm, f"Halaman {page} dari {pages}")
        canvas.restoreState()

    return draw


def fit_line(text: str, width: float, size: float, smallest: float = 5) -> tuple[str, float]:
    """``text`` and a font size (``size`` down to ``smallest``) at which it fits ``width`` on
    one line; cut with "…" when it does not fit even at the smallest size."""
    while stringWidth(text, FONT, size) > width and size > smallest:
        size = max(smallest, size - 0.25)
    if stringWidth(text, FONT, size) <= width:
        return text, size
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[: max(len(text) - max(len(text) // 20, 1), 0)]
    return text + "…", size


def _columns(count: int) -> int:
    if count == 1:
        return 1
    return 2 if count <= 4 else 3


def _sign_rows(signers: tuple[Signer, ...], width: float, heading: str) -> list[Flowable]:
    """The signature blocks, a grid row at a time so that a row never splits across pages.

    ``heading`` ("Yang menyatakan,", "Saksi-saksi,", "Saksi,") sits in the first row's table,
    so it never ends up alone at the bottom of a page.
    """
    cols = _columns(len(signers))
    if cols == 1:
        # A single signatory signs at the right, as in any Indonesian letter.
        col_widths = [width / 2, width / 2]
        chunks: list[list[Signer | None]] = [[None, signers[0]]]
    else:
        col_widths = [width / cols] * cols
        # A last row of fewer blocks is centred under the full rows (its table is narrower).
        chunks = [list(signers[i : i + cols]) for i in range(0, len(signers), cols)]
    small = cols == 3
    size, leading = (8.5, 10.5) if small else (9.5, 12)
    agency_style = CENTER.clone("SignAgency", fontName=FONT_BOLD, fontSize=size, leading=leading)
    line_style = CENTER.clone("SignLine", fontSize=size, leading=leading)
    heading_style = CENTER.clone("SignHeading", fontName=FONT_BOLD, spaceAfter=6)
    rows: list[Flowable] = []
    for number, chunk in enumerate(chunks):
        heads = [
            [Paragraph(esc(s.agency), agency_style), Paragraph(esc(s.position) + ",", line_style)]
            if s
            else ""
            for s in chunk
        ]
        names = [Paragraph(f"<b><u>{esc(s.name)}</u></b>", line_style) if s else "" for s in chunk]
        nips = [Paragraph(f"NIP. {esc(s.nip)}", line_style) if s and s.nip else "" for s in chunk]
        data: list[list[object]] = [heads, [""] * len(chunk), names, nips]
        heights: list[float | None] = [None, SIGN_SPACE, None, None]
        style = [
            ("VALIGN", (0, -4), (-1, -4), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        if number == 0:
            head = Paragraph(heading, heading_style)
            data.insert(0, [""] * (len(chunk) - 1) + [head] if cols == 1 else [head])
            heights.insert(0, None)
            if cols > 1:
                data[0] += [""] * (len(chunk) - 1)
                style.append(("SPAN", (0, 0), (-1, 0)))
        table = Table(data, colWidths=col_widths[: len(chunk)], rowHeights=heights)
        table.setStyle(TableStyle(style))
        if rows:
            rows.append(Spacer(1, 5 * mm))
        rows.append(KeepTogether([table]))
    return rows


def _paragraphs(text: str) -> list[Flowable]:
    """A text of the letter as justified paragraphs of bounded size (see ``text_pieces``)."""
    return [Paragraph(esc(piece), JUSTIFIED) for piece in text_pieces(text)]


def letter_story(content: LetterContent, width: float) -> list[Flowable]:
    """The flowables of the letter's body, title to last signature."""
    story: list[Flowable] = [
        Paragraph(esc(content.title.upper()), TITLE),
        Spacer(1, 1 * mm),
        Paragraph(f"Nomor: {esc(content.number)}", SUBTITLE),
        Spacer(1, 6 * mm),
        *_paragraphs(content.opening or DEFAULT_OPENING),
        Spacer(1, 2 * mm),
        ListFlowable(
            [ListItem(_paragraphs(c), value=i) for i, c in enumerate(content.clauses, 1)],
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=FONT,
            bulletFontSize=10,
            leftIndent=8 * mm,
            spaceBefore=0,
        ),
        Spacer(1, 3 * mm),
        Paragraph(CLOSING, JUSTIFIED),
        Spacer(1, 7 * mm),
    ]
    place_date = f"{esc(content.place)}, {long_date(content.signed_on)}"
    if len(content.signatories) == 1:
        place = Table([["", Paragraph(place_date, CENTER)]], colWidths=[width / 2, width / 2])
        place.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 4)]))
        story += [place, Spacer(1, 2 * mm)]
    else:
        story += [Paragraph(place_date, CENTER), Spacer(1, 3 * mm)]
    story += _sign_rows(content.signatories, width, "Yang menyatakan,")
    if content.witnesses:
        story.append(Spacer(1, 8 * mm))
        witness = "Saksi," if len(content.witnesses) == 1 else "Saksi-saksi,"
        story += _sign_rows(content.witnesses, width, witness)
    return story


def build_letter(content: LetterContent, letterhead: Letterhead) -> PdfDocument:
    """The letter as a PDF (deterministic: the same content and letterhead, the same bytes)."""
    fingerprint = content.fingerprint()
    meta = PdfMeta(
        title=f"{content.title} — {content.number}",
        created=content.signed_on,
        author=letterhead.agency_name,
        subject=f"Pernyataan komitmen {content.commitment_id}; SHA-256 {fingerprint}",
        keywords=(content.commitment_id, fingerprint),
    )
    page_top = 297 * mm - MARGIN

    def first_page(canvas: Canvas, _doc: object) -> None:
        draw_letterhead(canvas, letterhead, page_top + 6 * mm)

    def later_pages(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        line, size = fit_line(
            f"{content.title} — Nomor {content.number}", 210 * mm - 2 * MARGIN, 7.5
        )
        canvas.setFont(FONT, size)
        canvas.setFillGray(0.35)
        canvas.drawString(MARGIN, page_top + 4 * mm, line)
        canvas.restoreState()

    return build_pdf(
        letter_story(content, content_width(meta)),
        meta,
        first_page=first_page,
        later_pages=later_pages,
        first_top=LETTERHEAD_HEIGHT,
        footer=_footer(content, fingerprint),
        footer_height=FOOTER_HEIGHT,
    )


def letter_for(session: Session, commitment_id: str) -> tuple[LetterContent, PdfDocument]:
    """The content and the PDF of a stored commitment's letter (nothing recorded)."""
    commitment = get_commitment(session, commitment_id)
    content = LetterContent.of(commitment)
    return content, build_letter(content, commitment_letterhead(session, commitment))


def make_letter(
    db: Database, actor: Actor | None, commitment_id: str, path: Path | str | None = None
) -> LetterResult:
    """Makes a commitment's letter, writes it to ``path`` (when given) and records it.

    The record (when, by whom, fingerprint, file) and the file are one action: the PDF is
    written to a temporary file first, recorded, and only once the record is committed put
    under its name. When the file cannot be written nothing is recorded, and a letter killed
    midway leaves no unrecorded PDF (at worst a record whose file is missing, made again with
    the same bytes).
    """
    target = check_output(path) if path is not None else None
    with db.session() as session:
        content, document = letter_for(session, commitment_id)
    fingerprint = content.fingerprint()
    if target is None:
        with db.transaction() as session:
            record_document(session, actor, commitment_id, fingerprint, None)
        return LetterResult(document, fingerprint, None)
    with atomic_output(target) as temp:
        temp.write_bytes(document.data)
        with db.transaction() as session:
            record_document(session, actor, commitment_id, fingerprint, str(target))
    return LetterResult(document, fingerprint, target)
