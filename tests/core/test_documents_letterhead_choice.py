"""The letterhead belongs to the commitment: a Gorontalo commitment is printed under Gorontalo's
letterhead, not the ministry's of Settings; the officer may choose another signing agency, the
choice is stored, audited and queued for the registry, and a letterhead no one signs for is
refused with nothing stored."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select, update

from jipp_desktop.db.models import AuditEntry, Commitment, OutboxChange
from jipp_desktop.documents.letter import letter_for, make_letter
from jipp_desktop.documents.letterhead import Letterhead, save_letterhead
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.agencies import update_agency
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    commitment_input,
    create_commitment,
    get_commitment,
    update_commitment,
)
from tests.core.pdf_checks import check_pages, flat, page_texts

GORONTALO = "Pemerintah Provinsi Gorontalo"
BONE_BOLANGO = "Pemerintah Kabupaten Bone Bolango"
MINISTRY = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), (30, 30, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _gorontalo(**changes: object) -> CommitmentInput:
    data = CommitmentInput(
        number="100/KOMITMEN/GTO/III/2024",
        title="Pernyataan Komitmen Replikasi Inovasi Pelayanan Publik",
        place="Gorontalo",
        signed_on=date(2024, 3, 14),
        clauses=("Mereplikasi inovasi pelayanan publik.",),
        signatories=(
            SignatoryInput(
                GORONTALO,
                "Contoh Pejabat Provinsi",
                "Sekretaris Daerah",
                agency_id=reference_id("agency", GORONTALO),
            ),
            SignatoryInput(BONE_BOLANGO, "Contoh Pejabat Kabupaten", "Bupati"),
            SignatoryInput(MINISTRY, "Contoh Saksi", "Deputi", is_witness=True),
        ),
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


@pytest.fixture
def ministry_letterhead(db, operator) -> None:
    """Settings hold the ministry's letterhead with its logo, as the app's office uses."""
    with db.transaction() as session:
        save_letterhead(
            session, operator, Letterhead(MINISTRY, "Jl. Jend. Sudirman Kav. 69", _png())
        )
        update_agency(
            session,
            operator,
            reference_id("agency", GORONTALO),
            {"address": "Jl. Sapta Marga, Kota Gorontalo (alamat contoh)"},
        )


def test_a_gorontalo_commitment_is_printed_under_gorontalos_letterhead(
    db, operator, ministry_letterhead, tmp_path
):
    with db.transaction() as session:
        cid = create_commitment(session, operator, _gorontalo()).id
    with db.session() as session:
        stored = get_commitment(session, cid)
        assert stored.letterhead_agency == GORONTALO
    document = make_letter(db, operator, cid, tmp_path / "surat.pdf").document
    first = flat(page_texts(document.data)[0])
    assert first.startswith("PEMERINTAH PROVINSI GORONTALO")
    assert "Jl. Sapta Marga, Kota Gorontalo (alamat contoh)" in first
    assert "KEMENTERIAN PENDAYAGUNAAN" not in first
    assert "Sudirman" not in first
    assert b"/Subtype /Image" not in document.data  # the ministry's emblem is not Gorontalo's
    check_pages(document.data, tmp_path / "png")


def test_the_officer_chooses_another_signing_agency_and_the_choice_is_a_synced_change(
    db, operator, ministry_letterhead
):
    with db.transaction() as session:
        cid = create_commitment(session, operator, _gorontalo()).id
    with db.transaction() as session:
        data = commitment_input(get_commitment(session, cid))
        chosen = dataclasses.replace(
            data,
            letterhead_agency="pemerintah kabupaten  bone bolango",
            letterhead_address="Jl. Prof. Dr. Ir. H. Ali Yusuf (alamat contoh)\n  Suwawa  ",
        )
        update_commitment(session, operator, cid, chosen)
    with db.session() as session:
        stored = get_commitment(session, cid)
        assert stored.letterhead_agency == BONE_BOLANGO  # as the signatories spell it
        assert stored.letterhead_address == "Jl. Prof. Dr. Ir. H. Ali Yusuf (alamat contoh)\nSuwawa"
        audited = set(
            session.scalars(
                select(AuditEntry.field).where(
                    AuditEntry.record_id == cid, AuditEntry.action == "update"
                )
            )
        )
        assert {"letterhead_agency", "letterhead_address"} <= audited
        outbox = session.scalars(select(OutboxChange).where(OutboxChange.record_id == cid)).all()
        assert len(outbox) == 1 and outbox[0].operation == "create"  # folded into the create
        _, document = letter_for(session, cid)
    first = flat(page_texts(document.data)[0])
    assert first.startswith("PEMERINTAH KABUPATEN BONE BOLANGO")
    assert "Jl. Prof. Dr. Ir. H. Ali Yusuf (alamat contoh) Suwawa" in first


def test_the_ministrys_own_commitment_keeps_the_settings_logo(db, operator, ministry_letterhead):
    with db.transaction() as session:
        cid = create_commitment(
            session, operator, _gorontalo(letterhead_agency=MINISTRY.upper())
        ).id
        _, document = letter_for(session, cid)
    first = flat(page_texts(document.data)[0])
    assert first.startswith("KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI")
    assert "Jl. Jend. Sudirman Kav. 69" in first
    assert b"/Subtype /Image" in document.data


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"letterhead_agency": "Pemerintah Provinsi Bali"}, "letterhead_agency", "bukan instansi"),
        ({"letterhead_address": "a\nb\nc\nd\ne"}, "letterhead_address", "4 baris"),
        ({"letterhead_address": "x" * 401}, "letterhead_address", "400"),
        ({"letterhead_address": "Jl. 中山"}, "letterhead_address", "U+4E2D"),
    ],
)
def test_a_bad_letterhead_is_refused_and_nothing_changes(
    db, operator, ministry_letterhead, changes, field, words
):
    with db.transaction() as session:
        cid = create_commitment(session, operator, _gorontalo()).id
    with pytest.raises(ValidationFailed) as caught, db.transaction() as session:
        update_commitment(session, operator, cid, _gorontalo(**changes))
    error = caught.value.by_field()[field]
    assert words in error.message("id") and error.message("en")
    with db.session() as session:
        stored = get_commitment(session, cid)
        assert (stored.letterhead_agency, stored.letterhead_address) == (GORONTALO, None)


def test_a_commitment_stored_before_the_choice_is_headed_by_its_first_signing_agency(
    db, operator, ministry_letterhead
):
    with db.transaction() as session:
        cid = create_commitment(session, operator, _gorontalo()).id
        # as migration 0007 leaves a commitment written by an older app
        session.execute(
            update(Commitment)
            .where(Commitment.id == cid)
            .values(letterhead_agency=None, letterhead_address=None)
        )
    with db.session() as session:
        assert commitment_input(get_commitment(session, cid)).letterhead_agency == ""
        _, document = letter_for(session, cid)
    assert flat(page_texts(document.data)[0]).startswith("PEMERINTAH PROVINSI GORONTALO")
