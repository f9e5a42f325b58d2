"""The look shared by the workbooks this app writes: header style, problem highlight."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="9C2A00")
# The template's verification columns, filled by verifiers only.
VERIFY_FILL = PatternFill("solid", fgColor="375623")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PROBLEM_FILL = PatternFill("solid", fgColor="FFC7CE")
PROBLEM_FONT = Font(color="9C0006")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
WRAP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
