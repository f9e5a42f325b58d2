"""The commitment letter: what a reader checks on it, its fingerprint, QR, fonts, layout for
1 to 40 signatories, determinism, and the record of each letter made."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select

from jipp_desktop.db.models import CommitmentDocument
from jipp_desktop.documents.cohort import commitment_for_cohort, list_cohorts
from jipp_desktop.documents.letter import (
    LetterContent,
    build_letter,
    letter_for,
    make_letter,
    parse_qr_payload,
    qr_payload,
)
from jipp_desktop.documents.letterhead import Letterhead, load_letterhead, save_letterhead
from jipp_desktop.domain.errors import NotFound, ValidationFailed
from jipp_desktop.outputs import OutputRefused
from jipp_desktop.reference.hubs import MINISTRIES_2023
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    create_commitment,
)
from tests.core.pdf_checks import check_pages, embedded_fonts, flat, page_texts

# 18 digits: birth date, appointment month (at 20 or later), sex, serial number.
NIPS = [
    f"19{70 + i % 20:02d}{1 + i % 12:02d}{1 + i % 28:02d}"
    f"20{i % 10:02d}0{1 + i % 9}{1 + i % 2}{i:03d}"
    for i in range(60)
]


def _signers(count: int) -> list[SignatoryInput]:
    names = [name for name, _ in MINISTRIES_2023]
    return [
        SignatoryInput(
            agency_name=names[i % len(names)],
            official_name=f"Pejabat Penanda Tangan {i + 1:02d}",
            official_position="Sekretaris Jenderal",
            nip=NIPS[i],
        )
        for i in range(count)
    ]


def _commitment(db, operator, count: int, **changes) -> str:
    data = CommitmentInput(
        number="001/KOMITMEN/HUB-JIPP/X/2023",
        title="Pernyataan Komitmen Bersama Pembentukan Hub JIPP",
        place="Jakarta",
        signed_on=date(2023, 10, 20),
        opening="Kami yang bertanda tangan di bawah ini menyatakan komitmen bersama untuk:",
        clauses=("Membentuk Hub JIPP.", "Mendorong replikasi inovasi pelayanan publik."),
        signatories=(
            *_signers(count),
            SignatoryInput("Kementerian PANRB", "Diah Natalisa", "Deputi", None, is_witness=True),
        ),
    )
    with db.transaction() as session:
        return create_commitment(session, operator, dataclasses.replace(data, **changes)).id


def test_the_letter_says_what_a_reader_checks(db, operator, tmp_path):
    cid = _commitment(db, operator, 12)
    result = make_letter(db, operator, cid, tmp_path / "surat.pdf")
    data = (tmp_path / "surat.pdf").read_bytes()
    assert data == result.document.data
    pages = page_texts(data)
    text = flat(" ".join(pages))
    assert "PERNYATAAN KOMITMEN BERSAMA PEMBENTUKAN HUB JIPP" in text
    assert "Nomor: 001/KOMITMEN/HUB-JIPP/X/2023" in text
    assert "Jakarta, Jumat, 20 Oktober 2023" in text
    assert "1. Membentuk Hub JIPP." in text and "2. Mendorong replikasi" in text
    for signer in _signers(12):
        assert signer.official_name in text
        assert f"NIP. {signer.nip}" in text
    assert "Diah Natalisa" in text and "Saksi, Kementerian PANRB" in text  # one witness
    assert f"Halaman 1 dari {len(pages)}" in flat(pages[0])
    assert f"Halaman {len(pages)} dari {len(pages)}" in flat(pages[-1])
    # the fingerprint printed under the QR code on every page
    for page in pages:
        assert result.fingerprint[:32] in page and result.fingerprint[32:] in page


def test_fonts_are_embedded_and_every_page_renders_within_the_margins(db, operator, tmp_path):
    cid = _commitment(db, operator, 12)
    document = make_letter(db, operator, cid).document
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(document.data)
    pngs = check_pages(document.data, tmp_path / "png")
    assert len(pngs) == document.pages == 2


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (12, 2), (40, 4)])
def test_signature_blocks_flow_cleanly_across_pages(db, operator, tmp_path, count, pages):
    cid = _commitment(db, operator, count)
    document = make_letter(db, operator, cid).document
    assert document.pages == pages
    texts = [flat(t) for t in page_texts(document.data)]
    for signer in _signers(count):
        holding = [i for i, t in enumerate(texts) if signer.official_name in t]
        assert len(holding) == 1, f"{signer.official_name} printed on pages {holding}"
        # a signature block never splits: the NIP is on the name's page
        assert f"NIP. {signer.nip}" in texts[holding[0]]
    check_pages(document.data, tmp_path / "png")


def test_one_signatory_signs_at_the_right(db, operator, tmp_path):
    cid = _commitment(db, operator, 1)
    png = check_pages(make_letter(db, operator, cid).document.data, tmp_path / "png")[0]
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        # the signature block sits in the right half: the left half of its band is empty
        band = gray.crop((0, int(height * 0.55), width // 2 - 4, int(height * 0.75)))
        assert band.getextrema()[0] >= 250


def test_the_fingerprint_can_be_recomputed_from_the_record(db, operator):
    cid = _commitment(db, operator, 2)
    with db.session() as session:
        content, _ = letter_for(session, cid)
    canonical = {
        "format": "jipp-commitment-v1",
        "id": cid,
        "number": "001/KOMITMEN/HUB-JIPP/X/2023",
        "title": "Pernyataan Komitmen Bersama Pembentukan Hub JIPP",
        "place": "Jakarta",
        "signed_on": "2023-10-20",
        "opening": "Kami yang bertanda tangan di bawah ini menyatakan komitmen bersama untuk:",
        "clauses": ["Membentuk Hub JIPP.", "Mendorong replikasi inovasi pelayanan publik."],
        "signatories": [
            {
                "agency": s.agency_name,
                "name": s.official_name,
                "position": s.official_position,
                "nip": s.nip,
            }
            for s in _signers(2)
        ],
        "witnesses": [
            {
                "agency": "Kementerian PANRB",
                "name": "Diah Natalisa",
                "position": "Deputi",
                "nip": "",
            }
        ],
    }
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert content.fingerprint() == hashlib.sha256(text.encode("utf-8")).hexdigest()
    payload = qr_payload(cid, content.fingerprint())
    assert parse_qr_payload(payload) == (cid, content.fingerprint())
    with pytest.raises(ValueError):
        parse_qr_payload("https://example.org/not-a-letter")


def test_the_same_commitment_gives_the_same_bytes(db, operator):
    cid = _commitment(db, operator, 12)
    first = make_letter(db, operator, cid).document
    second = make_letter(db, operator, cid).document
    assert first.data == second.data
    with db.session() as session:
        content, _ = letter_for(session, cid)
    changed = dataclasses.replace(content, place="Bandung")
    assert changed.fingerprint() != content.fingerprint()
    assert build_letter(changed, Letterhead()).data != first.data


def test_each_letter_made_is_recorded_with_who_and_fingerprint(db, operator, tmp_path):
    cid = _commitment(db, operator, 3)
    result = make_letter(db, operator, cid, tmp_path / "a.pdf")
    make_letter(db, operator, cid)
    with db.session() as session:
        docs = list(session.scalars(select(CommitmentDocument).order_by(CommitmentDocument.id)))
    assert [d.commitment_id for d in docs] == [cid, cid]
    assert all(d.officer_id == operator.id and d.sha256 == result.fingerprint for d in docs)
    assert docs[0].path == str(tmp_path / "a.pdf") and docs[1].path is None


def test_a_letter_that_cannot_be_written_is_not_recorded(db, operator, tmp_path):
    cid = _commitment(db, operator, 1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutputRefused, match="folder tidak ada"):
        make_letter(db, operator, cid, blocker / "surat.pdf")
    with db.session() as session:
        assert session.scalar(select(CommitmentDocument.id)) is None


def test_unknown_commitment_is_refused(db, operator):
    with pytest.raises(NotFound) as caught:
        make_letter(db, operator, "no-such-id")
    assert "tidak ditemukan" in caught.value.message("id")
    assert "not found" in caught.value.message("en")


def test_indonesian_text_and_symbols_come_out_as_typed(db, operator):
    cid = _commitment(
        db,
        operator,
        1,
        clauses=("Menjamin layanan 24 jam — tanpa biaya “pungutan liar”; target ≥ 95 %.",),
        signatories=(
            SignatoryInput(
                "Pemerintah Kota Denpasar", "Ni Luh Putu Ayu Ariñi, S.E.", "Wali Kota", NIPS[0]
            ),
        ),
    )
    with db.session() as session:
        _, document = letter_for(session, cid)
    text = flat(" ".join(page_texts(document.data)))
    assert "24 jam — tanpa biaya “pungutan liar”; target ≥ 95 %." in text
    assert "Ni Luh Putu Ayu Ariñi, S.E." in text


def _png(size: tuple[int, int] = (60, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_letterhead_from_settings_is_printed_on_the_letter_of_its_agency(db, operator):
    with db.transaction() as session:
        save_letterhead(
            session,
            operator,
            Letterhead("Pemerintah Provinsi Bali", "Jl. Basuki Rahmat No. 1, Denpasar", _png()),
        )
    bali = SignatoryInput("Pemerintah Provinsi Bali", "Contoh Pejabat", "Gubernur", NIPS[0])
    cid = _commitment(db, operator, 1, signatories=(bali,))
    with db.session() as session:
        letterhead = load_letterhead(session)
        _, document = letter_for(session, cid)
    assert letterhead.logo == _png()
    first = flat(page_texts(document.data)[0])
    assert "PEMERINTAH PROVINSI BALI" in first
    assert "Jl. Basuki Rahmat No. 1, Denpasar" in first
    assert b"/Subtype /Image" in document.data


@pytest.mark.parametrize(
    ("letterhead", "field", "words"),
    [
        (Letterhead("X", ""), "agency_name", "wajib diisi"),
        (Letterhead("Pemprov Bali", "a\nb\nc\nd\ne"), "address", "4 baris"),
        (Letterhead("Pemprov Bali", "", b"GIF89a not an image"), "logo", "PNG atau JPEG"),
        (Letterhead("Pemprov Bali", "", b"\x89PNG" + b"0" * 600_000), "logo", "terlalu besar"),
    ],
)
def test_bad_letterhead_is_refused_and_nothing_changes(db, operator, letterhead, field, words):
    with db.transaction() as session:
        save_letterhead(session, operator, Letterhead("Pemerintah Kota Denpasar", "Jl. Gajah Mada"))
    with pytest.raises(ValidationFailed) as caught, db.transaction() as session:
        save_letterhead(session, operator, letterhead)
    error = caught.value.by_field()[field]
    assert words in error.message("id") and error.message("en")
    with db.session() as session:
        assert load_letterhead(session) == Letterhead("Pemerintah Kota Denpasar", "Jl. Gajah Mada")


def test_commitment_from_the_october_2023_hub_event(db, operator):
    with db.session() as session:
        cohorts = {c.cohort: c for c in list_cohorts(session)}
        data = commitment_for_cohort(session, "ministries_2023")
    assert cohorts["ministries_2023"].hubs == 12
    assert data.signed_on == date(2023, 10, 20)
    signers = [s for s in data.signatories if not s.is_witness]
    assert [s.agency_name for s in signers] == [name for name, _ in MINISTRIES_2023]
    assert all(s.agency_id and not s.official_name for s in signers)
    assert [s.agency_name for s in data.signatories if s.is_witness] == [
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
    ]
    # once the officer fills in the names it is a valid commitment and letter
    filled = dataclasses.replace(
        data,
        number="B/100/KOMITMEN/X/2023",
        signatories=tuple(
            dataclasses.replace(s, official_name=f"Pejabat {i}", official_position="Menteri")
            for i, s in enumerate(data.signatories, 1)
        ),
    )
    with db.transaction() as session:
        cid = create_commitment(session, operator, filled).id
    text = flat(" ".join(page_texts(make_letter(db, operator, cid).document.data)))
    assert "Pada hari ini, Jumat, 20 Oktober 2023" in text
    assert all(f"Pejabat {i}" in text for i in range(1, 14))


def test_unknown_cohort_is_refused(db):
    with pytest.raises(NotFound), db.session() as session:
        commitment_for_cohort(session, "no-such-cohort")


def test_letter_content_reads_signatories_and_witnesses_apart(db, operator):
    cid = _commitment(db, operator, 3)
    with db.session() as session:
        content, _ = letter_for(session, cid)
    assert isinstance(content, LetterContent)
    assert len(content.signatories) == 3
    assert [w.name for w in content.witnesses] == ["Diah Natalisa"]
