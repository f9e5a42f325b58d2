"""A read-only view of an innovation record (labels and values, in the GUI language), as the
verifier reads it next to the verification form.

The view shows a :class:`ShownRecord`: the record's values copied out of its session (the
verification page reads it on the read pool and hands it to the GUI thread)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from jipp_desktop.domain.fields import FIELDS_BY_NAME, INNOVATION_FIELDS, SECTIONS
from jipp_desktop.reference.codes import VERIFICATION_METHODS, VERIFICATION_OUTCOMES, WORKFLOW
from jipp_desktop.services.verification_desk import Decision, FieldChange
from ui.context import AppContext
from ui.i18n import format_date, format_datetime

if TYPE_CHECKING:
    from jipp_desktop.db.models import Innovation


@dataclass(frozen=True)
class ShownRecord:
    """What the view shows of a record: plain values, no ORM object (safe to hand from the
    read pool to the GUI thread).

    Attributes:
        id, title, workflow: the record's.
        values: every field of ``INNOVATION_FIELDS`` by name.
        agency_name: the name of the record's agency (None without one).
        awards: (year, competition, stage reached) of each award.
    """

    id: str
    title: str
    workflow: str
    values: dict[str, Any]
    agency_name: str | None
    awards: tuple[tuple[int, str, str], ...]

    @classmethod
    def of(cls, record: Innovation) -> ShownRecord:
        """Copies what the view shows out of a record (inside its session)."""
        return cls(
            id=record.id,
            title=record.title,
            workflow=record.workflow,
            values={f.name: getattr(record, f.name) for f in INNOVATION_FIELDS},
            agency_name=record.agency.name if record.agency else None,
            awards=tuple((a.year, a.competition, a.stage_reached) for a in record.awards),
        )


def display_value(ctx: AppContext, record: ShownRecord, name: str) -> str:
    """A field's value as the officer reads it ("" when blank)."""
    spec = next(f for f in INNOVATION_FIELDS if f.name == name)
    value: Any = record.values.get(name)
    lang = ctx.lang
    if value is None or value == [] or value == "":
        return ""
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.label(value, lang)
    if spec.kind == "codelist" and spec.codes is not None:
        return spec.codes.labels(value, lang)
    if spec.kind == "agency":
        return record.agency_name or ctx.reference.agency_name(value)
    if spec.kind == "region":
        return ctx.reference.region_name(value) or value
    if spec.kind == "date":
        return format_date(value, lang, "long")
    if spec.kind == "bool":
        return display_bool(bool(value))
    if spec.kind == "sdgs":
        return ", ".join(str(g) for g in value)
    return str(value)


def display_bool(value: bool) -> str:
    """Ya / Tidak."""
    if value:
        return QCoreApplication.translate("RecordView", "Ya")
    return QCoreApplication.translate("RecordView", "Tidak")


class RecordView(QTextBrowser):
    """Shows one record's filled-in fields by section."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_view")
        self._ctx = ctx
        self.setOpenExternalLinks(False)

    def show_record(
        self,
        record: ShownRecord | None,
        decisions: Sequence[Decision] = (),
        changes: Sequence[FieldChange] = (),
    ) -> None:
        """Renders a record (blank for None), its earlier verification decisions with their
        notes, and what changed in it since the last one."""
        if record is None:
            self.setHtml("")
            return
        lang = self._ctx.lang
        state = WORKFLOW.label(record.workflow, lang)
        parts = [f"<h3>{html.escape(record.title)}</h3><p><i>{html.escape(state)}</i></p>"]
        if decisions:
            parts.append(self._decisions_html(decisions))
        if changes:
            parts.append(self._changes_html(changes))
        for section, labels in SECTIONS.items():
            rows = []
            for spec in (f for f in INNOVATION_FIELDS if f.section == section):
                if spec.name == "title":
                    continue
                text = display_value(self._ctx, record, spec.name)
                if text:
                    value = html.escape(text).replace("\n", "<br>")
                    rows.append(
                        f"<tr><td width='38%' valign='top' style='color:#555;padding-right:10px'>"
                        f"{html.escape(spec.label(lang))}</td><td>{value}</td></tr>"
                    )
            if rows:
                title = labels[1] if lang == "en" else labels[0]
                parts.append(
                    f"<h4>{html.escape(title)}</h4><table width='100%'>{''.join(rows)}</table>"
                )
        if record.awards:
            items = "".join(
                f"<li>{year} — {html.escape(competition)} — {html.escape(stage)}</li>"
                for year, competition, stage in record.awards
            )
            parts.append(f"<h4>{html.escape(self.tr('Riwayat kompetisi'))}</h4><ul>{items}</ul>")
        self.setHtml("".join(parts))

    def show_loading(self) -> None:
        """Says the record is being read."""
        text = self.tr("Memuat rekaman…")
        self.setHtml(f"<p style='color:#555'>{html.escape(text)}</p>")

    def _decisions_html(self, decisions: Sequence[Decision]) -> str:
        lang = self._ctx.lang
        items = []
        for d in decisions:
            head = " · ".join(
                html.escape(x)
                for x in (
                    format_datetime(d.verified_at, lang),
                    VERIFICATION_OUTCOMES.label(d.outcome, lang),
                    VERIFICATION_METHODS.label(d.method, lang),
                    d.verifier_name,
                )
                if x
            )
            notes = html.escape(d.notes or "").replace("\n", "<br>")
            items.append(f"<li><b>{head}</b>" + (f"<br>{notes}" if notes else "") + "</li>")
        title = html.escape(self.tr("Riwayat verifikasi"))
        return f"<h4 style='color:#8a5a00'>{title}</h4><ul>{''.join(items)}</ul>"

    def _changes_html(self, changes: Sequence[FieldChange]) -> str:
        lang = self._ctx.lang
        rows = []
        for c in changes:
            spec = FIELDS_BY_NAME.get(c.field)
            label = spec.label(lang) if spec else c.field
            before = html.escape(audit_display(self._ctx, c.field, c.before)) or "—"
            after = html.escape(audit_display(self._ctx, c.field, c.after)) or "—"
            rows.append(
                f"<tr><td width='38%' valign='top' style='color:#555;padding-right:10px'>"
                f"{html.escape(label)}</td><td><s>{before}</s> → <b>{after}</b></td></tr>"
            )
        title = html.escape(self.tr("Diubah sejak keputusan terakhir"))
        return f"<h4 style='color:#1565c0'>{title}</h4><table width='100%'>{''.join(rows)}</table>"


def audit_display(ctx: AppContext, name: str, text: str | None) -> str:
    """A value as the audit log keeps it (text), as the officer reads it."""
    if not text:
        return ""
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        return text
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.label(text, ctx.lang)
    if spec.kind == "agency":
        return ctx.reference.agency_name(text) or text
    if spec.kind == "region":
        return ctx.reference.region_name(text) or text
    if spec.kind == "date":
        try:
            return format_date(date.fromisoformat(text[:10]), ctx.lang)
        except ValueError:
            return text
    if spec.kind == "bool":
        return display_bool(text == "true")
    return text
