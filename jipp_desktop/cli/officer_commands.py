"""`officer add` and `officer list`: the local profiles every change is attributed to."""

from __future__ import annotations

import argparse
from typing import Any

from jipp_desktop.cli.context import CliContext, add_json_option
from jipp_desktop.language import pick


def register(sub: Any) -> None:
    """Adds the `officer` subcommands."""
    officer = sub.add_parser(
        "officer", help=pick("profil petugas (siapa yang bertindak)", "officer profiles (who acts)")
    )
    osub = officer.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    add = osub.add_parser("add", help=pick("buat profil petugas", "create an officer profile"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("operator", "verifier", "admin"))
    add.add_argument("--nip", help=pick("NIP 18 digit", "18-digit NIP"))
    add_json_option(add)
    add.set_defaults(handler=add_officer)
    lst = osub.add_parser("list", help=pick("daftar profil petugas", "list officer profiles"))
    add_json_option(lst)
    lst.set_defaults(handler=list_officers)


def add_officer(ctx: CliContext, args: argparse.Namespace) -> int:
    """Creates a profile."""
    from jipp_desktop.services.officers import create_officer

    with ctx.db.transaction() as session:
        officer = create_officer(session, args.name, args.role, args.nip)
        data = {"id": officer.id, "name": officer.name, "role": officer.role, "nip": officer.nip}
    ctx.emit(f"{data['name']} ({data['role']}) {data['id']}", data)
    return 0


def list_officers(ctx: CliContext, args: argparse.Namespace) -> int:
    """Lists the profiles, the most recently used first."""
    from jipp_desktop.services.officers import list_officers as officers

    with ctx.db.session() as session:
        items = [
            {"id": o.id, "name": o.name, "role": o.role, "nip": o.nip} for o in officers(session)
        ]
    ctx.emit("\n".join(f"{o['name']}\t{o['role']}\t{o['id']}" for o in items), items)
    return 0
