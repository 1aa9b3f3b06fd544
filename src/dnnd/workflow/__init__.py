"""The pull-request workflow around git: checking a pull request (`pull_requests`), locking issued periods
(`locks`), and when each update reached the main branch (`history`).

May import: `dnnd.evaluate` and everything below it; not `documents` or `authoring`.
"""
