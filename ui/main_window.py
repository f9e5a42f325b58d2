"""The main window: navigation between the pages, menus, toolbar, shortcuts and the status bar.

Pages are built the first time they are shown, so start-up pays only for the first one. Quitting
while changes are queued or written waits for them: the window closes once they have committed,
or stays open when one was refused (its window says why).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from jipp_desktop.reference.codes import ROLES
from ui.context import AppContext
from ui.status_bar import SyncStatusBar

# The page that can show before the store is open (see ui.app).
FIRST_SCREEN = "innovations"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PAGE_KEY = "window/page"


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its key, where its class lives and its icon."""

    key: str
    module: str
    cls: str
    icon: QStyle.StandardPixmap


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "dashboard", "ui.pages.dashboard", "DashboardPage", QStyle.StandardPixmap.SP_ComputerIcon
    ),
    PageSpec(
        "innovations",
        "ui.pages.innovations",
        "InnovationsPage",
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
    ),
    PageSpec(
        "verification",
        "ui.pages.verification",
        "VerificationPage",
        QStyle.StandardPixmap.SP_DialogApplyButton,
    ),
    PageSpec("agencies", "ui.pages.agencies", "AgenciesPage", QStyle.StandardPixmap.SP_DirHomeIcon),
    PageSpec(
        "commitments",
        "ui.commitments.page",
        "CommitmentsPage",
        QStyle.StandardPixmap.SP_FileDialogContentsView,
    ),
    PageSpec("reports", "ui.reports.page", "ReportsPage", QStyle.StandardPixmap.SP_FileIcon),
    PageSpec("sync", "ui.pages.sync", "SyncPage", QStyle.StandardPixmap.SP_BrowserReload),
    PageSpec(
        "settings", "ui.pages.settings", "SettingsPage", QStyle.StandardPixmap.SP_FileDialogInfoView
    ),
)


