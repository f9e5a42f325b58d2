"""Spreadsheet import, export and template in the GUI (dialogs over jipp_desktop.spreadsheets)."""
