"""The commitments page as an officer uses it: edit, a bad NIP told at the field, prefill from
the October 2023 hub event, save, print the letter and see its pages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from jipp_desktop.db.models import Commitment, CommitmentDocument
from jipp_desktop.documents.letter import letter_for
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from tests.core.pdf_checks import page_texts
from ui.commitments.page import CommitmentsPage
from ui.commitments.signatories import NIP_COLUMN


def _stored(db, operator) -> str:
    data = CommitmentInput(
        number="010/PK/2024",
        title="Pernyataan Komitmen Replikasi",
        place="Denpasar",
        signed_on=date(2024, 3, 14),
        clauses=("Mereplikasi inovasi.",),
        signatories=(
            SignatoryInput("Pemerintah Kota Denpasar", "I Gusti Ngurah Jaya", "Wali Kota"),
        ),
    )
    with db.transaction() as session:
        return create_commitment(session, operator, data).id


def _page(ctx, qtbot) -> CommitmentsPage:
    page = CommitmentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.model.reads.busy)  # the list is read on the read pool
    return page


def test_the_list_shows_stored_commitments(ctx, qtbot, qtmodeltester, db, operator):
    _stored(db, operator)
    page = _page(ctx, qtbot)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "010/PK/2024"
    assert page.model.index(0, 3).data() == "14 Mar 2024"  # the lists' one date format
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.editor.signatories)


def test_a_bad_nip_is_told_at_the_field_and_nothing_is_saved(ctx, qtbot, db, operator):
    cid = _stored(db, operator)
    page = _page(ctx, qtbot)
    page.table.selectRow(0)
    assert page.current_id == cid and page.editor.place.text() == "Denpasar"
    model = page.editor.signatories
    nip = model.index(0, NIP_COLUMN)
    model.setData(nip, "19850312")
    label = page.editor.errors.labels["signatories"]
    assert label.isVisible()
    assert label.text() == "Baris 1, NIP: NIP harus 18 digit angka"
    assert nip.data(Qt.ItemDataRole.ToolTipRole) == "NIP harus 18 digit angka"
    page.save()
    assert "Periksa NIP" in page.message.text()
    with db.session() as session:
        assert session.get(Commitment, cid).signatories[0].nip is None
    model.setData(nip, "198503122010012003")
    assert not label.isVisible()


def test_a_missing_field_is_told_at_the_field(ctx, qtbot, db):
    page = _page(ctx, qtbot)
    page.new_commitment()
    page.editor.title.setText("Pernyataan Komitmen")
    page.save()
    number_error = page.editor.errors.labels["number"]
    qtbot.waitUntil(number_error.isVisible)
    assert number_error.text() == "nomor wajib diisi"
    assert page.editor.errors.labels["clauses"].text() == "paling sedikit satu butir komitmen"
    with db.session() as session:
        assert session.scalar(select(Commitment.id)) is None


def test_prefill_from_the_hub_event_then_save_and_print(ctx, qtbot, db):
    page = _page(ctx, qtbot)
    page.prefill_from_cohort("ministries_2023")
    editor = page.editor
    model = editor.signatories
    assert model.rowCount() == 13
    assert editor.value().signed_on == date(2023, 10, 20)
    assert editor.date_text.text() == "Jumat, 20 Oktober 2023"
    editor.number.setText("B/20/KOMITMEN/X/2023")
    for row in range(model.rowCount()):
        model.setData(model.index(row, 1), f"Pejabat {row + 1}")
        model.setData(model.index(row, 2), "Sekretaris Jenderal")
    page.print_letter()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=15000)
    assert page.preview.preview.page_count() == 2
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    with db.session() as session:
        stored = session.scalars(select(Commitment)).one()
        assert len(stored.signatories) == 13
        documents = session.scalars(select(CommitmentDocument)).all()
    assert [d.commitment_id for d in documents] == [stored.id]


def test_clauses_are_added_removed_and_reordered(ctx, qtbot):
    page = _page(ctx, qtbot)
    editor = page.editor
    editor.add_clause("Pertama")
    editor.add_clause("Kedua")
    editor.add_clause("Ketiga")
    editor.clauses.setCurrentRow(2)
    editor._move_clause(-1)
    assert editor.value().clauses == ("Pertama", "Ketiga", "Kedua")
    editor.clauses.setCurrentRow(0)
    editor._remove_clause()
    assert editor.value().clauses == ("Ketiga", "Kedua")


def test_the_officer_sees_and_chooses_the_letterhead_among_the_signing_agencies(
    ctx, qtbot, db, operator, tmp_path
):
    data = CommitmentInput(
        number="020/PK/2024",
        title="Pernyataan Komitmen Replikasi",
        place="Gorontalo",
        signed_on=date(2024, 3, 14),
        clauses=("Mereplikasi inovasi.",),
        signatories=(
            SignatoryInput("Pemerintah Provinsi Gorontalo", "Contoh Pejabat", "Sekretaris Daerah"),
            SignatoryInput("Pemerintah Kabupaten Boalemo", "Contoh Bupati", "Bupati"),
            SignatoryInput("Kementerian PANRB", "Contoh Saksi", "Deputi", is_witness=True),
        ),
    )
    with db.transaction() as session:
        cid = create_commitment(session, operator, data).id
    page = _page(ctx, qtbot)
    page.table.selectRow(0)
    combo = page.editor.letterhead
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Pemerintah Provinsi Gorontalo",
        "Pemerintah Kabupaten Boalemo",
        "Kementerian PANRB",
    ]
    assert combo.currentText() == "Pemerintah Provinsi Gorontalo"
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    page.editor.letterhead_address.setPlainText("Jl. Contoh No. 1, Tilamuta")
    page.print_letter()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=15000)
    with db.session() as session:
        stored = session.get(Commitment, cid)
        assert stored.letterhead_agency == "Pemerintah Kabupaten Boalemo"
        assert stored.letterhead_address == "Jl. Contoh No. 1, Tilamuta"
        _, document = letter_for(session, cid)
    first = " ".join(page_texts(document.data)[0].split())
    assert first.startswith("PEMERINTAH KABUPATEN BOALEMO Jl. Contoh No. 1, Tilamuta")
    # renaming another row keeps the choice; removing the chosen agency falls back to the first
    model = page.editor.signatories
    model.setData(model.index(0, 0), "Pemerintah Provinsi Gorontalo (Sekretariat Daerah)")
    assert combo.currentText() == "Pemerintah Kabupaten Boalemo"
    page.editor.table.selectRow(1)
    page.editor._remove_signer()
    assert combo.currentText() == "Pemerintah Provinsi Gorontalo (Sekretariat Daerah)"


def _type_date(qtbot, field, text: str) -> None:
    field.window().activateWindow()
    qtbot.waitUntil(field.window().isActiveWindow)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_the_signing_date_is_typed_the_indonesian_way_and_an_impossible_one_is_told(ctx, qtbot, db):
    page = _page(ctx, qtbot)
    editor = page.editor
    field = editor.signed_on
    _type_date(qtbot, field, "14 Maret 2024")
    assert not field.hasFocus()  # Tab went on
    assert field.text() == "14 Mar 2024"  # the lists' format, as in the innovation form
    assert editor.date_text.text() == "Kamis, 14 Maret 2024"
    assert editor.value().signed_on == date(2024, 3, 14)
    _type_date(qtbot, field, "30/02/2024")
    label = editor.errors.labels["signed_on"]
    assert label.isVisibleTo(editor) and label.text()
    editor.number.setText("011/PK/2024")
    editor.title.setText("Komitmen Replikasi")
    editor.place.setText("Denpasar")
    page.save()
    assert page.message.text() == "Periksa tanggal yang ditandai."
    assert field.hasFocus()
    ctx.jobs.wait_idle()
    with db.session() as session:
        assert session.scalar(select(Commitment.id)) is None
    _type_date(qtbot, field, "15-3-2024")
    assert not label.isVisibleTo(editor)
    assert editor.value().signed_on == date(2024, 3, 15)


def test_at_1280_wide_the_list_shows_the_title_and_date_whole(ctx, qtbot, db, operator):
    _stored(db, operator)
    page = _page(ctx, qtbot)
    page.resize(1240, 720)  # the page inside a 1280×800 window
    page.model.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    table = page.table
    metrics = table.fontMetrics()
    date_text = str(page.model.index(0, 3).data())
    heading = str(page.model.headerData(3, Qt.Orientation.Horizontal))
    needed = max(metrics.horizontalAdvance(date_text), metrics.horizontalAdvance(heading))
    assert table.columnWidth(3) >= needed  # the date and its header whole
    # The title wraps: wide enough for its longest word, the row tall enough for its lines.
    title = str(page.model.index(0, 1).data())
    width = table.columnWidth(1)
    assert width >= max(metrics.horizontalAdvance(w) for w in title.split())
    lines = -(-metrics.horizontalAdvance(title) // (width - 8))
    assert table.rowHeight(0) >= lines * metrics.lineSpacing()
