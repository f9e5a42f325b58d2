"""The PySide6 GUI of JIPP Desktop: windows, views, Qt item models, dialogs, background workers.

It talks to ``jipp_desktop`` services only and never writes SQL itself.
"""
