"""The data commands: `demo`, `stats`, `list`, `search`, `backup` and `restore`.

Names, options and JSON keys follow the command-line contract exactly (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import argparse
from typing import Any

from jipp_desktop.cli.context import CliContext, CliError, add_json_option
from jipp_desktop.language import pick

LIST_KINDS = ("innovations", "agencies", "hubs", "commitments", "verifications")
MAX_COUNT = 2**62
# The most demo innovations one run adds (a larger number would run for days).
MAX_DEMO = 1_000_000


def _count(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            pick(f"{text!r} bukan bilangan bulat positif", f"{text!r} is not a positive number")
        )
    # SQLite's LIMIT is a 64-bit integer; anything larger means "all" anyway.
    return min(value, MAX_COUNT)


def _amount(text: str) -> int:
    """An argparse type: a whole number of at least 0."""
    if not text.isdecimal():
        raise argparse.ArgumentTypeError(
            pick(f"{text!r} bukan bilangan bulat (0 atau lebih)", f"{text!r} is not a number ≥ 0")
        )
    if int(text) > MAX_DEMO:
        raise argparse.ArgumentTypeError(
            pick(
                f"{text!r}: paling banyak {MAX_DEMO:,}".replace(",", "."),
                f"{text!r}: at most {MAX_DEMO:,}",
            )
        )
    return int(text)


def register(sub: Any) -> None:
    """Adds the data subcommands."""
    demo = sub.add_parser(
        "demo",
        help=pick(
            "tambahkan data demo yang realistis (inovasi instansi nyata, verifikasi, replikasi, "
            "komitmen), dimasukkan oleh petugas demo rekaan",
            "add realistic demo data (innovations of real agencies, verifications, "
            "replications, commitments); entered by made-up demo officers",
        ),
    )
    demo.add_argument("--innovations", type=_amount, default=500, metavar="N")
    demo.add_argument(
        "--seed", type=int, default=None, help=pick("benih data rekaan", "seed of the made-up data")
    )
    add_json_option(demo)
    demo.set_defaults(handler=run_demo)

    stats = sub.add_parser("stats", help=pick("jumlah data di basis data", "counts of the store"))
    add_json_option(stats)
    stats.set_defaults(handler=run_stats)

    lst = sub.add_parser("list", help=pick("daftar data satu jenis", "list records of one kind"))
    lst.add_argument("kind", choices=LIST_KINDS, metavar="KIND", help=", ".join(LIST_KINDS))
    lst.add_argument("--limit", type=_count, default=50, metavar="N")
    add_json_option(lst)
    lst.set_defaults(handler=run_list)

    search = sub.add_parser(
        "search",
        help=pick("pencarian teks penuh atas inovasi", "full-text search over innovations"),
    )
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=_count, default=20, metavar="N")
    add_json_option(search)
    search.set_defaults(handler=run_search)

    backup = sub.add_parser(
        "backup", help=pick("salin basis data ke sebuah berkas", "copy the store to a file")
    )
    backup.add_argument("out", metavar="OUT")
    add_json_option(backup)
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore",
        help=pick(
            "ganti basis data dengan cadangan (diperiksa dahulu)",
            "replace the store with a backup (checked first)",
        ),
    )
    restore.add_argument("source", metavar="IN")
    add_json_option(restore)
    restore.set_defaults(handler=run_restore)


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    """Adds demo data; prints what was added."""
    import sys

    from jipp_desktop.demo.generator import DEFAULT_SEED, add_demo_data

    show = not ctx.json and args.innovations >= 20000 and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    result = add_demo_data(
        ctx.db,
        args.innovations,
        seed=DEFAULT_SEED if args.seed is None else args.seed,
        progress=progress,
    )
    if show:
        print(file=sys.stderr)
    data = {
        "innovations": result.innovations,
        "verifications": result.verifications,
        "replications": result.replications,
        "awards": result.awards,
        "commitments": result.commitments,
        "hub_spokes": result.spokes,
        "officers": result.officers,
        "database": str(ctx.db.path),
    }
    ctx.emit(
        pick(
            f"Data demo ditambahkan ke {ctx.db.path}: {result.innovations} inovasi, "
            f"{result.verifications} verifikasi, {result.replications} replikasi, "
            f"{result.awards} penghargaan, {result.commitments} komitmen.",
            f"Demo data added to {ctx.db.path}: {result.innovations} innovations, "
            f"{result.verifications} verifications, {result.replications} replications, "
            f"{result.awards} awards, {result.commitments} commitments.",
        ),
        data,
    )
    return 0


def run_stats(ctx: CliContext, args: argparse.Namespace) -> int:
    """Prints the store's counts."""
    from jipp_desktop.services.stats import store_stats

    with ctx.db.reading() as reader:
        stats = store_stats(reader)
    ctx.emit(stats_text(stats) if not ctx.json else "", stats)
    return 0


