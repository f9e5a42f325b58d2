"""The service layer: every change the GUI, the importer and the sync engine make goes through
here, so every rule is checked and every change is written to the audit log in the same
transaction.

Functions take a SQLAlchemy ``Session`` (inside ``Database.transaction()``) and the acting
:class:`~jipp_desktop.services.officers.Actor`.
"""
