"""The command line's language, known before the parser is built: `--help` and argparse's own
words ("usage:", "options", "invalid choice") in the `--lang` language.

Help texts are chosen with ``pick`` while the parser is built, so the language is read from
the arguments first (:func:`language_of`). argparse looks its words up through gettext
(``argparse._``); Python ships no Indonesian catalogue, so the one argparse msgids an officer
meets are translated here and looked up in place of gettext's while the language is Indonesian.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Sequence

# argparse's messages (Python 3.11-3.13 msgids) an officer can meet, in Indonesian.
ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu argumen",
    "expected at most one argument": "paling banyak satu argumen",
    "expected at least one argument": "paling sedikit satu argumen",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s dapat berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}


def language_of(argv: Sequence[str]) -> str:
    """The language `--lang` names in ``argv`` ("id" when it names none or another)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in ("id", "en"):
            return value
    return "id"


def _indonesian(message: str) -> str:
    return ARGPARSE_ID.get(message) or gettext.gettext(message)


def use_argparse_language(lang: str) -> None:
    """argparse's own words in ``lang`` from now on."""
    argparse._ = _indonesian if lang == "id" else gettext.gettext  # type: ignore[attr-defined]