def stats_text(stats: dict[str, Any]) -> str:
    """The counts as the officer reads them: labels and numbers in the current language
    ("Perlu verifikasi ulang (terverifikasi > 12 bulan lalu): 1.051"), codes as their labels."""
    from babel.numbers import format_decimal

    from jipp_desktop.language import language
    from jipp_desktop.reference.codes import CONTINUATION, PHASES, WORKFLOW
    from jipp_desktop.services.stats import UNSET, reverification_label, unset_label

    lang = language()
    labels = {
        "innovations": ("Inovasi", "Innovations"),
        "agencies": ("Instansi", "Agencies"),
        "hubs": ("Hub JIPP", "JIPP hubs"),
        "commitments": ("Komitmen", "Commitments"),
        "verifications": ("Verifikasi", "Verifications"),
        "provinces": ("Provinsi", "Provinces"),
        "regencies": ("Kabupaten", "Regencies"),
        "cities": ("Kota", "Cities"),
        "pending_changes": ("Perubahan belum disinkronkan", "Changes not yet synced"),
        "by_phase": ("Menurut tahap", "By phase"),
        "by_workflow": ("Menurut status", "By status"),
        "by_continuation": ("Menurut keberlanjutan", "By continuation"),
    }
    codes = {"by_phase": PHASES, "by_workflow": WORKFLOW, "by_continuation": CONTINUATION}
    lines = []
    for key, value in stats.items():
        label = (
            reverification_label(lang)
            if key == "needs_reverification"
            else pick(*labels[key])
            if key in labels
            else key
        )
        if isinstance(value, dict):
            parts = [
                f"{unset_label(lang) if code == UNSET else codes[key].label(code, lang)} "
                f"{format_decimal(n, locale=lang)}"
                for code, n in value.items()
            ]
            lines.append(f"{label}: " + ", ".join(parts))
        else:
            lines.append(f"{label}: {format_decimal(value, locale=lang)}")
    return "\n".join(lines)


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    """Lists up to ``--limit`` records of one kind (Core reads: the ORM is never loaded)."""
    from jipp_desktop.services.record_lists import LISTERS

    with ctx.db.reading() as reader:
        items = LISTERS[args.kind](reader, args.limit)
    name = "title" if args.kind in ("innovations", "commitments", "verifications") else "name"
    ctx.emit(_table(items, ("id", name)), items)
    return 0


def _table(items: list[dict[str, Any]], keys: tuple[str, ...]) -> str:
    return "\n".join("\t".join(str(i.get(k) or "") for k in keys) for i in items)


def run_search(ctx: CliContext, args: argparse.Namespace) -> int:
    """Full-text search over innovations, best match first."""
    from jipp_desktop.services.search import fts_query, search_innovations

    if not fts_query(args.text):
        raise CliError(
            pick(
                f"teks pencarian {args.text!r} tidak berisi kata",
                f"the search text {args.text!r} holds no word",
            ),
            code=2,
        )
    with ctx.db.reading() as reader:
        items = [dict(r._mapping) for r in search_innovations(reader, args.text, args.limit)]
    ctx.emit(_table(items, ("id", "title")) or pick("tidak ditemukan", "nothing found"), items)
    return 0


def run_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    """Copies the store to OUT."""
    from jipp_desktop.services.backup import backup_database

    target = backup_database(ctx.db, args.out)
    ctx.emit(
        pick(f"Cadangan ditulis ke {target}", f"Backup written to {target}"),
        {"backup": str(target), "database": str(ctx.db.path)},
    )
    return 0


def run_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    """Replaces the store with the backup IN, after checking it."""
    from jipp_desktop.services.backup import restore_database

    result = restore_database(args.source, ctx.db_path)
    kept = (
        pick(f"; basis data lama disimpan di {result.previous_copy}",
             f"; the replaced database was kept as {result.previous_copy}")
        if result.previous_copy
        else ""
    )  # fmt: skip
    if result.attachments_refused:
        kept += pick(
            f"; {result.attachments_refused} berkas lampiran ditolak (tautan, nama bukan "
            "SHA-256, atau isi tidak cocok dengan namanya)",
            f"; {result.attachments_refused} attachment files refused (a link, a name that is "
            "no SHA-256, or content not matching its name)",
        )
    ctx.emit(
        pick(f"Dipulihkan dari {args.source}{kept}", f"Restored from {args.source}{kept}"),
        {
            "database": str(result.path),
            "revision": result.revision,
            "previous_copy": str(result.previous_copy) if result.previous_copy else None,
            "upgraded": result.upgraded,
            "attachments": result.attachments,
            "attachments_refused": result.attachments_refused,
        },
    )
    return 0
