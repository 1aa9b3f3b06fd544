"""What the commands show: consoles and raw output (`console`), the registry of output formats
(`formats/`, one module each: table, json, csv, xlsx), each command's result as a table, JSON document, CSV
rows and, for some, workbook sheets (`*_view`, `sheets`), the period's workbook (`workbook_view`), and the
messages of the commands that act. The only place besides `dnnd.cli` that imports rich.

May import: `dnnd.documents`, `dnnd.workflow`, `dnnd.authoring` and everything below them.
"""
