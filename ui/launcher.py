"""`jipp-desktop`, the console script and the frozen app's entry: the core's command line with
the sync subcommand added and the GUI (or ``--screenshot``) started when no subcommand is given.

It lives here, above the core, because it is the one place that puts every layer together
(``ui`` may import ``sync`` and ``jipp_desktop``; the core imports neither). A data command
imports no Qt: the GUI modules load only when the GUI starts.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from jipp_desktop.cli import main as cli

# The core's subcommands, then those of the sync client (one push and pull, --status).
COMMAND_MODULES = (*cli.COMMAND_MODULES, "sync.command")


def start_gui(args: argparse.Namespace) -> int:
    """The GUI on the store the options name, or with ``--screenshot`` the screens as PNG files;
    returns the exit code."""
    if args.screenshot:
        from ui.screenshot import run_screenshots

        return run_screenshots(args)
    from ui.app import run_gui

    return run_gui(args)


def run(argv: Sequence[str] | None = None) -> int:
    """Parses ``argv`` and runs the command or the GUI; returns the exit code (errors raise,
    as in :func:`jipp_desktop.cli.main.run`)."""
    return cli.run(argv, command_modules=COMMAND_MODULES, start_gui=start_gui)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of `jipp-desktop`: exits with the command's code, a one-line reason on
    failure."""
    cli.main(argv, command_modules=COMMAND_MODULES, start_gui=start_gui)


if __name__ == "__main__":
    main()
