"""``jipp-registry``: serve the registry and manage its accounts.

    jipp-registry [--db URL] serve [--host H] [--port P] [--workers N] [--cert F --key F]
                                   [--token-hours H]
    jipp-registry [--db URL] user add NAME --role operator|verifier|admin
                                   [--agency ID|NAME]... [--region CODE] [--full-name TEXT]
    jipp-registry [--db URL] user list [--json]
    jipp-registry [--db URL] user disable|enable|password NAME

``--db`` defaults to ``$JIPP_REGISTRY_DB`` or else ``sqlite:///jipp-registry.db`` in the current
folder; ``postgresql://user:pass@host/db`` serves several processes. A password comes from
``$JIPP_PASSWORD`` or is asked for. Errors are one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from sync.registry import accounts
from sync.registry.accounts import AccountError, NewAccount
from sync.registry.db import DB_ENV, DEFAULT_DB, BadDatabaseUrl, make_engine, prepare


class CliError(Exception):
    """A one-line error for the user (both languages)."""


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line (and exit status 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        """Prints the mistake on one line and exits."""
        self.exit(2, f"{self.prog}: perintah tidak sah / usage error: {message} (--help)\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help=f"database URL (default: $JIPP_REGISTRY_DB or {DEFAULT_DB})",
    )
    parser = _Parser(prog="jipp-registry", description="JIPP registry server", parents=[common])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    serve = commands.add_parser("serve", parents=[common], help="serve the sync API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8420)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--cert", help="TLS certificate (PEM); HTTPS with --key")
    serve.add_argument("--key", help="TLS private key (PEM)")
    serve.add_argument(
        "--token-hours", type=float, default=12.0, help="how long a login lasts (default 12)"
    )

    user = commands.add_parser("user", parents=[common], help="manage accounts")
    users = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = users.add_parser("add", parents=[common], help="make an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["operator", "verifier", "admin"])
    add.add_argument("--agency", action="append", default=[], help="agency id or name (repeat)")
    add.add_argument("--region", help="region code (e.g. 51 or 51.71)")
    add.add_argument("--full-name", help="the person's name")
    listing = users.add_parser("list", parents=[common], help="list accounts")
    listing.add_argument("--json", action="store_true")
    for name, text in (
        ("disable", "disable an account (its logins end)"),
        ("enable", "enable a disabled account"),
        ("password", "set a new password (its logins end)"),
    ):
        users.add_parser(name, parents=[common], help=text).add_argument("name")
    return parser


def _password(confirm: bool = True) -> str:
    from_env = os.environ.get("JIPP_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(
            "kata sandi tidak diberikan ($JIPP_PASSWORD) / no password given ($JIPP_PASSWORD)"
        )
    first = getpass.getpass("Kata sandi / Password: ")
    if confirm and getpass.getpass("Ulangi / Repeat: ") != first:
        raise CliError("kata sandi tidak sama / the passwords differ")
    return first


def _user(args: argparse.Namespace) -> None:
    engine = make_engine(args.db, pool_size=1)
    try:
        prepare(engine)
        with engine.begin() as connection:
            if args.user_command == "add":
                made = accounts.add_account(
                    connection,
                    NewAccount(
                        username=args.name,
                        role=args.role,
                        password=_password(),
                        agencies=tuple(args.agency),
                        region_code=args.region,
                        full_name=args.full_name,
                    ),
                )
                print(
                    f"{made.username}: {made.role}, agencies {sorted(made.agency_ids)}, "
                    f"region {made.region_code or '-'}"
                )
            elif args.user_command == "list":
                rows = accounts.list_accounts(connection)
                if args.json:
                    print(json.dumps(rows, ensure_ascii=False, indent=2))
                for row in [] if args.json else rows:
                    state = " (disabled)" if row["disabled"] else ""
                    print(
                        f"{row['username']}\t{row['role']}\t{row['name']}\t"
                        f"{','.join(row['agency_ids']) or '-'}\t{row['region_code'] or '-'}{state}"
                    )
            elif args.user_command == "disable":
                accounts.disable_account(connection, args.name)
            elif args.user_command == "enable":
                accounts.enable_account(connection, args.name)
            elif args.user_command == "password":
                accounts.set_password(connection, args.name, _password())
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if not hasattr(args, "db"):  # --db may come before or after the command
        args.db = os.environ.get(DB_ENV, DEFAULT_DB)
    try:
        if args.command == "serve":
            from sync.registry.server import serve

            if bool(args.cert) != bool(args.key):
                raise CliError(
                    "--cert dan --key harus diberikan bersama / give --cert and --key together"
                )
            if args.workers < 1:
                raise CliError("--workers paling sedikit 1 / --workers must be at least 1")
            engine = make_engine(args.db, pool_size=1)
            try:
                prepare(engine)  # migrate once before the workers start; errors show here
            finally:
                engine.dispose()
            serve(
                args.db,
                args.host,
                args.port,
                workers=args.workers,
                certfile=args.cert,
                keyfile=args.key,
                token_hours=args.token_hours,
            )
        else:
            _user(args)
    except AccountError as exc:
        print(f"jipp-registry: {exc.id} / {exc.en}", file=sys.stderr)
        return 1
    except (CliError, BadDatabaseUrl) as exc:
        print(f"jipp-registry: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line, not a traceback, for the person at the terminal
        print(
            f"jipp-registry: galat / error: {type(exc).__name__}: {exc}".splitlines()[0],
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    # The frozen app's jipp-registry starts here; with --workers N each worker process is this
    # program again, which freeze_support turns into the worker (a no-op when not frozen).
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
