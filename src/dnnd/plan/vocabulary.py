"""Vietnamese and English labels of the codes used in data and results (shared by tables and reports)."""

from __future__ import annotations

from collections.abc import Mapping

from dnnd.i18n import Text

TASK_STATUS_LABELS = {
    "done_on_time": Text("Đã hoàn thành đúng hạn", "Done on time"),
    "done_late": Text("Đã hoàn thành quá hạn", "Done late"),
    "done": Text("Đã hoàn thành", "Done (no deadline)"),
    "in_progress": Text("Đang thực hiện trong hạn", "In progress, within deadline"),
    "overdue": Text("Quá hạn chưa hoàn thành", "Overdue, not done"),
    "ongoing": Text("Thường xuyên", "Ongoing"),
    "waiting": Text("Chờ điều kiện", "Waiting"),
}
ENTRY_STATUS_LABELS = {
    "not_started": Text("Chưa bắt đầu", "Not started"),
    "in_progress": Text("Đang thực hiện", "In progress"),
    "done": Text("Đã hoàn thành", "Done"),
    "blocked": Text("Gặp vướng mắc", "Blocked"),
}
KIND_LABELS = {
    "department": Text("Sở, ngành", "Department"),
    "party": Text("Ban của Tỉnh ủy", "Party committee board"),
    "front": Text("Mặt trận", "Fatherland Front"),
    "association": Text("Tổ chức hội", "Association"),
    "press": Text("Báo chí", "Press"),
    "office": Text("Văn phòng", "Office"),
    "council": Text("Hội đồng nhân dân", "People's Council"),
    "local": Text("Chính quyền địa phương", "Local government"),
    "group": Text("Nhóm chung (không báo cáo)", "Group (does not report)"),
    "external": Text("Cơ quan ngoài tỉnh (không báo cáo)", "External body (does not report)"),
}


def summary_line(counts: Mapping[str, int]) -> Text:
    """Counts per category grouped as the government's statistics give them (QĐ 42/2014/QĐ-TTg)."""
    done = counts["done_on_time"] + counts["done_late"] + counts["done"]
    not_done = counts["in_progress"] + counts["overdue"]
    total = sum(counts.values())
    return Text(
        f"Tổng số {total} nhiệm vụ: đã hoàn thành {done} (đúng hạn {counts['done_on_time']}, quá hạn "
        f"{counts['done_late']}, không có hạn {counts['done']}); chưa hoàn thành {not_done} (trong hạn "
        f"{counts['in_progress']}, quá hạn {counts['overdue']}); thường xuyên {counts['ongoing']}; "
        f"chờ điều kiện {counts['waiting']}.",
        f"{total} tasks: done {done} (on time {counts['done_on_time']}, late {counts['done_late']}, without "
        f"deadline {counts['done']}); not done {not_done} (within deadline {counts['in_progress']}, overdue "
        f"{counts['overdue']}); ongoing {counts['ongoing']}; waiting {counts['waiting']}.",
    )
