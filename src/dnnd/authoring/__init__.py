"""Writing repository files for people to fill in: a new plan repository (`new_repository`, or `importing`
from a decision), an agency's new update (`new_update`), its Excel form and the filled form taken back
(`forms/`), the editor JSON Schemas, and CODEOWNERS.

May import: `dnnd.evaluate` and everything below it; not `documents` or `workflow`.
"""
