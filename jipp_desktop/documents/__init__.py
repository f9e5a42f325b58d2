"""PDF documents: commitment letters and reports, made with reportlab (no Qt).

Every document is deterministic: the same input gives the same bytes (reportlab's invariant mode,
a creation date taken from the content, no random ids), so documents can be compared and tested.
"""
