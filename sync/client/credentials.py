"""The registry password: from ``JIPP_PASSWORD``, else the system keyring, else asked.

A password is never written to a file here. Where the keyring has no usable backend (a
headless Linux without a secret service gives ``keyring.backends.fail.Keyring``), the officer
is told so and asked each time.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.language import pick

ENV = "JIPP_PASSWORD"
SERVICE = "jipp-registry"


@dataclass(frozen=True)
class Password:
    """A password and where it came from (env, keyring or prompt)."""

    value: str
    source: str


def _account(registry: str, username: str) -> str:
    return f"{username}@{registry.rstrip('/')}"


def keyring_usable() -> bool:
    """Whether the keyring has a backend that can store secrets."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(backend, fail.Keyring | null.Keyring)


def stored_password(registry: str, username: str) -> str | None:
    """The keyring's password of the account, if it holds one."""
    if not keyring_usable():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, _account(registry, username))
    except Exception:
        return None


def remember_password(registry: str, username: str, password: str) -> bool:
    """Keeps the password in the keyring (never in a file); returns whether it was kept."""
    if not keyring_usable():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, _account(registry, username), password)
    except Exception:
        return False
    return True


def forget_password(registry: str, username: str) -> None:
    """Removes the account's password from the keyring (after the registry refused it)."""
    if not keyring_usable():
        return
    import keyring

    try:
        keyring.delete_password(SERVICE, _account(registry, username))
    except Exception:
        return


def password_for(
    registry: str,
    username: str,
    *,
    ask: Callable[[str], str] = getpass.getpass,
    say: Callable[[str], None] = lambda text: print(text, file=sys.stderr),
    interactive: bool | None = None,
) -> Password:
    """The account's password: ``JIPP_PASSWORD``, else the keyring's, else asked.

    Raises:
        ServiceError: none is known and there is no terminal to ask at.
    """
    value = os.environ.get(ENV)
    if value:
        return Password(value, "env")
    stored = stored_password(registry, username)
    if stored:
        return Password(stored, "keyring")
    if interactive is None:
        interactive = sys.stdin.isatty()
    if not interactive:
        raise ServiceError(
            f"kata sandi {username} tidak diketahui: setel {ENV} atau jalankan di terminal",
            f"no password for {username}: set {ENV} or run in a terminal",
        )
    if not keyring_usable():
        say(
            pick(
                "Keyring sistem tidak tersedia: kata sandi tidak disimpan dan ditanyakan tiap "
                "kali.",
                "The system keyring is not available: the password is not stored and is asked "
                "each time.",
            )
        )
    value = ask(pick(f"Kata sandi {username}: ", f"Password of {username}: "))
    return Password(value, "prompt")
