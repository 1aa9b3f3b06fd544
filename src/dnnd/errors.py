"""The one error hierarchy: every failure a user can cause is a DnndError with a message for them."""

from __future__ import annotations

from dataclasses import dataclass

from dnnd.i18n import Text

_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` on one line, every control, format or separator character shown as an escape (\\n, \\u202e):
    data from a file can never start a line of its own in dnnd's output, nor hide or reorder what follows."""
    if text.isprintable():
        return text
    import unicodedata  # only for text that is not all printable: rare, and start-up is measured

    return "".join(
        _SHOWN.get(char) or (f"\\u{ord(char):04x}" if unicodedata.category(char) in _HIDDEN else char) for char in text
    )


_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the user's data, with where it is."""

    path: str
    line: int | None
    column: int | None
    field: str
    message: Text

    def render(self, lang: str) -> str:
        """`file:line:column: field: message`, on one line whatever the data holds."""
        where = visible(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(visible(field_in(self.field, lang)))
        parts.append(visible(self.message.in_(lang)))
        return ": ".join(parts)


_TASK_PREFIX = "nhiệm vụ "


def field_in(field: str, lang: str) -> str:
    """A problem's field as the reader's language names it: 'nhiệm vụ 14 (entries[9]).status', which names an
    entry by its task (`load.validation.field_path`), reads 'task 14 (entries[9]).status' in English."""
    if lang == "en" and field.startswith(_TASK_PREFIX):
        return "task " + field.removeprefix(_TASK_PREFIX)
    return field


def whole_file(rel: str, message: Text) -> Problem:
    """A problem with a file (or folder) as a whole, not with a line of it."""
    return Problem(rel, None, None, "", message)


class DnndError(Exception):
    """Base of every error the user can fix; `exit_code` 1 for data, 2 for usage."""

    exit_code = 1

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


class UsageError(DnndError):
    """The command was called wrongly (bad option, no plan repository found)."""

    exit_code = 2


class DataError(DnndError):
    """The plan repository holds data that does not validate; carries every problem found."""

    def __init__(self, problems: list[Problem], message: Text | None = None, *, rerun: str = "dnnd validate") -> None:
        super().__init__(message or Text("Dữ liệu kế hoạch có lỗi.", "The plan data has errors."))
        self.problems = sorted(problems, key=_place)
        self.rerun = rerun  # the command to run again once they are fixed


def _place(problem: Problem) -> tuple[str, int, int, str, Text]:
    """Problems in file order; one about a whole file first (no line or column to compare with None)."""
    return problem.path, problem.line or 0, problem.column or 0, problem.field, problem.message
