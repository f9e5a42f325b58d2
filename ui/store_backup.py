"""Backup and restore from the Berkas menu, with the command line's checks
(``jipp_desktop.services.backup``): a backup is a consistent copy made while the store is open;
a restore checks the file first, asks, keeps the replaced store beside it and says where.

Both run as background jobs behind a progress dialog. A restore waits until no change is being
saved and no sync runs, closes the store, restores, and opens the store again (the old one when
the restore was refused); every page then reads again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jipp_desktop.progress import Cancelled, ProgressFn
from ui.jobs import run_with_progress

if TYPE_CHECKING:
    from collections.abc import Callable

    from jipp_desktop.db.engine import Database
    from jipp_desktop.services.backup import RestoreResult
    from ui.context import AppContext

FILTER = "JIPP Desktop (*.db *.sqlite);;*"
LAST_FOLDER_KEY = "backup/folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoreBackup", text)


def _in_language(message: str, lang: str) -> str:
    """The part of a core message "Indonesian / English" in the GUI language."""
    parts = message.split(" / ")
    if len(parts) != 2:
        return message
    if lang != "en":
        return parts[0]
    # "PATH: indonesian / english": the path goes with the English too.
    prefix = parts[0].split(": ", 1)[0] + ": " if ": " in parts[0] else ""
    return parts[1] if parts[1].startswith(prefix) else prefix + parts[1]


def _folder(ctx: AppContext) -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(ctx.settings.value(LAST_FOLDER_KEY, documents or str(Path.home())))


def backup_to(parent: QWidget, ctx: AppContext, target: Path) -> None:
    """Writes a backup of the open store to ``target`` in the background, then says where."""
    from jipp_desktop.services.backup import backup_database

    db = ctx.db
    ctx.settings.setValue(LAST_FOLDER_KEY, str(target.parent))

    def work(_progress: ProgressFn) -> Path:
        return backup_database(db, target)

    def done(written: Path) -> None:
        QMessageBox.information(
            parent,
            _tr("Cadangan"),
            _tr("Cadangan basis data ditulis ke:\n%1").replace("%1", str(written)),
        )

    def failed(error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(parent, _tr("Cadangan gagal"), _message(error, ctx.lang))

    # On the write thread: the copy waits for a save under way and shows it.
    run_with_progress(
        ctx.jobs,
        parent,
        _tr("Membuat cadangan…"),
        work,
        done,
        failed,
        writes=True,
        cancellable=False,  # SQLite's backup copies the store in one step
    )


def backup_from_menu(parent: QWidget, ctx: AppContext) -> None:
    """Asks where to write the backup, then writes it."""
    name = f"jipp-cadangan-{date.today().isoformat()}.db"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Cadangkan basis data"), str(Path(_folder(ctx)) / name), FILTER
    )
    if chosen:
        backup_to(parent, ctx, Path(chosen))


def restore_from_menu(
    parent: QWidget, ctx: AppContext, restored: Callable[[], None] | None = None
) -> None:
    """Asks for a backup file, checks it, asks to confirm, then restores it; ``restored``
    runs once the restored store is in use."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, _tr("Pulihkan dari cadangan"), _folder(ctx), FILTER
    )
    if chosen:
        check_and_restore(parent, ctx, Path(chosen), restored=restored)


@dataclass(frozen=True)
class Restored:
    """What the restore job gives back: the store open again, and the outcome."""

    db: Database
    result: RestoreResult | None
    error: BaseException | None


def check_and_restore(
    parent: QWidget,
    ctx: AppContext,
    source: Path,
    *,
    confirm: bool = True,
    restored: Callable[[], None] | None = None,
) -> None:
    """Checks ``source`` in the background; when it is a good backup, asks (unless
    ``confirm`` is False) and restores it; ``restored`` runs once the restored store is in
    use."""
    from jipp_desktop.services.backup import check_backup

    def checked(_revision: str) -> None:
        if confirm and not _confirmed(parent, ctx, source):
            return
        _restore(parent, ctx, source, restored)

    def refused(error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(parent, _tr("Tidak dapat dipulihkan"), _message(error, ctx.lang))

    run_with_progress(
        ctx.jobs, parent, _tr("Memeriksa cadangan…"), lambda _p: check_backup(source), checked,
        refused,
    )  # fmt: skip


def _confirmed(parent: QWidget, ctx: AppContext, source: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        _tr("Pulihkan dari cadangan"),
        _tr(
            "Data di basis data sekarang (%1) akan diganti dengan isi cadangan %2.\n\n"
            "Basis data sekarang disimpan lebih dulu sebagai salinan di folder yang sama. "
            "Lanjutkan?"
        )
        .replace("%1", str(ctx.store_path))
        .replace("%2", str(source)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _busy_reason(ctx: AppContext) -> str | None:
    if ctx.writes.pending:
        return _tr("Perubahan masih sedang disimpan; coba lagi sebentar lagi.")
    if ctx.sync.running:
        return _tr("Sinkronisasi sedang berjalan; tunggu sampai selesai, lalu coba lagi.")
    return None


def _restore(
    parent: QWidget, ctx: AppContext, source: Path, restored: Callable[[], None] | None
) -> None:
    from jipp_desktop.db.engine import open_database
    from jipp_desktop.services.backup import restore_database

    busy = _busy_reason(ctx)
    if busy is not None:
        QMessageBox.warning(parent, _tr("Tidak dapat dipulihkan"), busy)
        return
    old, live = ctx.db, ctx.store_path

    def work(_progress: ProgressFn) -> Restored:
        old.close()
        result: RestoreResult | None = None
        error: BaseException | None = None
        try:
            result = restore_database(source, live)
        except Exception as exc:  # the old store is in place: said, and opened again
            error = exc
        return Restored(open_database(live), result, error)

    def done(outcome: Restored) -> None:
        ctx.adopt_restored_store(outcome.db)
        if outcome.error is not None:
            QMessageBox.warning(
                parent, _tr("Tidak dapat dipulihkan"), _message(outcome.error, ctx.lang)
            )
            return
        assert outcome.result is not None
        QMessageBox.information(parent, _tr("Dipulihkan"), restored_text(outcome.result))
        if restored is not None:
            restored()

    def failed(error: BaseException) -> None:
        # Not even the store could be opened again: nothing can go on (as at start).
        QMessageBox.critical(parent, "JIPP Desktop", _message(error, ctx.lang))

    run_with_progress(
        ctx.jobs,
        parent,
        _tr("Memulihkan dari cadangan…"),
        work,
        done,
        failed,
        writes=True,
        cancellable=False,  # once checked, the swap must finish (or put the old store back)
    )


def restored_text(result: RestoreResult) -> str:
    """What a restore did, for the officer: from where, where the replaced store was kept."""
    lines = [_tr("Basis data dipulihkan dari cadangan.")]
    if result.previous_copy is not None:
        lines.append(
            _tr("Basis data yang diganti disimpan di:\n%1").replace("%1", str(result.previous_copy))
        )
    if result.upgraded:
        lines.append(_tr("Cadangan dari versi lama; sudah dimutakhirkan ke versi ini."))
    if result.attachments_refused:
        lines.append(
            _tr(
                "%1 berkas lampiran ditolak (tautan, nama bukan SHA-256, atau isi tidak "
                "cocok dengan namanya)."
            ).replace("%1", str(result.attachments_refused))
        )
    return "\n\n".join(lines)


def _message(error: BaseException, lang: str) -> str:
    from jipp_desktop.db.schema import StoreError
    from ui.writes import failure_text

    if isinstance(error, StoreError):
        return _in_language(str(error), lang)
    return failure_text(error, lang)
