"""`template`, `import` and `export`: innovation lists as spreadsheets (see README, "Excel import
and export", for the accepted files and the exit codes)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jipp_desktop.cli.context import CliContext, CliError, add_json_option
from jipp_desktop.cli.filter_options import add_filter_options, filter_from_args
from jipp_desktop.language import pick

PROBLEMS_SHOWN = 20


def register(sub: Any) -> None:
    """Adds the `template`, `import` and `export` subcommands."""
    template = sub.add_parser(
        "template", help=pick("tulis templat impor Excel", "write the Excel import template")
    )
    template.add_argument("out", metavar="OUT.xlsx")
    add_json_option(template)
    template.set_defaults(handler=template_command)

    imp = sub.add_parser(
        "import",
        help=pick(
            "impor inovasi dari .xlsx, .xls, .ods atau .csv",
            "import innovations from .xlsx, .xls, .ods or .csv",
        ),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=pick("periksa dan hitung; tidak menulis apa pun", "check and count; write nothing"),
    )
    imp.add_argument(
        "--errors",
        metavar="OUT.xlsx",
        help=pick("tulis baris yang ditolak ke sini", "write the rejected rows here"),
    )
    imp.add_argument(
        "--on-duplicate",
        choices=("skip", "update"),
        default="skip",
        help=pick(
            "baris yang cocok dengan data tersimpan: lewati (bawaan) atau perbarui datanya",
            "rows matching a stored record: skip them (default) or update the record",
        ),
    )
    imp.add_argument(
        "--create-agencies",
        action="store_true",
        help=pick(
            "buat instansi yang disebut berkas tetapi belum ada (admin; jenis dan wilayah "
            "ditebak dari namanya, dalam transaksi impor yang sama)",
            "create the agencies the file names and the store lacks (admin; kind and region "
            "guessed from the name, in the import's transaction)",
        ),
    )
    add_json_option(imp)
    imp.set_defaults(handler=import_command)

    exp = sub.add_parser(
        "export",
        help=pick("ekspor inovasi ke .xlsx berformat", "export innovations to a formatted .xlsx"),
    )
    exp.add_argument("out", metavar="OUT.xlsx")
    add_filter_options(exp)
    add_json_option(exp)
    exp.set_defaults(handler=export_command)


def _xlsx_out(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"{out.name}: simpan sebagai .xlsx / save as .xlsx")
    if not out.parent.exists():
        raise CliError(f"{out.parent}: folder tidak ada / folder does not exist")
    return out


def template_command(ctx: CliContext, args: argparse.Namespace) -> int:
    """Writes the import template."""
    from jipp_desktop.spreadsheets.template import write_template

    out = _xlsx_out(args.out)
    with ctx.db.session() as session:
        write_template(session, out)
    ctx.emit(str(out), {"path": str(out)})
    return 0


def import_command(ctx: CliContext, args: argparse.Namespace) -> int:
    """Imports a spreadsheet; exit 0 when it ran (counts say what was accepted)."""
    from jipp_desktop.language import language
    from jipp_desktop.outputs import check_output
    from jipp_desktop.spreadsheets.error_workbook import write_error_workbook
    from jipp_desktop.spreadsheets.importer import import_spreadsheet
    from jipp_desktop.spreadsheets.report import ImportReport
    from jipp_desktop.spreadsheets.source import SpreadsheetError

    errors_out = _xlsx_out(args.errors) if args.errors else None
    if errors_out is not None:
        # Checked before the import runs: never onto the sender's file or the store.
        check_output(errors_out, inputs=[Path(args.file)], stores=[ctx.db_path])
    actor = ctx.actor()
    errors_file = None

    def write_errors(report: ImportReport) -> None:
        # Before the commit: an error workbook that cannot be written leaves nothing committed.
        nonlocal errors_file
        if errors_out is not None and report.rejected():
            try:
                write_error_workbook(args.file, report, errors_out)
            except OSError as exc:
                raise CliError(
                    f"{errors_out}: berkas kesalahan tidak dapat ditulis ({exc.strerror}); "
                    "tidak ada yang diimpor / the error workbook cannot be written "
                    f"({exc.strerror}); nothing was imported"
                ) from exc
            errors_file = str(errors_out)

    try:
        report = import_spreadsheet(
            ctx.db,
            actor,
            args.file,
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            finish=write_errors,
            create_agencies=args.create_agencies,
        )
    except SpreadsheetError as exc:
        raise CliError(exc.message()) from exc
    lines = [report.summary()]
    if report.created_agencies:
        head = "Agencies created: " if language() == "en" else "Instansi dibuat: "
        lines.append(head + "; ".join(report.created_agencies))
    shown = [p for p in report.problems if p.kind != "existing"]
    lines += [p.describe() for p in shown[:PROBLEMS_SHOWN]]
    en = language() == "en"
    if len(shown) > PROBLEMS_SHOWN:
        more = len(shown) - PROBLEMS_SHOWN
        lines.append(
            f"... {more} more; write them all with --errors OUT.xlsx"
            if en
            else f"... {more} lagi; simpan semuanya dengan --errors OUT.xlsx"
        )
    if errors_file:
        lines.append(("Rejected rows: " if en else "Baris ditolak: ") + errors_file)
    elif errors_out is not None:
        lines.append(
            "No rows rejected; no error workbook written."
            if en
            else "Tidak ada baris yang ditolak; berkas kesalahan tidak dibuat."
        )
    data = report.to_json()
    data["errors_file"] = errors_file
    ctx.emit("\n".join(lines), data)
    return 0


def export_command(ctx: CliContext, args: argparse.Namespace) -> int:
    """Exports the innovations the filters keep."""
    from jipp_desktop.spreadsheets.export import export_innovations

    out = _xlsx_out(args.out)
    f = filter_from_args(ctx, args)
    with ctx.db.session() as session:
        result = export_innovations(session, out, f)
    ctx.emit(f"{result.path}: {result.count}", {"path": str(result.path), "count": result.count})
    return 0
