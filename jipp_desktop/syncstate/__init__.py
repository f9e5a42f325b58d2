"""The store's side of the sync (docs/SYNC.md): what a record is on the wire, the outbox as it
is pushed, the registry's answers and pulled pages written back, and the problems left for the
officer. No HTTP here: ``sync.client`` carries the messages.

The GUI and the command line use:

- :func:`pending_count`: records waiting for the registry.
- :func:`list_problems`: conflicts, rejections and quarantined changes.
- :func:`resolve_conflict`, :func:`retry`, :func:`discard`: the officer's answers to them.
"""

from jipp_desktop.syncstate.pending import pending_count
from jipp_desktop.syncstate.problems import (
    MINE,
    THEIRS,
    SyncIssue,
    discard,
    list_problems,
    resolve_conflict,
    retry,
)

__all__ = [
    "MINE",
    "THEIRS",
    "SyncIssue",
    "discard",
    "list_problems",
    "pending_count",
    "resolve_conflict",
    "retry",
]
