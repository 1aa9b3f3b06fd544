"""Every rule that relates the plan's files to each other, one module per family, each check registered
in `registry` by a decorator naming the files it needs. Reading errors (encoding, YAML, schema) are
`dnnd.load`'s; everything after is here.

May import: `dnnd.cache`, `dnnd.load`, `dnnd.plan` and the base.
"""
