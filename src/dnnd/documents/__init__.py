"""The Word documents: the content of the report and of the reminder letter, their rendering from the
templates (docxtpl, in `word`), and the PDF made with LibreOffice.

May import: `dnnd.evaluate` and everything below it; not `workflow` or `authoring`.
"""
