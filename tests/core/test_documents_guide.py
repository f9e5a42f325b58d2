"""The user guide as a PDF made by the app's own reportlab code, from docs/panduan (Indonesian)
and docs/panduan/en (English): every page and screenshot in it, the same pages in both."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from jipp_desktop.documents import guide
from jipp_desktop.documents.guide import GuideMissing, guide_pages, guide_pdf, markdown_story

from .pdf_checks import check_pages, embedded_fonts, flat, page_texts

IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def images_shown(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


@pytest.mark.parametrize(
    ("lang", "title", "page_word"),
    [("id", "Panduan Pengguna JIPP Desktop", "Halaman"), ("en", "JIPP Desktop User Guide", "Page")],
)
def test_the_guide_holds_every_page_title_and_screenshot(lang, title, page_word, tmp_path):
    pages = guide_pages(lang)
    titles = [p.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ") for p in pages]
    shots = [m for p in pages for m in IMAGE_LINK.findall(p.read_text(encoding="utf-8"))]

    pdf = guide_pdf(lang)

    texts = [flat(t) for t in page_texts(pdf.data)]
    assert texts[0].startswith(title)
    for i, chapter in enumerate(titles, 1):
        assert f"{i}. {chapter}" in texts[0]  # the contents
        assert any(t.startswith(chapter) for t in texts[1:]), chapter
    assert f"{page_word} 1 {'of' if lang == 'en' else 'dari'} {pdf.pages}" in texts[0]
    assert images_shown(pdf.data) == len(shots) >= 9
    assert embedded_fonts(pdf.data) <= {"DejaVuSans", "DejaVuSans-Bold"}
    check_pages(pdf.data, tmp_path / lang)
    assert guide_pdf(lang).data == pdf.data  # the same pages give the same bytes


def test_the_english_guide_has_the_same_pages_and_pictures():
    def outline(lang: str) -> list[tuple[int, list[str]]]:
        out = []
        for page in guide_pages(lang):
            text = page.read_text(encoding="utf-8")
            out.append((text.count("\n## "), IMAGE_LINK.findall(text)))
        return out

    assert outline("en") == outline("id")
    assert len(guide_pages("id")) == 9


def test_the_guide_covers_what_an_officer_needs():
    text = " ".join(p.read_text(encoding="utf-8") for p in guide_pages("id"))
    for topic in ("Memasang", "profil", "Ajukan untuk verifikasi", "Simpan keputusan",
                  "Simpan daftar kesalahan", "Cetak surat", "Selesaikan konflik", "restore",
                  "Salin detail"):  # fmt: skip
        assert topic in text, topic


def test_markdown_marks_lists_and_code_become_text_not_markup(tmp_path):
    story = markdown_story(
        "# Judul\n\nTeks **tebal** dan `kode <b>` & [tautan](https://contoh.example).\n\n"
        "1. satu\n2. dua\n\n    jipp-desktop backup D:\\cadangan.db\n",
        tmp_path,
    )
    kinds = [type(f).__name__ for f in story]
    assert kinds == ["Paragraph", "Paragraph", "ListFlowable", "Paragraph"]
    body = story[1].text
    assert "<b>tebal</b>" in body and "&lt;b&gt;" in body and "&amp;" in body
    assert "tautan (https://contoh.example)" in body
    assert "jipp-desktop backup D:\\cadangan.db" in story[3].text


def test_a_missing_screenshot_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"gambar/hilang\.png"):
        markdown_story("![Layar](gambar/hilang.png)\n", tmp_path)


def test_an_install_without_the_guide_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(guide, "GUIDE_ROOT", tmp_path / "tidak-ada")
    with pytest.raises(GuideMissing, match="panduan tidak ada"):
        guide_pdf("id")