class MainWindow(QMainWindow):
    """The application window.

    Attributes:
        nav: the page list on the left.
        stack: the pages.
        status: the sync status bar.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._ctx = ctx
        self._pages: dict[str, QWidget] = {}
        self._closing_after_writes = False
        self._refused_before_close = 0
        self._titles = {
            "dashboard": self.tr("Beranda"),
            "innovations": self.tr("Inovasi"),
            "verification": self.tr("Verifikasi"),
            "agencies": self.tr("Instansi & Hub"),
            "commitments": self.tr("Komitmen"),
            "reports": self.tr("Laporan"),
            "sync": self.tr("Sinkronisasi"),
            "settings": self.tr("Pengaturan"),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        style = self.style()
        for spec in PAGES:
            item = QListWidgetItem(style.standardIcon(spec.icon), self._titles[spec.key])
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(160, 34))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = SyncStatusBar(ctx)
        self.setStatusBar(self.status)
        self._build_menus()
        self._update_title()
        ctx.actor_changed.connect(self._update_title)
        self.nav.currentRowChanged.connect(self._row_changed)
        geometry = ctx.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        state = ctx.settings.value(STATE_KEY)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        start = str(ctx.settings.value(PAGE_KEY, "innovations"))
        start = start if start in self._titles else "innovations"
        # A page other than the list waits for the store and the officer at start.
        if ctx.is_ready or start == FIRST_SCREEN:
            # Built here rather than in the navigation's slot, so that a store that cannot be
            # opened for it raises to the caller.
            self.page(start)
        self.nav.setCurrentRow([s.key for s in PAGES].index(start))

    # -- pages ---------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page with this key, built on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            cls = getattr(importlib.import_module(spec.module), spec.cls)
            page = cls(self._ctx, self.stack)
            page.setObjectName(page.objectName() or key)
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Shows a page and selects it in the navigation."""
        row = [s.key for s in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # _row_changed shows it
        else:
            self.stack.setCurrentWidget(self.page(key))
        return self.page(key)

    def current_page_key(self) -> str:
        """The key of the page shown."""
        return PAGES[self.nav.currentRow()].key

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self._ctx.is_ready or PAGES[row].key == FIRST_SCREEN:
            self._show_current()
        else:
            # Shown once the store is open and the officer chosen (the page chosen by then).
            self._ctx.after_ready(self._show_current)()

    def _show_current(self) -> None:
        key = self.current_page_key()
        self.stack.setCurrentWidget(self.page(key))
        self._ctx.settings.setValue(PAGE_KEY, key)

    # -- menus ---------------------------------------------------------------------------

    def _add(
        self, menu: object, text: str, slot: object, shortcut: object = None, icon: object = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))  # type: ignore[arg-type]
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_menus(self) -> None:
        px = QStyle.StandardPixmap
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Berkas"))
        # Until the start-up has opened the store and chosen the officer, these wait for it.
        later = self._ctx.after_ready
        self.new_action = self._add(
            file_menu,
            self.tr("Inovasi &baru"),
            later(self.new_innovation),
            "Ctrl+N",
            px.SP_FileIcon,
        )
        file_menu.addSeparator()
        self._add(file_menu, self.tr("Impor dari Excel…"), self._page_call("import_excel"))
        self._add(file_menu, self.tr("Ekspor ke Excel…"), self._page_call("export_excel"))
        self._add(file_menu, self.tr("Templat impor…"), self._page_call("save_template"))
        file_menu.addSeparator()
        self.backup_action = self._add(
            file_menu, self.tr("&Cadangkan basis data…"), later(self.backup_store)
        )
        self.restore_action = self._add(
            file_menu, self.tr("&Pulihkan dari cadangan…"), later(self.restore_store)
        )
        file_menu.addSeparator()
        self._add(file_menu, self.tr("Ganti petugas…"), later(self.switch_officer))
        self._add(file_menu, self.tr("&Keluar"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = bar.addMenu(self.tr("&Tampilan"))
        for i, spec in enumerate(PAGES, 1):
            self._add(
                view_menu,
                self._titles[spec.key].replace("&", "&&"),  # "&" marks a menu's access key
                later(lambda k=spec.key: self.show_page(k)),
                f"Ctrl+{i}",
            )
        view_menu.addSeparator()
        self.search_action = self._add(
            view_menu, self.tr("&Cari inovasi"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._add(
            view_menu,
            self.tr("Muat ulang"),
            later(self.reload_everything),
            QKeySequence.StandardKey.Refresh,
            px.SP_BrowserReload,
        )
        help_menu = bar.addMenu(self.tr("Ba&ntuan"))
        self.guide_action = self._add(
            help_menu,
            self.tr("Panduan pengguna"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
            px.SP_DialogHelpButton,
        )
        help_menu.addSeparator()
        self.about_action = self._add(help_menu, self.tr("Tentang JIPP Desktop"), self.about)

        toolbar = QToolBar(self.tr("Bilah alat"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        self.search_action.setIcon(self.style().standardIcon(px.SP_FileDialogContentsView))
        toolbar.addAction(self.search_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)

    def reload_everything(self) -> None:
        """Every view reads again ("Muat ulang")."""
        from jipp_desktop.services.change_set import ChangeSet

        self._ctx.changed.emit(ChangeSet.of_everything(), self)

    def _page_call(self, method: str) -> object:
        def call() -> None:
            getattr(self.show_page("innovations"), method)()

        return self._ctx.after_ready(call)

    def new_innovation(self) -> QWidget:
        """Opens an empty innovation form (a window of its own; the page shown stays)."""
        return self.page("innovations").new_innovation()  # type: ignore[attr-defined]

    def focus_search(self) -> None:
        """Jumps to the innovation search box."""
        page = self.show_page("innovations")
        page.filters.search.setFocus()  # type: ignore[attr-defined]
        page.filters.search.selectAll()  # type: ignore[attr-defined]

    def backup_store(self) -> None:
        """Writes a backup of the store to a file the officer chooses (Berkas menu)."""
        from ui.store_backup import backup_from_menu

        backup_from_menu(self, self._ctx)

    def restore_store(self) -> None:
        """Replaces the store with a backup after checking it (Berkas menu)."""
        from ui.store_backup import restore_from_menu

        restore_from_menu(self, self._ctx, self._officer_after_restore)

    def _officer_after_restore(self) -> None:
        """The restored store may not know the officer at the keyboard: choose one of its."""
        from jipp_desktop.db.models import Officer

        with self._ctx.db.session() as s:
            known = s.get(Officer, self._ctx.actor.id) is not None
        if not known:
            self.switch_officer()
        self._update_title()

    def switch_officer(self) -> None:
        """Chooses another officer profile."""
        from ui.profile_dialog import choose_profile

        actor = choose_profile(self._ctx, self)
        if actor is not None:
            self._ctx.set_actor(actor)

    def about(self) -> QWidget:
        """Shows the version, the store and its schema, the log and the bundled licences."""
        from ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_guide(self) -> None:
        """Opens the user guide (a PDF made from docs/panduan in the officer's language)."""
        from ui.guide_viewer import show_guide

        show_guide(self._ctx, self)

    def _update_title(self) -> None:
        store = self._ctx.store_path.name
        if not self._ctx.is_ready:  # at start, until the officer is chosen
            self.setWindowTitle(f"JIPP Desktop — {store}")
            return
        actor = self._ctx.actor
        role = ROLES.label(actor.role, self._ctx.lang)
        self.setWindowTitle(f"JIPP Desktop — {actor.name} ({role}) — {store}")

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keeps the layout for the next run; waits for background jobs. While changes are
        queued or written, the window closes once they have committed."""
        writes = self._ctx.writes
        if writes.pending:
            event.ignore()
            if not self._closing_after_writes:
                self._closing_after_writes = True
                self._refused_before_close = writes.refused
                writes.pending_changed.connect(self._writes_settled)
            self.status.showMessage(
                self.tr("Menyimpan perubahan… aplikasi ditutup setelah selesai.")
            )
            return
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and not widget.close():
                event.ignore()
                return
        self._ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._ctx.settings.setValue(STATE_KEY, self.saveState())
        self._ctx.sync.shutdown()
        self._ctx.jobs.wait_idle()
        event.accept()

    def _writes_settled(self, pending: int) -> None:
        """Closes the window asked to close once the last queued change has committed; stays
        open (saying so) when one was refused, so that the officer reads why."""
        if pending:
            return
        writes = self._ctx.writes
        writes.pending_changed.disconnect(self._writes_settled)
        self._closing_after_writes = False
        if writes.refused != self._refused_before_close:
            self.status.showMessage(
                self.tr("Aplikasi tidak ditutup: ada perubahan yang tidak dapat disimpan."),
                15_000,
            )
            return
        self.close()
