"""How long core work reports progress and learns it was cancelled.

Long functions (import, export, batch PDFs, sync) take a ``progress`` callback and call it as
they go with (done, total); the callback raises :class:`Cancelled` when the officer has asked
to stop, and the function lets it propagate after undoing its partial work (its transaction
rolls back). The GUI adapts the callback to a progress dialog; the CLI passes none.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int], None]


class Cancelled(Exception):
    """The officer cancelled the work; nothing it did is kept."""


def no_progress(done: int, total: int) -> None:
    """The callback for callers that do not watch progress."""
