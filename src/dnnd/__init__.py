"""dnnd: run a multi-agency plan (people-to-people diplomacy) out of a git repository."""

__version__ = "0.1.0"
