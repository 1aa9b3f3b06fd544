"""The table of dnnd's commands, and the lazy mapping that builds a command only when it is asked for.

`dnnd --help` lists every command by name and summary, and every run looks up one command. typer builds a
click command by reading its function's signature and every option's annotation (0.65 ms a command), and
the functions live in modules that import their options: building all of them on each run cost more than
the rest of dnnd's start-up. The group's `commands` is therefore a `LazyCommands`: the names and summaries
are here, and a command's module is imported and its click command built on first use. A unit test holds
each summary equal to the first sentence of its command's help, in both languages.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from typer._click import Command

from dnnd.i18n import Text


class CommandEntry(NamedTuple):
    """One command: its name, the module of `dnnd.cli` and the function that run it, its summary."""

    name: str
    module: str
    function: str
    summary: Text


COMMANDS: tuple[CommandEntry, ...] = (
    CommandEntry(
        "validate",
        "status_commands",
        "validate",
        Text(
            "Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi.",
            "Check every file of the plan and list every problem.",
        ),
    ),
    CommandEntry(
        "status",
        "status_commands",
        "status",
        Text("Tình trạng các nhiệm vụ trong kỳ.", "The tasks' status in a period."),
    ),
    CommandEntry(
        "rollup",
        "status_commands",
        "rollup",
        Text("Tổng hợp toàn quốc từ kho kế hoạch của nhiều tỉnh.", "The national roll-up of many provinces' plans."),
    ),
    CommandEntry(
        "missing",
        "status_commands",
        "missing",
        Text(
            "Cơ quan nào chưa báo cáo nhiệm vụ nào trong kỳ, để đôn đốc.",
            "Who has not reported on which tasks, to urge them.",
        ),
    ),
    CommandEntry(
        "links",
        "status_commands",
        "links",
        Text(
            "Đường dẫn để cơ quan chưa báo cáo điền trên trình duyệt.",
            "Links for agencies yet to report, to fill in a browser.",
        ),
    ),
    CommandEntry(
        "stats",
        "status_commands",
        "stats",
        Text(
            "Thống kê hoạt động: đoàn vào, đoàn ra, sự kiện, viện trợ…",
            "Activity figures: delegations in and out, events, aid…",
        ),
    ),
    CommandEntry(
        "workbook",
        "status_commands",
        "workbook",
        Text(
            "Một tệp Excel của kỳ: tình trạng, cơ quan chưa báo cáo, số liệu, hoạt động, báo cáo đã gửi.",
            "One Excel workbook of the period: status, agencies missing, figures, activities, submissions.",
        ),
    ),
    CommandEntry(
        "site",
        "site_commands",
        "site",
        Text(
            "Trang web tĩnh cho lãnh đạo: tổng quan, diễn biến, cơ quan theo quý, trang từng nhiệm vụ và cơ quan.",
            "A static website for leaders: overview, trend, agencies by quarter, a page per task and per agency.",
        ),
    ),
    CommandEntry(
        "budget",
        "budget_commands",
        "budget",
        Text(
            "Kinh phí thực hiện Kế hoạch trong năm: dự toán, thẩm định, bố trí và thực hiện.",
            "The plan's funding in a year: estimates, appraisals, allocations and spending.",
        ),
    ),
    CommandEntry(
        "report",
        "document_commands",
        "report",
        Text("Báo cáo quý, 6 tháng hoặc năm ra tệp Word.", "The quarterly, half-year or annual report as a Word file."),
    ),
    CommandEntry(
        "draft",
        "document_commands",
        "draft",
        Text(
            "Soạn sẵn phần báo cáo do cơ quan đầu mối viết, để sửa.",
            "Draft the focal point's text of the report, to edit.",
        ),
    ),
    CommandEntry(
        "remind",
        "document_commands",
        "remind",
        Text(
            "Công văn đôn đốc các cơ quan chưa báo cáo.", "The reminder letter to the agencies that have not reported."
        ),
    ),
    CommandEntry(
        "new-update",
        "authoring_commands",
        "new_update",
        Text(
            "Tạo sẵn tệp báo cáo quý của một cơ quan để điền.", "Write an agency's quarterly update file, to fill in."
        ),
    ),
    CommandEntry(
        "new-budget",
        "budget_commands",
        "new_budget",
        Text(
            "Tạo sẵn tệp dự toán kinh phí năm của một cơ quan, mỗi nhiệm vụ một dòng, để điền.",
            "Write an agency's estimate for a year, with a line per task it holds, to fill in.",
        ),
    ),
    CommandEntry(
        "form",
        "authoring_commands",
        "form",
        Text(
            "Biểu mẫu Excel để cơ quan điền báo cáo quý rồi gửi.", "The Excel form an agency fills in and sends back."
        ),
    ),
    CommandEntry(
        "take",
        "authoring_commands",
        "take",
        Text(
            "Chuyển biểu mẫu Excel đã điền thành tệp báo cáo.",
            "Turn a filled-in Excel form into the agency's update file.",
        ),
    ),
    CommandEntry(
        "schema",
        "authoring_commands",
        "schema",
        Text("Ghi JSON Schema của các loại tệp vào schema/.", "Write the files' JSON Schemas into schema/."),
    ),
    CommandEntry(
        "codeowners",
        "authoring_commands",
        "codeowners",
        Text(
            "Ghi .github/CODEOWNERS từ reviewers của các cơ quan.",
            "Write .github/CODEOWNERS from the agencies' reviewers.",
        ),
    ),
    CommandEntry(
        "check-changes",
        "workflow_commands",
        "check_changes",
        Text("Kiểm tra một pull request trước khi gộp.", "Check a pull request before merging."),
    ),
    CommandEntry(
        "lock",
        "workflow_commands",
        "lock",
        Text("Khóa một kỳ đã ban hành báo cáo.", "Lock a period whose report was issued."),
    ),
    CommandEntry(
        "unlock",
        "workflow_commands",
        "unlock",
        Text("Mở khóa một kỳ (chỉ cơ quan đầu mối).", "Unlock a period (the focal point only)."),
    ),
    CommandEntry(
        "log",
        "workflow_commands",
        "log",
        Text("Lịch sử báo cáo trên nhánh chính.", "The updates' history on the main branch."),
    ),
    CommandEntry(
        "import",
        "authoring_commands",
        "import_",
        Text("Tạo kho kế hoạch từ văn bản quyết định.", "Make a plan repository from a decision document."),
    ),
    CommandEntry(
        "init",
        "authoring_commands",
        "init",
        Text("Tạo một kho kế hoạch trống để điền tay.", "Make an empty plan repository to fill in by hand."),
    ),
    CommandEntry("tasks", "plan_commands", "tasks", Text("Danh sách nhiệm vụ của kế hoạch.", "The plan's tasks.")),
    CommandEntry(
        "agencies",
        "plan_commands",
        "agencies",
        Text("Danh sách cơ quan, đơn vị hôm nay (--as-of: ngày đó).", "The agencies today (--as-of: on that day)."),
    ),
    CommandEntry(
        "show",
        "plan_commands",
        "show",
        Text(
            "Một nhiệm vụ đầy đủ, với mọi báo cáo về nó, mới nhất trước.",
            "One task in full, with every update on it, newest first.",
        ),
    ),
)
ENTRIES = {entry.name: entry for entry in COMMANDS}


def build(entry: CommandEntry) -> Command:
    """The click command typer makes of the entry's function, as `app.command(name)` would."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    from dnnd.cli.help_screens import DnndCommand

    callback = getattr(importlib.import_module(f"dnnd.cli.{entry.module}"), entry.function)
    info = CommandInfo(name=entry.name, cls=DnndCommand, callback=callback)
    return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)


class LazyCommands(Mapping[str, Command]):
    """A group's commands in the help's order, each built on first use and kept."""

    def __init__(self) -> None:
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        found = self._built.get(name)
        if found is None:
            found = self._built[name] = build(ENTRIES[name])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(ENTRIES)

    def __len__(self) -> int:
        return len(ENTRIES)

    def __contains__(self, name: object) -> bool:
        return name in ENTRIES

    def summary(self, name: str, lang: str) -> str:
        """A command's line in the list of commands, without building it."""
        return ENTRIES[name].summary.in_(lang)
