"""A read-only view of an innovation record (labels and values, in the GUI language), as the
verifier reads it next to the verification form."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.fields import INNOVATION_FIELDS, SECTIONS
from jipp_desktop.reference.codes import WORKFLOW
from ui.context import AppContext
from ui.i18n import format_date


def display_value(ctx: AppContext, record: Innovation, name: str) -> str:
    """A field's value as the officer reads it ("" when blank)."""
    spec = next(f for f in INNOVATION_FIELDS if f.name == name)
    value: Any = getattr(record, name)
    lang = ctx.lang
    if value is None or value == [] or value == "":
        return ""
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.label(value, lang)
    if spec.kind == "codelist" and spec.codes is not None:
        return spec.codes.labels(value, lang)
    if spec.kind == "agency":
        return record.agency.name if record.agency else ctx.reference.agency_name(value)
    if spec.kind == "region":
        return ctx.reference.region_name(value) or value
    if spec.kind == "date":
        return format_date(value, lang, "long")
    if spec.kind == "bool":
        return (
            QCoreApplication.translate("RecordView", "Ya")
            if value
            else QCoreApplication.translate("RecordView", "Tidak")
        )
    if spec.kind == "sdgs":
        return ", ".join(str(g) for g in value)
    return str(value)


class RecordView(QTextBrowser):
    """Shows one record's filled-in fields by section."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_view")
        self._ctx = ctx
        self.setOpenExternalLinks(False)

    def show_record(self, record: Innovation | None) -> None:
        """Renders a record (blank for None)."""
        if record is None:
            self.setHtml("")
            return
        lang = self._ctx.lang
        state = WORKFLOW.label(record.workflow, lang)
        parts = [f"<h3>{html.escape(record.title)}</h3><p><i>{html.escape(state)}</i></p>"]
        for section, labels in SECTIONS.items():
            rows = []
            for spec in (f for f in INNOVATION_FIELDS if f.section == section):
                if spec.name == "title":
                    continue
                text = display_value(self._ctx, record, spec.name)
                if text:
                    value = html.escape(text).replace("\n", "<br>")
                    rows.append(
                        f"<tr><td valign='top' style='color:#555;padding-right:10px'>"
                        f"{html.escape(spec.label(lang))}</td><td>{value}</td></tr>"
                    )
            if rows:
                title = labels[1] if lang == "en" else labels[0]
                parts.append(f"<h4>{html.escape(title)}</h4><table>{''.join(rows)}</table>")
        if record.awards:
            items = "".join(
                f"<li>{a.year} — {html.escape(a.competition)} — {html.escape(a.stage_reached)}</li>"
                for a in record.awards
            )
            parts.append(f"<h4>{html.escape(self.tr('Riwayat kompetisi'))}</h4><ul>{items}</ul>")
        self.setHtml("".join(parts))
