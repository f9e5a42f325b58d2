"""`jipp-desktop sync`: one push and pull with the registry (docs/SYNC.md).

    jipp-desktop [--as OFFICER] sync --registry URL --user NAME [--ca-file F] [--json]
    jipp-desktop sync --status [--json]        # what waits, without the network

The acting officer's changes are pushed, each naming them as author (other officers' changes
wait for their own account). The registry's address and the account are remembered for the
next run; the password comes from JIPP_PASSWORD, the keyring, or is asked (never stored in a
file). Exit codes: 0 when the exchange completed (rejected changes are listed), 1 when the
registry refused (login, version), 4 when it could not be reached or was busy: try again later.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from jipp_desktop.cli.context import CliContext, CliError, add_json_option
from jipp_desktop.language import pick

EXIT_REFUSED = 1
EXIT_TRY_LATER = 4


def register(sub: Any) -> None:
    """Adds the `sync` subcommand."""
    parser = sub.add_parser(
        "sync",
        help="send changes to the registry and receive its records (one exchange)",
    )
    parser.add_argument("--registry", metavar="URL", help="the registry's address (remembered)")
    parser.add_argument("--user", metavar="NAME", help="the registry account (remembered)")
    parser.add_argument("--ca-file", metavar="FILE", help="CA bundle for the registry's TLS")
    parser.add_argument(
        "--status", action="store_true", help="show what waits for the registry; no network"
    )
    add_json_option(parser)
    parser.set_defaults(handler=run_sync)


def _remembered(ctx: CliContext) -> tuple[str, str]:
    from jipp_desktop.services.settings import get_setting
    from jipp_desktop.syncstate.device import REGISTRY, USERNAME

    with ctx.db.session() as session:
        return get_setting(session, REGISTRY), get_setting(session, USERNAME)


def run_sync(ctx: CliContext, args: argparse.Namespace) -> int:
    """Runs one exchange (or, with --status, reports what waits)."""
    if args.status:
        return _status(ctx)
    from sync.client.credentials import forget_password, password_for, remember_password
    from sync.client.engine import SyncFailed, synchronise
    from sync.client.errors import NotAuthorised

    registry, username = _remembered(ctx)
    registry = args.registry or os.environ.get("JIPP_REGISTRY") or registry
    username = args.user or os.environ.get("JIPP_USER") or username
    if not registry or not username:
        raise CliError(
            pick(
                "sebut registri dan akun: --registry URL --user NAMA",
                "name the registry and the account: --registry URL --user NAME",
            ),
            code=2,
        )
    actor = ctx.actor()
    password = password_for(registry, username)
    show = not ctx.json and sys.stderr.isatty()
    try:
        result = synchronise(
            ctx.db,
            actor,
            registry,
            username,
            password.value,
            ca_file=args.ca_file,
            progress=_progress if show else None,
        )
    except SyncFailed as exc:
        if show:
            print(file=sys.stderr)
        if isinstance(exc.cause, NotAuthorised) and password.source == "keyring":
            forget_password(registry, username)
        code = EXIT_TRY_LATER if exc.transient else EXIT_REFUSED
        raise CliError(exc.message(), code=code) from exc
    if show:
        print(file=sys.stderr)
    if password.source == "prompt":
        remember_password(registry, username, password.value)
    _remember(ctx, registry, username)
    ctx.emit(_summary(result), result.as_json())
    return 0


def _remember(ctx: CliContext, registry: str, username: str) -> None:
    from jipp_desktop.services.settings import set_setting
    from jipp_desktop.syncstate.device import REGISTRY, USERNAME

    with ctx.db.transaction() as session:
        set_setting(session, REGISTRY, registry)
        set_setting(session, USERNAME, username)


def _progress(stage: str, done: int, total: int) -> None:
    names = {
        "status": ("menghubungi registri", "contacting the registry"),
        "login": ("masuk", "logging in"),
        "upload": ("mengunggah lampiran", "uploading attachments"),
        "push": ("mengirim perubahan", "sending changes"),
        "reference": ("membaca daftar petugas", "reading the officers"),
        "pull": ("menerima data", "receiving records"),
        "download": ("mengunduh lampiran", "downloading attachments"),
    }
    label = pick(*names.get(stage, (stage, stage)))
    count = f" {done:,}/{total:,}" if total else (f" {done:,}" if done else "")
    print(f"\r\033[K{label}{count}", end="", file=sys.stderr, flush=True)


def _summary(result: Any) -> str:
    lines = [
        pick(
            f"Sinkronisasi selesai: {result.pushed} dikirim, {result.pulled} diterima, "
            f"{result.merged} digabung, {result.conflicts} konflik, {result.rejected} ditolak; "
            f"{result.pending} menunggu.",
            f"Sync complete: {result.pushed} sent, {result.pulled} received, "
            f"{result.merged} merged, {result.conflicts} conflicts, {result.rejected} rejected; "
            f"{result.pending} waiting.",
        )
    ]
    if result.cancelled:
        lines[0] = pick("Sinkronisasi dibatalkan.", "Sync cancelled.")
    lines += _problem_lines(result.problems)
    return "\n".join(lines)


def _problem_lines(problems: list[dict[str, Any]]) -> list[str]:
    kinds = {
        "conflict": ("konflik", "conflict"),
        "rejected": ("ditolak", "rejected"),
        "quarantined": ("dikarantina", "quarantined"),
        "retrying": ("dicoba lagi", "retrying"),
    }
    return [
        f"  {pick(*kinds.get(p['kind'], (p['kind'], p['kind'])))}: {p['entity']} "
        f"{p['label'] or p['id']} — {p['message']}"
        for p in problems
    ]


def _status(ctx: CliContext) -> int:
    from jipp_desktop.syncstate import list_problems, pending_count
    from jipp_desktop.syncstate.device import last_sync

    registry, username = _remembered(ctx)
    with ctx.db.session() as session:
        pending = pending_count(session)
        problems = [p.as_json() for p in list_problems(session)]
        last = last_sync(session)
    data = {
        "pending": pending,
        "problems": problems,
        "last_sync": last,
        "registry": registry or None,
        "user": username or None,
    }
    when = last.isoformat(timespec="minutes") if last else pick("belum pernah", "never")
    human = pick(
        f"{pending} perubahan menunggu dikirim; {len(problems)} masalah; sinkron terakhir: {when}",
        f"{pending} changes waiting; {len(problems)} problems; last sync: {when}",
    )
    ctx.emit("\n".join([human, *_problem_lines(problems)]), data)
    return 0
