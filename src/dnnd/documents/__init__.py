"""The Word documents: the content of the report (with the focal point's own text, `report_text`, drafted by
`dnnd draft`, `report_draft`, and the agencies' texts of Phụ lục III, `agency_texts`) and of the reminder
letter, what stands before signing (`readiness`), their rendering from the templates (docxtpl, in `word`),
and the PDF made with LibreOffice.

May import: `dnnd.evaluate` and everything below it; not `workflow` or `authoring`.
"""
