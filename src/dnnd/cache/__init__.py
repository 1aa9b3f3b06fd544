"""The caches under the repository's git directory: the per-file record cache, the snapshot of a whole
loaded repository, `dnnd validate`'s recorded verdict, and the keys that tie each to the exact state of
the code and the files.

May import: `dnnd.load`, `dnnd.plan` and the base.
"""
