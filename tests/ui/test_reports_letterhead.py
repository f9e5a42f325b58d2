"""The letterhead section of Settings: entered, checked at the field, stored, printed."""

from __future__ import annotations

import io

from PIL import Image

from jipp_desktop.documents.letterhead import Letterhead, load_letterhead
from tests.ui.conftest import settled
from ui.pages.settings import SettingsPage
from ui.reports.letterhead import LetterheadSettings


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_settings_page_has_the_letterhead_section(ctx, qtbot):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.findChild(LetterheadSettings, "letterhead") is not None


def test_letterhead_is_stored(ctx, qtbot, db, tmp_path):
    widget = LetterheadSettings(ctx)
    qtbot.addWidget(widget)
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    widget.agency_name.setText("Pemerintah Provinsi Bali")
    widget.address.setPlainText("Jl. Basuki Rahmat No. 1\nDenpasar 80235")
    assert widget.choose_logo_file(logo)
    assert settled(qtbot, widget, widget.save)
    assert widget.message.text() == "Kop surat tersimpan."
    with db.session() as session:
        assert load_letterhead(session) == Letterhead(
            "Pemerintah Provinsi Bali", "Jl. Basuki Rahmat No. 1\nDenpasar 80235", _png()
        )


def test_bad_logo_and_blank_name_are_told_at_their_fields(ctx, qtbot, db, tmp_path):
    widget = LetterheadSettings(ctx)
    qtbot.addWidget(widget)
    widget.show()
    bad = tmp_path / "logo.gif"
    bad.write_bytes(b"GIF89a....")
    assert not widget.choose_logo_file(bad)
    label = widget.errors.labels["logo"]
    assert label.isVisible() and "logo.gif: logo harus berkas gambar PNG atau JPEG" in label.text()
    widget.agency_name.setText(" ")
    assert not settled(qtbot, widget, widget.save)
    assert widget.errors.labels["agency_name"].isVisible()
    with db.session() as session:
        assert load_letterhead(session) == Letterhead()
