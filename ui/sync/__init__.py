"""The GUI of the sync with the national registry: its settings, the background exchange and
automatic sync, and the dialog that resolves a conflict field by field."""
