"""Entering a record as an officer does: scrolling past dropdowns with the wheel, typing dates,
messages that go once a field is filled, and the searchable agency and region boxes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jipp_desktop.services.innovations import get_innovation
from tests.conftest import BALI, DENPASAR, innovation_values
from tests.ui.conftest import add_innovation, settled
from ui.forms.innovation_form import InnovationForm


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms left with edits close without asking (the unsaved-edits guard is tested
    elsewhere)."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def wheel(widget: QWidget, steps: int = -1) -> None:
    """Turns the mouse wheel over the middle of ``widget`` (negative: towards the officer)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def open_form(ctx: Any, qtbot: Any, innovation_id: str | None = None) -> InnovationForm:
    form = InnovationForm(ctx, innovation_id)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_the_wheel_over_a_closed_dropdown_scrolls_the_form_and_changes_nothing(
    ctx, qtbot, operator
):
    form = open_form(ctx, qtbot, add_innovation(ctx.db, operator, initiator="agency"))
    combo = form.editors["initiator"].widget
    form.fields_area.ensureWidgetVisible(combo)
    form.editors["title"].widget.setFocus()
    bar = form.fields_area.verticalScrollBar()
    before = bar.value()
    wheel(combo, -1)
    wheel(combo, -1)
    assert form.editors["initiator"].value() == "agency"
    assert not combo.hasFocus()
    assert bar.value() > before  # the form scrolled instead
    assert not form.is_dirty


def test_the_wheel_changes_a_dropdown_the_officer_has_focused(ctx, qtbot):
    form = open_form(ctx, qtbot)
    form.editors["initiator"].set_value("agency")
    combo = form.editors["initiator"].widget
    combo.setFocus()
    wheel(combo, -1)
    assert form.editors["initiator"].value() != "agency"


def test_the_wheel_leaves_date_fields_and_other_dropdowns_alone(ctx, qtbot, operator):
    stored = add_innovation(ctx.db, operator, trial_date=date(2021, 3, 1), phase="development")
    form = open_form(ctx, qtbot, stored)
    form.editors["title"].widget.setFocus()
    for name in ("trial_date", "phase", "agency_id", "region_code"):
        wheel(form.editors[name].widget, 1)
    assert form.editors["trial_date"].value() == date(2021, 3, 1)
    assert form.editors["phase"].value() == "development"
    assert not form.is_dirty


def test_a_date_typed_the_indonesian_way_then_tab_is_read_and_focus_moves_on(ctx, qtbot):
    form = open_form(ctx, qtbot)
    field = form.editors["trial_date"].widget
    for typed, expected in (
        ("12/03/2025", date(2025, 3, 12)),
        ("12-3-2025", date(2025, 3, 12)),
        ("1 Maret 2024", date(2024, 3, 1)),
    ):
        field.clear()
        type_into(qtbot, field, typed)
        assert form.editors["trial_date"].value() == expected, typed
        assert not field.hasFocus(), typed  # Tab went on to the next field
        assert field.text() == {1: "1 Mar 2024"}.get(expected.day, "12 Mar 2025")
    assert form.is_dirty


def test_an_impossible_date_is_a_message_at_the_field_and_nothing_is_stored(ctx, qtbot):
    form = open_form(ctx, qtbot)
    for name, value in innovation_values().items():
        form.editors[name].set_value(value)
    field = form.editors["launch_date"].widget
    type_into(qtbot, field, "31/02/2025")
    label = form.errors.labels["launch_date"]
    assert label.isVisibleTo(form)
    assert label.text() == "tanggal 31 tidak ada pada Februari 2025"
    assert field.text() == "31/02/2025"  # kept as typed, to correct
    assert not settled(qtbot, form, form.save_draft)
    assert form.innovation_id is None
    assert field.hasFocus()
    field.clear()
    type_into(qtbot, field, "28/02/2025")
    assert not label.isVisibleTo(form)
    assert settled(qtbot, form, form.save_draft)
    with ctx.db.session() as s:
        assert get_innovation(s, form.innovation_id).launch_date == date(2025, 2, 28)


def test_an_optional_date_may_stay_empty_and_a_stored_one_may_be_emptied(ctx, qtbot):
    form = open_form(ctx, qtbot)
    for name, value in innovation_values(trial_date=date(2021, 3, 1)).items():
        form.editors[name].set_value(value)
    assert settled(qtbot, form, form.save_draft)
    field = form.editors["trial_date"].widget
    assert field.text() == "1 Mar 2021"
    field.selectAll()
    type_into(qtbot, field, "")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert form.editors["trial_date"].value() is None
    assert not form.errors.labels["trial_date"].isVisibleTo(form)
    assert settled(qtbot, form, form.save_draft)
    with ctx.db.session() as s:
        assert get_innovation(s, form.innovation_id).trial_date is None


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen popup
def test_the_calendar_opens_at_today_and_a_picked_day_is_the_value(ctx, qtbot):
    form = open_form(ctx, qtbot)
    field = form.editors["trial_date"].widget
    calendar = field.open_calendar()
    today = date.today()
    picked = calendar.selectedDate()
    assert (picked.year(), picked.month(), picked.day()) == (today.year, today.month, today.day)
    calendar.clicked.emit(calendar.selectedDate().addDays(-3))
    assert form.editors["trial_date"].value() == date.fromordinal(today.toordinal() - 3)
    assert not calendar.isVisible()
    form.editors["trial_date"].set_value(date(2021, 3, 1))
    shown = field.open_calendar().selectedDate()
    assert (shown.year(), shown.month()) == (2021, 3)


