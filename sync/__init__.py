"""Both ends of the wire: the sync protocol (message schemas), the client/engine and the
reference central registry server (`jipp-registry`). Imports ``jipp_desktop``; never the GUI."""
