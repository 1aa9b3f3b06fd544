"""The command line: the typer app and its global options (`app`), the options commands share and their
parsing into typed values (`options`), one module per group of commands, and the one place that turns
errors into messages and exit codes (`error_handling`). The only place that imports typer.

May import: everything.
"""
