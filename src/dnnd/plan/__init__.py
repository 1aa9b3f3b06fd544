"""The domain, pure: the pydantic models of every file, reporting periods and their windows, timing phrases
and schedules, working days, agency successions, the status vocabulary, and the Vietnamese writing of dates
and periods. No I/O.

May import: the base (`dnnd.errors`, `dnnd.i18n`).
"""
