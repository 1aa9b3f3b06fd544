"""What the commands show: consoles and raw output (`console`), the registry of output formats
(`formats/`, one module each), each command's result as a table, JSON document and CSV rows (`*_view`),
and the messages of the commands that act. The only place besides `dnnd.cli` that imports rich.

May import: `dnnd.documents`, `dnnd.workflow`, `dnnd.authoring` and everything below them.
"""
