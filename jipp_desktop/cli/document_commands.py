"""The document commands: `letter COMMITMENT_ID OUT.pdf` and `report KIND OUT.pdf`.

KIND is recap, verification, hub:ID or innovation:ID. The recap takes the innovation list's
filters; the verification report takes --from/--to, or --period NAME (this-month, last-year, …;
jipp_desktop.documents.periods). With --json both print
{"path", "pages", "sha256"} (the SHA-256 of the file); a letter adds its content "fingerprint".
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from jipp_desktop.cli.context import CliContext, CliError, add_json_option
from jipp_desktop.cli.filter_options import add_filter_options, filter_from_args
from jipp_desktop.documents.periods import PERIOD_NAMES, period_dates
from jipp_desktop.language import pick

# What the officer reads for each report kind (Indonesian, English).
REPORT_NAMES = {
    "recap": ("Laporan rekapitulasi", "Recap report"),
    "verification": ("Laporan verifikasi", "Verification report"),
    "hub": ("Laporan hub", "Hub report"),
    "innovation": ("Profil inovasi", "Innovation profile"),
}


def _day(text: str) -> date:
    """An argparse type: a date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            pick(
                f"{text!r} bukan tanggal TTTT-BB-HH (mis. 2023-10-20)",
                f"{text!r} is not a date YYYY-MM-DD (e.g. 2023-10-20)",
            )
        ) from None


def register(sub: Any) -> None:
    """Adds the `letter` and `report` subcommands."""
    letter = sub.add_parser(
        "letter", help=pick("surat komitmen sebagai PDF", "a commitment letter as PDF")
    )
    letter.add_argument("commitment_id", metavar="COMMITMENT_ID")
    letter.add_argument("out", metavar="OUT.pdf")
    add_json_option(letter)
    letter.set_defaults(handler=letter_command)

    report = sub.add_parser(
        "report",
        help=pick(
            "laporan sebagai PDF (recap, verification, hub:ID, …)",
            "a report as PDF (recap, verification, hub:ID, …)",
        ),
    )
    report.add_argument(
        "kind", metavar="KIND", help="recap | verification | hub:ID | innovation:ID"
    )
    report.add_argument("out", metavar="OUT.pdf")
    report.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD")
    report.add_argument(
        "--period",
        choices=PERIOD_NAMES,
        help=pick(
            "periode laporan verifikasi (bukan bersama --from/--to)",
            "the verification report's period (not with --from/--to)",
        ),
    )
    add_filter_options(report)
    report.add_argument(
        "--personal",
        action="store_true",
        help=pick(
            "cetak telepon dan surel narahubung pada profil",
            "print the contact's phone and e-mail in a profile",
        ),
    )
    add_json_option(report)
    report.set_defaults(handler=report_command)


def _pdf_out(path: str) -> Path:
    out = Path(path).expanduser()
    if out.suffix.lower() != ".pdf":
        raise CliError(
            pick(f"{path}: nama berkas harus berakhiran .pdf", f"{path}: must end in .pdf")
        )
    if out.is_dir():
        raise CliError(pick(f"{path} adalah folder", f"{path} is a folder"))
    return out


def letter_command(ctx: CliContext, args: argparse.Namespace) -> int:
    """Makes a commitment letter, writes it and records it."""
    from jipp_desktop.documents.letter import make_letter

    out = _pdf_out(args.out)
    actor = ctx.actor()
    try:
        result = make_letter(ctx.db, actor, args.commitment_id, out)
    except OSError as exc:
        raise CliError(
            pick(
                f"{out}: tidak dapat ditulis ({exc.strerror})",
                f"{out}: cannot write ({exc.strerror})",
            )
        ) from None
    document = result.document
    ctx.emit(
        pick(
            f"Surat komitmen ditulis ke {out} ({document.pages} halaman); "
            f"sidik isi {result.fingerprint}",
            f"Commitment letter written to {out} ({document.pages} pages); "
            f"fingerprint {result.fingerprint}",
        ),
        {
            "path": str(out),
            "pages": document.pages,
            "sha256": document.sha256,
            "fingerprint": result.fingerprint,
        },
    )
    return 0


def report_command(ctx: CliContext, args: argparse.Namespace) -> int:
    """Makes a report and writes it."""
    from jipp_desktop.documents.reports import ReportRequest, make_report, parse_kind
    from jipp_desktop.language import language
    from jipp_desktop.outputs import check_output

    out = check_output(_pdf_out(args.out), stores=[ctx.db_path])
    kind, target = parse_kind(args.kind)
    if kind != "verification" and (args.start or args.end or args.period):
        raise CliError(
            pick(
                "--from/--to/--period hanya untuk laporan verification",
                "--from/--to/--period are for the verification report only",
            )
        )
    if args.period and (args.start or args.end):
        raise CliError(
            pick(
                "--period tidak dapat digabung dengan --from/--to",
                "--period cannot be combined with --from/--to",
            )
        )
    if args.period:
        args.start, args.end = period_dates(args.period)
    request = ReportRequest(
        kind=kind,
        target=target,
        filter=filter_from_args(ctx, args) if kind == "recap" else ReportRequest("recap").filter,
        start=args.start,
        end=args.end,
        lang=language(),
        personal=args.personal,
    )
    document = make_report(ctx.db, request)
    try:
        document.write(out)
    except OSError as exc:
        raise CliError(
            pick(
                f"{out}: tidak dapat ditulis ({exc.strerror})",
                f"{out}: cannot write ({exc.strerror})",
            )
        ) from None
    name_id, name_en = REPORT_NAMES[kind]
    about = f" {target}" if target else ""
    ctx.emit(
        pick(
            f"{name_id}{about} ditulis ke {out} ({document.pages} halaman)",
            f"{name_en}{about} written to {out} ({document.pages} pages)",
        ),
        {"path": str(out), "pages": document.pages, "sha256": document.sha256},
    )
    return 0
