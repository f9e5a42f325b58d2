"""The Agencies & Hubs page (Instansi & Hub): find and edit agencies, and hub designations with
the agencies each hub mentors."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.agency_editor import AgencyEditor
from ui.pages.hub_editor import HubEditor


class AgenciesPage(QWidget):
    """Two tabs: agencies and hubs.

    Attributes:
        agencies: the agency list and editor.
        hubs: the hub list and editor.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencies")
        self.agencies = AgencyEditor(ctx)
        self.hubs = HubEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.agencies, self.tr("Instansi"))
        self.tabs.addTab(self.hubs, self.tr("Hub JIPP"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
