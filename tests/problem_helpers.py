"""Problems as the CLI prints them, for tests of validation rules."""

from __future__ import annotations

from pathlib import Path

from dnnd.errors import DataError
from dnnd.repository import load_repository


def problems(root: Path, lang: str = "vi") -> list[str]:
    """Every problem load_repository finds, as the CLI prints them."""
    try:
        found = load_repository(root).update_problems
    except DataError as exc:
        found = exc.problems
    return [problem.render(lang) for problem in found]


def only(root: Path, lang: str = "vi") -> str:
    found = problems(root, lang)
    assert len(found) == 1, found
    return found[0]
