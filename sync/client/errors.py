"""What can go wrong talking to the registry, each said in Indonesian and English."""

from __future__ import annotations

from jipp_desktop.domain.errors import ServiceError


class RegistryError(ServiceError):
    """The registry refused a request, or could not be asked.

    Attributes:
        status: the HTTP status (None when no answer came).
        code: the registry's code (``Problem.code``) or the client's.
        fields: the registry's reasons per field (field → (id, en)).
    """

    def __init__(
        self,
        id_text: str,
        en_text: str,
        *,
        status: int | None = None,
        code: str = "registry_error",
        fields: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(id_text, en_text)
        self.status = status
        self.code = code
        self.fields = fields or {}

    @property
    def transient(self) -> bool:
        """Whether trying again later may succeed (no answer, or the registry is busy)."""
        return False


class Unreachable(RegistryError):
    """No answer: the registry is down, the network is gone, or the time ran out."""

    @property
    def transient(self) -> bool:
        """Trying again later may succeed."""
        return True


class Busy(RegistryError):
    """The registry asked to wait (429, 503); ``retry_after`` seconds when it said."""

    def __init__(
        self,
        id_text: str,
        en_text: str,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        code: str = "busy",
    ) -> None:
        super().__init__(id_text, en_text, status=status, code=code)
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        """Trying again later may succeed."""
        return True


class UpdateRequired(RegistryError):
    """The registry no longer speaks this client's protocol (426)."""


class NotAuthorised(RegistryError):
    """No valid login (401) or a disabled account (403)."""


class CursorExpired(RegistryError):
    """The registry does not know the pull cursor (410: another database or scope)."""


class BadAnswer(RegistryError):
    """An answer that is not what the protocol says."""
