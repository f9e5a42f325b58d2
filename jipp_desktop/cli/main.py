"""`jipp-desktop`'s parser and dispatch: the subcommand, or with none the GUI handed to a launcher.

The core never imports the GUI or the sync client, not even here: the console script and the
frozen app start from ``ui.launcher``, which adds the sync subcommand and the GUI start to what
this module parses (docs/ARCHITECTURE.md, "Layers").
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from jipp_desktop.cli.context import CliContext, CliError

# The core's subcommand modules; each adds its subcommands through register(subparsers). A
# launcher passes these plus the modules of other layers (ui.launcher adds "sync.command").
COMMAND_MODULES = (
    "jipp_desktop.cli.officer_commands",
    "jipp_desktop.cli.store_commands",
    "jipp_desktop.cli.excel_commands",
    "jipp_desktop.cli.document_commands",
)
# What runs when no subcommand is given (the GUI, or --screenshot): the parsed options in,
# the exit code out.
GuiStarter = Callable[[argparse.Namespace], int]


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (`prog: reason`), exit code 2.

    Subparsers are made of the same class, so every subcommand's errors are one line too;
    `--help` still shows the full usage.
    """

    def error(self, message: str) -> NoReturn:
        """Reports a bad argument on one line and exits with 2."""
        self.exit(2, f"{self.prog}: {message}\n")


class VersionAction(argparse.Action):
    """`--version`: prints the version from the package metadata (read only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        from jipp_desktop.language import pick

        super().__init__(
            option_strings,
            dest,
            nargs=0,
            help=pick("tampilkan versi lalu keluar", "show the version and exit"),
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> NoReturn:
        import jipp_desktop

        print(f"jipp-desktop {jipp_desktop.__version__}")
        parser.exit(0)


def _db_path(text: str) -> str:
    """An argparse type: a store path that is not empty (``--db ''`` used to mean the default
    store without a word)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "jalur basis data kosong; sebut berkasnya, atau jangan pakai --db untuk basis data "
            "bawaan / the database path is empty; name the file, or leave out --db for the "
            "default database"
        )
    return text


def build_parser(command_modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The argument parser with the global options and the subcommands of ``command_modules``
    (help texts in the current language)."""
    from jipp_desktop.language import pick

    parser = OneLineParser(
        prog="jipp-desktop",
        description="JIPP Desktop — inovasi pelayanan publik, luring dan daring.",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=_db_path,
        help=pick(
            "berkas basis data (bawaan: folder data pengguna)",
            "database file (default: user data folder)",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=None,
        help=pick("bahasa (id, en)", "language (id, en)"),
    )
    parser.add_argument(
        "--as",
        dest="as_officer",
        metavar="OFFICER",
        help=pick("petugas yang bertindak (nama, NIP atau id)", "acting officer (name, NIP or id)"),
    )
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        help=pick(
            "gambar setiap layar utama ke DIR/*.png lalu keluar",
            "render each main screen to DIR/*.png and exit",
        ),
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", title=pick("perintah", "commands")
    )
    for name in command_modules:
        importlib.import_module(name).register(sub)
    return parser


def run(
    argv: Sequence[str] | None = None,
    *,
    command_modules: Sequence[str] = COMMAND_MODULES,
    start_gui: GuiStarter | None = None,
) -> int:
    """Parses ``argv`` and runs the command, or ``start_gui`` when there is none; returns the
    exit code."""
    from jipp_desktop.cli.help_language import language_of, use_argparse_language
    from jipp_desktop.language import set_language

    # The language first: the help texts are chosen as the parser is built.
    lang = language_of(sys.argv[1:] if argv is None else argv)
    set_language(lang)
    use_argparse_language(lang)
    parser = build_parser(command_modules)
    args = parser.parse_args(argv)
    from jipp_desktop.app_log import start_logging

    start_logging(command=args.command or ("screenshot" if args.screenshot else "gui"))

    set_language(args.lang or "id")
    if args.command is None:
        if start_gui is None:
            parser.error("sebutkan perintah / name a command")
        return start_gui(args)
    ctx = CliContext(args)
    try:
        return int(args.handler(ctx, args) or 0)
    finally:
        ctx.close()


def main(
    argv: Sequence[str] | None = None,
    *,
    command_modules: Sequence[str] = COMMAND_MODULES,
    start_gui: GuiStarter | None = None,
) -> None:
    """Runs the command line (see :func:`run`), turning every expected failure into one line on
    stderr and an exit code."""
    from jipp_desktop.db.schema import StoreError, describe_database_error, is_database_error
    from jipp_desktop.domain.errors import ServiceError

    def fail(text: str, exc: BaseException) -> None:
        print(f"jipp-desktop: {text}", file=sys.stderr)
        logging.getLogger(__name__).warning("failed: %s", text, exc_info=exc)

    try:
        code = run(argv, command_modules=command_modules, start_gui=start_gui)
    except CliError as exc:
        fail(str(exc), exc)
        code = exc.code
    except ServiceError as exc:
        fail(exc.message(), exc)
        code = 1
    except StoreError as exc:
        fail(str(exc), exc)
        code = 3
    except OSError as exc:
        # A file the officer named cannot be read or written (missing folder, no permission,
        # disk full): say which and why, in one line.
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}", exc)
        code = 1
    except Exception as exc:
        # SQLite failing under SQLAlchemy (e.g. the store kept busy by another program).
        if not is_database_error(exc):
            logging.getLogger(__name__).exception("unexpected error")
            raise
        fail(describe_database_error(exc), exc)
        code = 3
    except KeyboardInterrupt:
        print("jipp-desktop: dibatalkan / cancelled", file=sys.stderr)
        code = 130
    sys.exit(code)
