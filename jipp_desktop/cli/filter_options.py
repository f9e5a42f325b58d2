"""The innovation list's filters as command-line options, shared by `export` and `report recap`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jipp_desktop.cli.context import CliContext, CliError

if TYPE_CHECKING:
    from jipp_desktop.domain.list_filter import InnovationFilter
    from jipp_desktop.reference.codes import CodeList


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """Adds --province, --region, --agency, --sector, --phase, --status, --workflow, --year,
    --text and --needs-reverification."""
    parser.add_argument("--province", metavar="CODE", help="province code, e.g. 51")
    parser.add_argument("--region", metavar="CODE", help="regency/city code, e.g. 51.71")
    parser.add_argument("--agency", metavar="ID_OR_NAME")
    parser.add_argument("--sector", metavar="CODE")
    parser.add_argument("--phase", metavar="CODE")
    parser.add_argument("--status", metavar="CODE", help="continuation status")
    parser.add_argument("--workflow", metavar="CODE")
    parser.add_argument("--year", type=_year, metavar="YEAR", help="year first implemented")
    parser.add_argument("--text", default="", metavar="WORDS", help="full-text words")
    parser.add_argument("--needs-reverification", action="store_true")


def _year(text: str) -> int:
    """An argparse type: a year of four digits at most (a larger number would overflow SQLite's
    integers and no record can have it)."""
    if not text.strip().isdecimal() or not 1 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(
            f"{text!r}: tahun harus bilangan 1-9999 / the year must be a number 1-9999"
        )
    return int(text)


def _code(value: str | None, code_list: CodeList, option: str) -> str | None:
    if value is None:
        return None
    found = code_list.parse(value)
    if found is None:
        raise CliError(f"--{option} {value!r}: pilih / choose {', '.join(code_list.codes())}")
    return found


def filter_from_args(ctx: CliContext, args: argparse.Namespace) -> InnovationFilter:
    """The InnovationFilter the options ask for; an unknown code or agency is a one-line error.

    Codes may be given as codes or as labels in either language; the agency by id or by name
    ("Pemerintah Kabupaten Badung", "Pemkab Badung").
    """
    from jipp_desktop.domain.list_filter import InnovationFilter
    from jipp_desktop.reference import codes
    from jipp_desktop.spreadsheets.references import AgencyResolver, RegionResolver

    agency: Any = None
    with ctx.db.session() as session:
        regions = RegionResolver(session)
        for option, value in (("province", args.province), ("region", args.region)):
            if value and value not in regions.names:
                raise CliError(
                    f"--{option} {value!r}: kode wilayah tidak dikenal / unknown region code"
                )
        if args.agency:
            agency, error = AgencyResolver(session, regions).resolve(args.agency)
            if error is not None:
                raise CliError(f"--agency: {error.message()}")
    return InnovationFilter(
        text=args.text,
        province_code=args.province,
        region_code=args.region,
        agency_id=agency,
        sector=_code(args.sector, codes.SECTORS, "sector"),
        phase=_code(args.phase, codes.PHASES, "phase"),
        continuation=_code(args.status, codes.CONTINUATION, "status"),
        workflow=_code(args.workflow, codes.WORKFLOW, "workflow"),
        year=args.year,
        needs_reverification=args.needs_reverification,
    )
