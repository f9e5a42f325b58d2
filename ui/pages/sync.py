"""The Sync page (Sinkronisasi): the registry connection, "Sinkronkan sekarang" with progress
and Cancel, what the last exchange sent and received, what waits to be sent, and the records
the sync could not settle — conflicts to resolve field by field, rejected and quarantined
changes to try again or discard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.i18n import format_datetime, format_number
from ui.store_reads import LatestRead
from ui.sync.config import RegistryConfig, save_config
from ui.sync.controller import stage_text
from ui.writes import failure_text

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from jipp_desktop.services.change_set import ChangeSet
    from jipp_desktop.syncstate.problems import SyncIssue

    PageState = tuple[dict[str, int], list[SyncIssue], datetime | None]


def sync_page_state(s: Session) -> PageState:
    """What the page shows of the store (read on the read pool): records waiting per kind,
    the records the sync could not settle, and when the last exchange completed."""
    from jipp_desktop.services.stats import pending_by_kind
    from jipp_desktop.syncstate.device import last_sync
    from jipp_desktop.syncstate.problems import list_problems

    return pending_by_kind(s), list_problems(s), last_sync(s)


class SyncPage(QWidget):
    """The registry connection, the exchange, the queue and the problems.

    Attributes:
        url, username, password, ca_file, auto: the connection fields.
        sync_button, cancel_button: start and stop an exchange.
        progress: the running exchange's progress.
        result: what the last exchange did.
        pending_table: kind → records waiting to be sent.
        total: how many changes wait, or "Memuat…" while the page reads the store.
        problems_table: the records the sync could not settle.
        reads: the page's reads of the store (on the read pool, the newest request winning).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync")
        self._ctx = ctx
        self._issues: list[Any] = []
        self._kinds = {
            "innovations": self.tr("Inovasi"),
            "verifications": self.tr("Verifikasi"),
            "agencies": self.tr("Instansi"),
            "hubs": self.tr("Hub"),
            "replications": self.tr("Replikasi"),
            "commitments": self.tr("Komitmen"),
            "attachments": self.tr("Lampiran"),
        }
        self._entities = {
            "innovation": self.tr("Inovasi"),
            "verification": self.tr("Verifikasi"),
            "agency": self.tr("Instansi"),
            "hub": self.tr("Hub"),
            "replication": self.tr("Replikasi"),
            "commitment": self.tr("Komitmen"),
            "attachment": self.tr("Lampiran"),
        }
        self._problem_kinds = {
            "conflict": self.tr("Konflik"),
            "rejected": self.tr("Ditolak registri"),
            "quarantined": self.tr("Dikarantina"),
            "retrying": self.tr("Dicoba lagi"),
        }
        title = QLabel(self.tr("Sinkronisasi dengan registri nasional (JIPPNas)"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        # The page scrolls: on a small laptop screen the window may be lower than all of it.
        body = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self._connection_box())
        layout.addLayout(self._exchange_row())
        self.result = QLabel()
        self.result.setObjectName("sync_result")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        layout.addWidget(self._queue_box())
        layout.addWidget(self._problems_box(), 1)
        self.problems_table.setMinimumHeight(140)
        self.reads = LatestRead(ctx, self)
        self.reads.loading.connect(self._loading)
        sync = ctx.sync
        sync.started.connect(self._started)
        sync.progressed.connect(self._progressed)
        sync.finished.connect(self._finished)
        sync.failed.connect(self._failed)
        ctx.changed.connect(self._changed)
        self._show_running(sync.running)
        self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        # Changes waiting, problems and the last sync: what this page shows.
        if changes.sync_state or changes.everything:
            self.reload()

    # -- building ------------------------------------------------------------------------

    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Registri"))
        form = QFormLayout(box)
        config = self._ctx.sync.config
        self.url = QLineEdit(config.url)
        self.url.setObjectName("registry_url")
        self.url.setPlaceholderText("https://registri.contoh.go.id")
        self.username = QLineEdit(config.username)
        self.username.setObjectName("registry_user")
        self.password = QLineEdit()
        self.password.setObjectName("registry_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("tersimpan di keyring sistem"))
        self.ca_file = QLineEdit(config.ca_file)
        self.ca_file.setObjectName("registry_ca")
        self.ca_file.setPlaceholderText(self.tr("sertifikat CA (kosong: milik sistem)"))
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.auto = QCheckBox(
            self.tr("Sinkron otomatis (saat registri terjangkau, setelah perubahan, saat mulai)")
        )
        self.auto.setObjectName("registry_auto")
        self.auto.setChecked(config.auto)
        self.save_button = QPushButton(self.tr("Simpan pengaturan"))
        self.save_button.setObjectName("save_registry")
        self.save_button.clicked.connect(self.save_connection)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        form.addRow(self.tr("Alamat registri"), self.url)
        form.addRow(self.tr("Akun registri"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        form.addRow(self.tr("Sertifikat CA"), ca_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", self.auto)
        form.addRow("", save_row)
        form.addRow("", self.keyring_note)
        return box

    def _exchange_row(self) -> QHBoxLayout:
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setObjectName("cancel_sync")
        self.cancel_button.clicked.connect(self._ctx.sync.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setTextVisible(True)
        self.stage = QLabel()
        self.stage.setObjectName("sync_stage")
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stage)
        # Without the progress bar (no exchange running) the buttons keep their size.
        row.addStretch(0)
        for button in (self.sync_button, self.cancel_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return row

    def _queue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Antrean perubahan yang belum dikirim ke JIPPNas"))
        column = QVBoxLayout(box)
        self.pending_table = QTableWidget(0, 2)
        self.pending_table.setObjectName("pending_table")
        self.pending_table.setHorizontalHeaderLabels([self.tr("Jenis data"), self.tr("Perubahan")])
        self.pending_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.pending_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pending_table.verticalHeader().hide()
        self.pending_table.setMaximumHeight(160)
        self.total = QLabel()
        self.total.setObjectName("pending_total")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("last_sync_page")
        column.addWidget(self.pending_table)
        column.addWidget(self.total)
        column.addWidget(self.last_sync)
        return box

    def _problems_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Perlu perhatian"))
        column = QVBoxLayout(box)
        self.problems_table = QTableWidget(0, 4)
        self.problems_table.setObjectName("problems_table")
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Data"), self.tr("Jenis"), self.tr("Masalah"), self.tr("Alasan")]
        )
        header = self.problems_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.problems_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.problems_table.verticalHeader().hide()
        self.problems_table.itemSelectionChanged.connect(self._update_actions)
        self.problems_table.doubleClicked.connect(lambda _i: self.resolve_selected())
        self.resolve_button = QPushButton(self.tr("Selesaikan konflik…"))
        self.resolve_button.setObjectName("resolve_conflict")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.retry_button = QPushButton(self.tr("Coba kirim lagi"))
        self.retry_button.setObjectName("retry_change")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton(self.tr("Buang perubahan saya"))
        self.discard_button.setObjectName("discard_change")
        self.discard_button.clicked.connect(self.discard_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        column.addWidget(self.problems_table, 1)
        column.addLayout(buttons)
        self._update_actions()
        return box

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the queue, the problems and the last sync again (on the read pool: the
        counts and the problems grow with the store; an answer to an older request is
        dropped)."""
        self.reads.request(sync_page_state, self._fill, self._read_failed)
        from sync.client.credentials import keyring_usable

        self.keyring_note.setText(
            ""
            if keyring_usable()
            else self.tr(
                "Keyring sistem tidak tersedia: kata sandi tidak disimpan; isi lagi setiap "
                "kali aplikasi dibuka."
            )
        )

    def _loading(self, busy: bool) -> None:
        if busy:
            self.total.setText(self.tr("Memuat…"))

    def _read_failed(self, message: str) -> None:
        self.total.setText(self.tr("Antrean tidak dapat dibaca: %1").replace("%1", message))

    def _fill(self, state: PageState) -> None:
        pending, issues, when = state
        lang = self._ctx.lang
        self._issues = issues
        self.pending_table.setRowCount(len(pending))
        for row, (kind, n) in enumerate(pending.items()):
            self.pending_table.setItem(row, 0, QTableWidgetItem(self._kinds.get(kind, kind)))
            self.pending_table.setItem(row, 1, QTableWidgetItem(format_number(n, lang)))
        total = format_number(sum(pending.values()), lang)
        self.total.setText(self.tr("Jumlah perubahan belum disinkronkan: %1").replace("%1", total))
        text = format_datetime(when, lang) if when else self.tr("belum pernah")
        self.last_sync.setText(self.tr("Sinkronisasi terakhir: %1").replace("%1", text))
        self.problems_table.setRowCount(len(self._issues))
        for row, issue in enumerate(self._issues):
            cells = (
                issue.label or issue.record_id,
                self._entities.get(issue.entity, issue.entity),
                self._problem_kinds.get(issue.kind, issue.kind),
                issue.message(lang) if issue.kind != "conflict" else self._conflict_text(issue),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems_table.setItem(row, column, item)
        self._update_actions()

    def _conflict_text(self, issue: Any) -> str:
        from jipp_desktop.domain.fields import FIELDS_BY_NAME

        names = [
            FIELDS_BY_NAME[n].label(self._ctx.lang) if n in FIELDS_BY_NAME else n
            for n in issue.fields
        ]
        return self.tr("Diubah di sini dan di registri: %1").replace("%1", ", ".join(names))

    def _selected(self) -> Any | None:
        rows = self.problems_table.selectionModel().selectedRows()
        return self._issues[rows[0].row()] if rows else None

    def _update_actions(self) -> None:
        issue = self._selected()
        kind = issue.kind if issue else None
        self.resolve_button.setEnabled(kind == "conflict")
        self.retry_button.setEnabled(kind in ("rejected", "quarantined", "retrying"))
        self.discard_button.setEnabled(kind in ("rejected", "quarantined", "retrying"))

    # -- the connection ------------------------------------------------------------------

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Sertifikat CA registri"), "", self.tr("Sertifikat (*.pem *.crt)")
        )
        if path:
            self.ca_file.setText(path)

    def connection(self) -> RegistryConfig:
        """The connection as the fields hold it."""
        return RegistryConfig(
            url=self.url.text().strip(),
            username=self.username.text().strip(),
            ca_file=self.ca_file.text().strip(),
            auto=self.auto.isChecked(),
        )

    def save_connection(self, *, to_sync: bool = False) -> bool:
        """Remembers the connection (the password in the keyring, or for this session only
        where the system has none). Returns whether it was valid (and, ``to_sync``, complete);
        says why not."""
        from sync.client.credentials import remember_password

        config = self.connection()
        if config.url and not config.url.startswith(("https://", "http://")):
            self._say(self.tr("Alamat registri harus diawali https:// atau http://"), True)
            return False
        if to_sync and not config.complete:
            self._say(self.tr("Isi alamat registri dan akun registri lebih dulu."), True)
            return False
        save_config(self._ctx.settings, config)
        password = self.password.text()
        if password:
            self._ctx.sync.password = password
            if config.complete and remember_password(config.url, config.username, password):
                self.password.clear()
        self._say(self.tr("Pengaturan registri disimpan."))
        return True

    # -- the exchange --------------------------------------------------------------------

    def sync_now(self) -> None:
        """Saves the connection and starts an exchange."""
        if self.save_connection(to_sync=True):
            self._ctx.sync.start(manual=True)

    def _show_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        if not running:
            self.stage.clear()

    def _started(self) -> None:
        self._show_running(True)
        self.progress.setRange(0, 0)
        self.result.clear()

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(stage_text(stage, self._ctx.lang))
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)

    def _finished(self, result: Any) -> None:
        self._show_running(False)
        lang = self._ctx.lang
        n = {k: format_number(v, lang) for k, v in result.as_json().items() if isinstance(v, int)}
        text = (
            self.tr(
                "Terkirim %1 perubahan, diterima %2 data, digabung %3; konflik %4, ditolak %5, "
                "dikarantina %6; masih menunggu %7."
            )
            .replace("%1", n["pushed"])
            .replace("%2", n["pulled"])
            .replace("%3", n["merged"])
            .replace("%4", n["conflicts"])
            .replace("%5", n["rejected"])
            .replace("%6", n["quarantined"])
            .replace("%7", n["pending"])
        )
        if result.cancelled:
            text = self.tr("Dibatalkan; yang sudah selesai tetap tersimpan.") + " " + text
        self._say(text)

    def _failed(self, message: str, _transient: bool) -> None:
        self._show_running(False)
        self._say(message, True)

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #b00020;" if error else "")

    # -- problems ------------------------------------------------------------------------

    def resolve_selected(self) -> None:
        """Opens the selected conflict field by field; the choice is sent at the next sync."""
        from jipp_desktop.syncstate.problems import resolve_conflict
        from ui.sync.conflict_dialog import ConflictDialog

        issue = self._selected()
        if issue is None or issue.kind != "conflict":
            return
        dialog = ConflictDialog(issue, self._ctx.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        self._write(
            self.tr("Konflik diselesaikan; pilihan Anda dikirim pada sinkronisasi berikutnya."),
            resolve_conflict,
            issue.entity,
            issue.record_id,
            choices,
        )

    def retry_selected(self) -> None:
        """Sends the selected refused change again at the next sync."""
        from jipp_desktop.syncstate.problems import retry

        issue = self._selected()
        if issue is None:
            return
        self._write(
            self.tr("Perubahan akan dikirim lagi pada sinkronisasi berikutnya."),
            retry,
            issue.entity,
            issue.record_id,
        )

    def discard_selected(self) -> None:
        """Drops the officer's change of the selected record, back to the registry's copy."""
        from jipp_desktop.syncstate.problems import discard

        issue = self._selected()
        if issue is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Buang perubahan"),
            self.tr(
                "Perubahan Anda pada \u201c%1\u201d dibuang dan data kembali ke versi registri. "
                "Lanjutkan?"
            ).replace("%1", issue.label or issue.record_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._write(
            self.tr("Perubahan dibuang; data kembali ke versi registri."),
            discard,
            issue.entity,
            issue.record_id,
        )

    def _write(self, done_text: str, use_case: Callable[..., None], *args: Any) -> None:
        """Runs one of the sync's use cases on a record (as the officer), on the write thread."""
        self._ctx.writes.run(
            self,
            use_case,
            self._ctx.actor,
            *args,
            done=lambda _none: self._say(done_text),
            failed=lambda error: self._say(failure_text(error, self._ctx.lang), True),
        )
