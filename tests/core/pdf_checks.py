"""What the document tests check in a PDF: its text (pypdf), embedded fonts, and every page
rendered by pdftoppm with nothing drawn in the outer margins."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

DPI = 40
# Content keeps 20 mm from the paper's edges; nothing may be drawn in the outer 8 mm.
CLEAR_MM = 8


def page_texts(data: bytes) -> list[str]:
    """The text of each page, as a reader's copy-and-paste would give it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """``text`` with every run of white space made one space (lines joined)."""
    return " ".join(text.split())


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of the fonts whose program is embedded (subset prefix dropped)."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]).split("+")[-1].lstrip("/"))
    return names


def render_pages(data: bytes, folder: Path) -> list[Path]:
    """Renders every page with pdftoppm; returns the PNG files, one per page, in order."""
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "doc.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def margins_clear(png: Path) -> bool:
    """Whether nothing is drawn in the outer margin strips of a rendered page."""
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        edge = round(CLEAR_MM / 25.4 * DPI)
        strips = [
            (0, 0, edge, height),
            (width - edge, 0, width, height),
            (0, 0, width, edge),
            (0, height - edge, width, height),
        ]
        return all(gray.crop(box).getextrema()[0] >= 250 for box in strips)


def check_pages(data: bytes, folder: Path) -> list[Path]:
    """Renders every page and asserts each is drawn, with clear margins; returns the PNGs."""
    pngs = render_pages(data, folder)
    assert len(pngs) == len(PdfReader(io.BytesIO(data)).pages)
    for png in pngs:
        assert margins_clear(png), f"{png.name}: something is drawn in the outer margin"
        with Image.open(png) as image:
            assert image.convert("L").getextrema()[0] < 128, f"{png.name} is blank"
    return pngs
