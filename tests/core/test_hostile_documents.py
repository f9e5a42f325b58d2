"""The smaller document items of issue 11: every font in every PDF is embedded (no standard font
referenced), a commitment number of its column's full length stays inside the page, and text a
letter, a profile or a report cannot print (CJK, emoji, Arabic or Hebrew script) is refused
where it is entered — the form's rules, the import, an agency — while the Indonesian letters and
punctuation print."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from jipp_desktop.documents.letter import fit_line, make_letter
from jipp_desktop.documents.letterhead import Letterhead, save_letterhead
from jipp_desktop.documents.reports import ReportRequest, make_report
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.services.agencies import create_agency
from jipp_desktop.services.commitments import (
    MAX_LEN,
    CommitmentInput,
    SignatoryInput,
    create_commitment,
)
from jipp_desktop.services.hubs import list_hubs
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.verification import VerificationInput, submit, verify
from jipp_desktop.spreadsheets.importer import import_spreadsheet

from .pdf_checks import check_pages, flat, page_texts
from .spreadsheet_files import write_xlsx

SIGNER = SignatoryInput("Pemerintah Kota Denpasar", "I Gusti Ngurah Jaya", "Wali Kota")


def commitment(**changes) -> CommitmentInput:
    data = {
        "number": "001/KOMITMEN/2024",
        "title": "Pernyataan Komitmen Replikasi Inovasi",
        "place": "Denpasar",
        "signed_on": date(2024, 3, 1),
        "clauses": ("Mereplikasi inovasi pelayanan publik.",),
        "signatories": (SIGNER,),
    }
    return CommitmentInput(**(data | changes))


def fonts(data: bytes) -> dict[str, bool]:
    """Every font a page (or a form on it) uses → whether its program is embedded."""
    out: dict[str, bool] = {}

    def walk(resources) -> None:
        resources = resources.get_object()
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            out[str(font["/BaseFont"])] = embedded
        for ref in (resources.get("/XObject") or {}).values():
            xobject = ref.get_object()
            if "/Resources" in xobject:
                walk(xobject["/Resources"])

    for page in PdfReader(io.BytesIO(data)).pages:
        walk(page["/Resources"])
    return out


def test_every_font_of_every_document_is_embedded(db, operator, verifier, make_values, tmp_path):
    with db.transaction() as s:
        cid = create_commitment(s, operator, commitment()).id
        record = create_innovation(s, operator, make_values()).id
        submit(s, operator, record)
    with db.transaction() as s:
        verify(s, verifier, record, VerificationInput("valid_continuing", "desk"))
    with db.session() as s:
        hub = list_hubs(s)[0].id
    documents = {"letter": make_letter(db, operator, cid).document.data}
    for kind, target in (
        ("recap", None),
        ("verification", None),
        ("hub", hub),
        ("innovation", record),
    ):
        documents[kind] = make_report(db, ReportRequest(kind=kind, target=target)).data
    for kind, data in documents.items():
        used = fonts(data)
        assert used and all(used.values()), (kind, used)
        assert not any("Helvetica" in name for name in used), (kind, used)


def test_a_number_of_full_length_stays_on_the_page(db, operator, tmp_path):
    number = ("900/1234/KOMITMEN-BERSAMA/HUB-JIPP/DEPUTI-PELAYANAN-PUBLIK/" * 3)[
        : MAX_LEN["number"]
    ]
    with db.transaction() as s:
        cid = create_commitment(s, operator, commitment(number=number)).id
    data = make_letter(db, operator, cid).document.data
    check_pages(data, tmp_path / "halaman")
    assert f"Nomor: {number}" in flat(page_texts(data)[0])

    text, size = fit_line("W" * 400, 100, 7)
    assert text.endswith("…") and size == 5


@pytest.mark.parametrize(
    ("change", "char"),
    [
        ({"title": "Komitmen 共同承诺"}, "共"),
        ({"place": "Denpasar 🚀"}, "🚀"),
        ({"clauses": ("Butir satu", "التزام مشترك")}, "ا"),
        ({"signatories": (SignatoryInput("Instansi", "שלום", "Jabatan"),)}, "ש"),
        ({"number": "001/✈/2024"}, None),  # a symbol DejaVu Sans has is fine
    ],
)
def test_text_a_letter_cannot_print_is_refused_at_entry(db, operator, change, char):
    if char is None:
        with db.transaction() as s:
            create_commitment(s, operator, commitment(**change))
        return
    with db.transaction() as s, pytest.raises(ValidationFailed) as info:
        create_commitment(s, operator, commitment(**change))
    assert f"U+{ord(char):04X}" in info.value.message("en")


def test_the_letterhead_refuses_it_too(db, operator):
    with db.transaction() as s, pytest.raises(ValidationFailed, match=r"U\+5171"):
        save_letterhead(s, operator, Letterhead("Pemerintah 共 Kota", "Jl. Contoh 1", None))


@pytest.mark.parametrize(
    ("field", "text", "char"),
    [
        ("title", "SIPANDU 智能 (Sistem Pelayanan Terpadu)", "智"),
        ("summary", "Warga melapor lewat aplikasi 📱 dari rumah.", "📱"),
        ("unit_name", "Dinas مدينة", "م"),
    ],
)
def test_innovation_text_a_profile_cannot_print_is_refused_by_the_form(
    db, operator, make_values, field, text, char
):
    with db.transaction() as s, pytest.raises(ValidationFailed) as info:
        create_innovation(s, operator, make_values(**{field: text}))
    [error] = info.value.errors
    assert error.field == field and f"U+{ord(char):04X}" in error.id
    assert "tidak dapat dicetak pada profil dan laporan" in error.id


def test_what_indonesian_text_uses_prints_in_the_profile(db, operator, make_values):
    summary = "Layanan “Jemput Bola” – antre ≤ 5 menit; biaya Rp0 (€0); catatan № 3… café"
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values(summary=summary)).id
    data = make_report(db, ReportRequest(kind="innovation", target=record)).data
    assert flat(summary) in flat(" ".join(page_texts(data)))


def test_the_import_refuses_the_row_and_names_the_character(db, operator, tmp_path):
    path = write_xlsx(
        tmp_path / "aksara.xlsx",
        [
            ["SAPA WARGA (Sistem Aduan Warga) 🙂", "Pemkot Denpasar"],
            ["LAPAK ASIK (Layanan Pertanahan Akhir Pekan)", "Pemkot Denpasar"],
        ],
        ["Judul Inovasi", "Institusi"],
    )
    report = import_spreadsheet(db, operator, path)
    assert (report.new, report.invalid) == (1, 1)
    [problem] = report.problems
    assert (problem.row, problem.field) == (2, "title") and "U+1F642" in problem.id


def test_an_agency_name_is_checked_too(db, operator):
    with db.transaction() as s, pytest.raises(ValidationFailed, match=r"U\+5E02"):
        create_agency(s, operator, {"name": "Pemerintah 市 Contoh", "kind": "other"})


def test_a_space_the_font_lacks_is_refused_too(db, operator, make_values):
    with db.transaction() as s, pytest.raises(ValidationFailed, match=r"U\+3000"):
        create_innovation(s, operator, make_values(summary="Ringkasan\u3000dengan spasi CJK."))


def test_decision_notes_and_a_hub_decree_are_checked(db, operator, verifier, make_values):
    from jipp_desktop.services.hubs import create_hub

    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
        submit(s, operator, record)
    with db.transaction() as s, pytest.raises(ValidationFailed, match=r"U\+1F44D"):
        verify(s, verifier, record, VerificationInput("needs_revision", "desk", "Perbaiki 👍"))
    with db.session() as s:
        agency = list_hubs(s)[0].agency_id
    with db.transaction() as s, pytest.raises(ValidationFailed, match=r"U\+5171"):
        create_hub(s, operator, {"agency_id": agency, "decree": "SK 共 2024", "year": 2024})
