"""Reading a plan repository's files, and nothing else: where files are (`layout`), YAML (`yamlio`, the
only module that reads or writes it), the fast path, validation messages, the plan files' models, update
records and files (parsed in forked workers), the update summary, what git says, LibreOffice.

No cache here: `dnnd.cache` reads through this layer. May import: `dnnd.plan` and the base.
"""
