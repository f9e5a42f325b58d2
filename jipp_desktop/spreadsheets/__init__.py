"""Innovation lists as spreadsheets: the import template, import (xlsx, xls, ods) with a dry run
and one-transaction commit, the error workbook, and the formatted export with its recap.

Reading uses python-calamine (fast, bounded work per row); everything that writes uses openpyxl.
"""
