"""Writing the files an officer asks for (exports, error workbooks, templates, PDFs, backups),
one way for every command and the GUI.

- :func:`check_output` refuses a target that is one of the action's inputs, or a store open in
  this process, its ``-wal``/``-shm``/``-journal`` file or its attachment folder (or anything
  inside it) — compared as the files they are (links and case-insensitive names included), not
  as spelled.
- :func:`atomic_output` writes through a hidden temporary file in the target's folder and
  renames it into place, so a failed or killed write never leaves half a file under the
  chosen name; the file gets the usual permissions (the user's umask), and leftovers of a
  killed earlier write of the same target are removed. The folder must exist: no command makes
  missing folders (a mistyped path is an error, not a new tree of folders).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from jipp_desktop.domain.errors import ServiceError

log = logging.getLogger(__name__)

STORE_COMPANIONS = ("-wal", "-shm", "-journal")
STALE_SECONDS = 24 * 3600
_open_stores: dict[Path, int] = {}


class OutputRefused(ServiceError):
    """The file cannot be written there; nothing was written."""


def store_folder(db_path: Path) -> Path:
    """Where a database's attachment files live."""
    return db_path.parent / f"{db_path.stem}-attachments"


def protect_store(path: Path) -> None:
    """Notes a store opened in this process: no output may be written onto it."""
    key = _resolved(path)
    _open_stores[key] = _open_stores.get(key, 0) + 1


def release_store(path: Path) -> None:
    """Forgets a store closed in this process."""
    key = _resolved(path)
    if _open_stores.get(key, 0) > 1:
        _open_stores[key] -= 1
    else:
        _open_stores.pop(key, None)


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(str(a)) == os.path.normcase(str(b))


def _inside(path: Path, folder: Path) -> bool:
    if _same(path, folder):
        return True
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        pass
    return any(_same(parent, folder) for parent in path.parents if parent.exists())


def _refusal(target: Path, what_id: str, what_en: str) -> OutputRefused:
    return OutputRefused(
        f"{target}: tidak boleh ditimpa karena ini {what_id}; pilih berkas lain",
        f"{target}: cannot be written, it is {what_en}; choose another file",
    )


def protected_reason(
    target: Path, inputs: Iterable[Path] = (), stores: Iterable[Path] = ()
) -> tuple[str, str] | None:
    """Why ``target`` may not be written (Indonesian, English), or None."""
    target = _resolved(target)
    for source in inputs:
        if _same(target, _resolved(source)):
            return ("berkas masukannya sendiri", "its own input file")
    for store in [*stores, *_open_stores]:
        store = _resolved(store)
        if _same(target, store):
            return ("basis data yang sedang dipakai", "the database in use")
        for suffix in STORE_COMPANIONS:
            if _same(target, Path(f"{store}{suffix}")):
                return (
                    f"berkas {suffix} milik basis data yang sedang dipakai",
                    f"the {suffix} file of the database in use",
                )
        if _inside(target, store_folder(store)):
            return (
                "folder lampiran basis data yang sedang dipakai",
                "the attachment folder of the database in use",
            )
    return None


def check_output(
    target: Path | str, *, inputs: Iterable[Path | str] = (), stores: Iterable[Path] = ()
) -> Path:
    """``target`` as a path, once it is known that writing it destroys nothing it must not.

    Raises:
        OutputRefused: ``target`` is an input of the action, a store (open in this process or
            in ``stores``), a companion file of one, or inside its attachment folder; or it is
            a folder; or its folder does not exist.
    """
    path = Path(target).expanduser()
    reason = protected_reason(path, [Path(p) for p in inputs], stores)
    if reason is not None:
        raise _refusal(path, *reason)
    if path.is_dir():
        raise OutputRefused(
            f"{path}: ini folder; beri nama berkas", f"{path}: this is a folder; give a file name"
        )
    if not path.parent.is_dir():
        raise OutputRefused(
            f"{path.parent}: folder tidak ada", f"{path.parent}: folder does not exist"
        )
    return path


def temp_name(target: Path) -> Path:
    """The hidden temporary file a write of ``target`` goes through (in the same folder)."""
    return target.with_name(f".{target.name}.part-{os.getpid()}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # decided by age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers(target: Path) -> int:
    """Removes the temporary files of earlier writes of ``target`` that were killed midway
    (their process is gone, or they are older than a day); returns how many."""
    removed = 0
    name = _glob_escape(target.name)
    try:
        # Ours, and those of the versions before (".<name>.restore-<pid>.tmp" and the like).
        candidates = [
            *target.parent.glob(f".{name}.part-*"),
            *target.parent.glob(f".{name}.*-*.tmp"),
        ]
    except OSError:
        return 0
    for leftover in candidates:
        pid_text = leftover.name.removesuffix(".tmp").rsplit("-", 1)[-1]
        try:
            stale = not _alive(int(pid_text))
            stale = stale or time.time() - leftover.stat().st_mtime > STALE_SECONDS
            if stale and leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
                removed += 1
        except (ValueError, OSError):
            continue
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(
    target: Path | str, *, inputs: Iterable[Path | str] = (), stores: Iterable[Path] = ()
) -> Iterator[Path]:
    """Yields a temporary path to write; on success it replaces ``target`` (checked with
    :func:`check_output` first), on failure it is removed and ``target`` is untouched."""
    path = check_output(target, inputs=inputs, stores=stores)
    sweep_leftovers(path)
    temp = temp_name(path)
    temp.unlink(missing_ok=True)
    try:
        yield temp
        if temp.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, _default_mode())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    log.info("wrote %s (%d bytes)", path, path.stat().st_size)
