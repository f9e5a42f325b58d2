"""Errors the services raise: each names what is wrong and why, in Indonesian and English."""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.language import language


@dataclass(frozen=True)
class FieldError:
    """A broken rule on one field."""

    field: str
    id: str
    en: str

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.en if (lang or language()) == "en" else self.id

    def __str__(self) -> str:
        return f"{self.field}: {self.message()}"


class ServiceError(Exception):
    """A request the services refuse; the message is bilingual."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.id = id_text
        self.en = en_text

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.en if (lang or language()) == "en" else self.id

    def __str__(self) -> str:
        return self.message()


class ValidationFailed(ServiceError):
    """One or more fields break the rules; ``errors`` lists each of them."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__(
            "; ".join(f"{e.field}: {e.id}" for e in errors),
            "; ".join(f"{e.field}: {e.en}" for e in errors),
        )

    def by_field(self) -> dict[str, FieldError]:
        """The first error of each field."""
        out: dict[str, FieldError] = {}
        for e in self.errors:
            out.setdefault(e.field, e)
        return out


class NotFound(ServiceError):
    """The record asked for does not exist (or was deleted)."""


class PermissionDenied(ServiceError):
    """The acting officer may not do this (role, four-eyes rule)."""


class WorkflowError(ServiceError):
    """The step is not allowed from the record's current workflow state."""
