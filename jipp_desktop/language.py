"""The language the core speaks to the officer: Bahasa Indonesia ("id") by default, or English."""

from __future__ import annotations

LANGUAGES = ("id", "en")
_current = "id"


def set_language(lang: str) -> None:
    """Chooses the language of messages ("id" or "en")."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    """The language messages are given in."""
    return _current


def pick(id_text: str, en_text: str) -> str:
    """The Indonesian or the English text, after the current language."""
    return en_text if _current == "en" else id_text
