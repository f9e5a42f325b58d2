"""The letterhead (kop surat) printed on letters and reports: agency name, address and logo.

Reports are printed under the office's letterhead of Settings; a commitment's letter under the
letterhead of its signing agency, chosen and stored with the commitment
(:func:`commitment_letterhead`).

It is stored in the settings table under ``letterhead.agency_name``, ``letterhead.address`` and
``letterhead.logo``. The logo is kept as base64 text of the image file's bytes inside the store,
not as a path to a file: it then travels with the database (backup, restore, another computer),
cannot go missing when the original file is moved, and reportlab reads it straight from memory.
Its size is capped (``MAX_LOGO_BYTES``) so the store stays small.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Commitment
from jipp_desktop.documents.fonts import FONT, FONT_BOLD
from jipp_desktop.documents.styles import INK, RULE
from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.commitments import signing_agencies
from jipp_desktop.services.officers import Actor, require_role
from jipp_desktop.services.settings import get_setting, set_setting

KEY_AGENCY = "letterhead.agency_name"
KEY_ADDRESS = "letterhead.address"
KEY_LOGO = "letterhead.logo"
MAX_LOGO_BYTES = 512 * 1024
LOGO_FORMATS = ("PNG", "JPEG")
DEFAULT_AGENCY = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
HEIGHT = 30 * mm


@dataclass(frozen=True)
class Letterhead:
    """The letterhead as set in Settings.

    Attributes:
        agency_name: the issuing agency, printed in bold capitals.
        address: its address (one or more lines).
        logo: the logo image file's bytes (PNG or JPEG), or None.
    """

    agency_name: str = DEFAULT_AGENCY
    address: str = ""
    logo: bytes | None = None

    def logo_digest(self) -> str:
        """A short fingerprint of the logo (to tell two letterheads apart)."""
        return hashlib.sha256(self.logo or b"").hexdigest()[:12]


def load_letterhead(session: Session) -> Letterhead:
    """The stored letterhead (the ministry's name when nothing was set)."""
    logo_text = get_setting(session, KEY_LOGO)
    return Letterhead(
        agency_name=get_setting(session, KEY_AGENCY) or DEFAULT_AGENCY,
        address=get_setting(session, KEY_ADDRESS),
        logo=base64.b64decode(logo_text) if logo_text else None,
    )


def _same_agency(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _agency_address(session: Session, commitment: Commitment, name: str) -> str:
    """The stored address of the signing agency ``name``: the agency a signatory names by id,
    else the one live agency of that name ("" when there is none or it has no address)."""
    ids = {s.agency_id for s in commitment.signatories if s.agency_id and s.agency_name == name}
    query = select(Agency.address).where(Agency.deleted_at.is_(None))
    query = query.where(Agency.id.in_(ids)) if ids else query.where(Agency.name == name)
    addresses = list(session.scalars(query.limit(2)))
    return (addresses[0] or "") if len(addresses) == 1 else ""


def commitment_letterhead(session: Session, commitment: Commitment) -> Letterhead:
    """The letterhead a commitment's letter is printed under: its signing agency's.

    The agency is the one stored with the commitment (``letterhead_agency``), or its first
    signing agency for one stored before the choice existed. The address is the one stored with
    the commitment, else the agency's own. The logo of Settings is that of the agency named
    there: it is printed only when the commitment's letterhead is that agency's (a regency's
    commitment is not printed under the ministry's emblem).
    """
    office = load_letterhead(session)
    agencies = signing_agencies(commitment.signatories)
    name = commitment.letterhead_agency or (agencies[0] if agencies else office.agency_name)
    own = _same_agency(name, office.agency_name)
    address = (
        commitment.letterhead_address
        or _agency_address(session, commitment, name)
        or (office.address if own else "")
    )
    return Letterhead(agency_name=name, address=address, logo=office.logo if own else None)


def check_logo(data: bytes) -> FieldError | None:
    """Why ``data`` cannot be the logo (too big, not a PNG or JPEG image), or None."""
    if len(data) > MAX_LOGO_BYTES:
        return FieldError(
            "logo",
            f"logo terlalu besar ({len(data) // 1024} KB); paling besar "
            f"{MAX_LOGO_BYTES // 1024} KB",
            f"the logo is too large ({len(data) // 1024} KB); at most {MAX_LOGO_BYTES // 1024} KB",
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    if kind not in LOGO_FORMATS:
        return FieldError(
            "logo",
            "logo harus berkas gambar PNG atau JPEG",
            "the logo must be a PNG or JPEG image file",
        )
    return None


def save_letterhead(session: Session, actor: Actor, letterhead: Letterhead) -> None:
    """Stores the letterhead after checking it; the change goes into the audit log."""
    require_role(actor, "operator", "admin")
    agency = clean_text(letterhead.agency_name)
    address = "\n".join(
        line.strip() for line in clean_text(letterhead.address, multiline=True).splitlines()
    )
    errors: list[FieldError] = []
    if not 2 <= len(agency) <= 200:
        errors.append(
            FieldError(
                "agency_name",
                "nama instansi kop surat wajib diisi (2-200 karakter)",
                "the letterhead's agency name is required (2-200 characters)",
            )
        )
    if len(address) > 400 or address.count("\n") > 3:
        errors.append(
            FieldError(
                "address",
                "alamat kop surat paling banyak 400 karakter dan 4 baris",
                "the letterhead's address is at most 400 characters and 4 lines",
            )
        )
    for field, text in (("agency_name", agency), ("address", address)):
        if err := unprintable_error(field, text, "kop surat", "the letterhead"):
            errors.append(err)
    if letterhead.logo is not None:
        err = check_logo(letterhead.logo)
        if err:
            errors.append(err)
    if errors:
        raise ValidationFailed(errors)
    before = load_letterhead(session)
    logo_text = base64.b64encode(letterhead.logo).decode("ascii") if letterhead.logo else ""
    set_setting(session, KEY_AGENCY, agency)
    set_setting(session, KEY_ADDRESS, address)
    set_setting(session, KEY_LOGO, logo_text)
    diff = {
        k: (b, a)
        for k, b, a in (
            ("agency_name", before.agency_name, agency),
            ("address", before.address, address),
            (
                "logo",
                before.logo_digest() if before.logo else None,
                hashlib.sha256(letterhead.logo).hexdigest()[:12] if letterhead.logo else None,
            ),
        )
        if b != a
    }
    if diff:
        record_change(session, actor, "setting", "letterhead", "update", diff)


def draw_letterhead(canvas: Canvas, letterhead: Letterhead, top: float) -> None:
    """Draws the letterhead across the top of the page, with a double rule beneath it.

    Args:
        canvas: the page.
        letterhead: what to print.
        top: the y of the top edge of the letterhead area.
    """
    width, _ = canvas._pagesize
    left = 20 * mm
    right = width - 20 * mm
    text_left = left
    canvas.saveState()
    if letterhead.logo:
        logo = ImageReader(io.BytesIO(letterhead.logo))
        w, h = logo.getSize()
        box = 22 * mm
        scale = min(box / w, box / h)
        canvas.drawImage(
            logo, left, top - box + (box - h * scale) / 2, w * scale, h * scale, mask="auto"
        )
        text_left = left + box + 5 * mm
    centre = (text_left + right) / 2
    canvas.setFillColor(INK)
    size = 13 if len(letterhead.agency_name) <= 60 else 10.5
    names = simpleSplit(letterhead.agency_name.upper(), FONT_BOLD, size, right - text_left)[:2]
    address = [
        part
        for line in letterhead.address.splitlines()[:4]
        for part in simpleSplit(line, FONT, 8.5, right - text_left)[:1]
    ]
    # The text block sits in the middle of the space above the rule, however many lines.
    block = len(names) * size * 1.25 + len(address) * 10.5
    y = top - (HEIGHT - 4 * mm - block) / 2 - size
    for line in names:
        canvas.setFont(FONT_BOLD, size)
        canvas.drawCentredString(centre, y, line)
        y -= size * 1.25
    canvas.setFont(FONT, 8.5)
    for part in address:
        canvas.drawCentredString(centre, y, part)
        y -= 10.5
    rule_y = top - HEIGHT + 2 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(1.6)
    canvas.line(left, rule_y, right, rule_y)
    canvas.setLineWidth(0.5)
    canvas.line(left, rule_y - 2, right, rule_y - 2)
    canvas.restoreState()
