"""The command line: `jipp-desktop` starts the GUI, its subcommands reach the data without one.

Each ``*_commands`` module adds its subcommands through a ``register(subparsers)`` function and
imports what its handlers need inside them, so that starting the GUI stays fast.
"""