def test_required_messages_go_once_filled_and_a_refused_submit_shows_the_first(ctx, qtbot):
    form = open_form(ctx, qtbot)
    values = innovation_values(summary=None, innovators=None, region_code=None)
    for name, value in values.items():
        form.editors[name].set_value(value)
    assert not settled(qtbot, form, form.submit_for_verification)
    assert "Periksa 3 isian" in form.message.text()
    region = form.editors["region_code"].widget
    assert form.errors.labels["region_code"].isVisibleTo(form)
    assert region.hasFocus()  # the first marked field, in the form's order
    region.set_value("51.71")
    assert not form.errors.labels["region_code"].isVisibleTo(form)  # filled: its message goes
    assert form.errors.labels["summary"].isVisibleTo(form)  # the others stay
    assert form.errors.labels["innovators"].isVisibleTo(form)
    form.fields_area.verticalScrollBar().setValue(form.fields_area.verticalScrollBar().maximum())
    assert not settled(qtbot, form, form.submit_for_verification)
    first = form.editors["innovators"].widget
    assert first.hasFocus()
    area = form.fields_area
    top = first.mapTo(area.widget(), QPoint(0, 0)).y()
    shown = area.verticalScrollBar().value()
    assert shown <= top <= shown + area.viewport().height()


def leave(form: InnovationForm, combo: Any) -> None:
    """Goes to another field as a click elsewhere does (closing the suggestions first)."""
    combo.completer().popup().hide()
    form.editors["title"].widget.setFocus()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen popup
def test_searchable_boxes_start_empty_and_suggest_what_is_typed(ctx, qtbot):
    form = open_form(ctx, qtbot)
    region = form.editors["region_code"].widget
    assert region.lineEdit().text() == ""
    assert region.lineEdit().placeholderText()
    region.lineEdit().setFocus()
    qtbot.keyClicks(region.lineEdit(), "Denp")
    completer = region.completer()
    suggestions = [
        completer.completionModel().index(i, 0).data()
        for i in range(completer.completionModel().rowCount())
    ]
    assert any(s.startswith("Kota Denpasar") for s in suggestions), suggestions
    assert region.lineEdit().text() == "Denp"  # no "—" in front
    # A search left unfinished does not pretend to be a choice.
    leave(form, region)
    assert form.editors["region_code"].value() is None
    assert region.lineEdit().text() == ""


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen popup
def test_choosing_an_agency_fills_its_region(ctx, qtbot):
    form = open_form(ctx, qtbot)
    agency = form.editors["agency_id"].widget
    agency.setCurrentIndex(agency.findData(BALI))
    agency.activated.emit(agency.currentIndex())
    assert form.editors["region_code"].value() == "51"
    # Typed in full and left, the agency's name chooses it too.
    agency.lineEdit().setFocus()
    agency.lineEdit().selectAll()
    qtbot.keyClicks(agency.lineEdit(), "pemerintah kota denpasar")
    leave(form, agency)
    assert form.editors["agency_id"].value() != BALI
    assert form.editors["region_code"].value() == "51.71"
    # A region the officer chose stays.
    form.editors["region_code"].set_value("51.03")
    agency.setCurrentIndex(agency.findData(BALI))
    agency.activated.emit(agency.currentIndex())
    assert form.editors["region_code"].value() == "51.03"


def test_a_new_form_of_an_officer_with_an_agency_has_its_region_too(ctx, qtbot):
    ctx.set_actor(replace(ctx.actor, agency_id=DENPASAR))
    form = open_form(ctx, qtbot)
    assert form.editors["agency_id"].value() == DENPASAR
    assert form.editors["region_code"].value() == "51.71"
    assert not form.is_dirty  # nothing the officer typed yet


def test_the_fields_of_every_section_line_up(ctx, qtbot):
    form = open_form(ctx, qtbot)
    lefts = {
        name: editor.widget.mapTo(form, editor.widget.rect().topLeft()).x()
        for name, editor in form.editors.items()
        if name in ("title", "form", "summary", "legal_basis_number")
    }
    assert len(set(lefts.values())) == 1, lefts
