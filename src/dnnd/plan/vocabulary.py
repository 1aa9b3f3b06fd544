"""The codes used in data and results, with their Vietnamese and English labels and their table styles.

The one place that owns the status vocabulary: the task statuses of the government's task tracking
(QĐ 42/2014/QĐ-TTg), the statuses an agency writes in its update, the kinds of agency, and the kinds of
people-to-people diplomacy activity with the kinds of aid. Adding a task
status means adding it here (its code, labels and style) and deciding it in `evaluate.task_status`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dnnd.i18n import Text


@dataclass(frozen=True)
class TaskStatus:
    """A task status: its code, its label in reports and tables, its short label (the roll-up's column
    heading), the style tables draw it in, the colour of its bars in charts, and whether the task is done."""

    code: str
    label: Text
    short: Text
    style: str
    colour: str
    done: bool = False


TASK_STATUSES: tuple[TaskStatus, ...] = (
    TaskStatus(
        "done_on_time",
        Text("Đã hoàn thành đúng hạn", "Done on time"),
        Text("Xong đúng hạn", "Done on time"),
        "green",
        "#2e7d32",
        done=True,
    ),
    TaskStatus(
        "done_late",
        Text("Đã hoàn thành quá hạn", "Done late"),
        Text("Xong quá hạn", "Done late"),
        "green",
        "#9ccc65",
        done=True,
    ),
    TaskStatus(
        "done",
        Text("Đã hoàn thành", "Done (no deadline)"),
        Text("Xong (không hạn)", "Done (no deadline)"),
        "green",
        "#66bb6a",
        done=True,
    ),
    TaskStatus(
        "in_progress",
        Text("Đang thực hiện trong hạn", "In progress, within deadline"),
        Text("Đang làm trong hạn", "In progress"),
        "yellow",
        "#f9a825",
    ),
    TaskStatus(
        "overdue",
        Text("Quá hạn chưa hoàn thành", "Overdue, not done"),
        Text("Quá hạn chưa xong", "Overdue"),
        "bold red",
        "#c62828",
    ),
    TaskStatus("ongoing", Text("Thường xuyên", "Ongoing"), Text("Thường xuyên", "Ongoing"), "cyan", "#0277bd"),
    TaskStatus("waiting", Text("Chờ điều kiện", "Waiting"), Text("Chờ điều kiện", "Waiting"), "dim", "#9e9e9e"),
)
STATUS_CODES: tuple[str, ...] = tuple(status.code for status in TASK_STATUSES)
DONE_CODES = frozenset(status.code for status in TASK_STATUSES if status.done)
TASK_STATUS_LABELS = {status.code: status.label for status in TASK_STATUSES}
STATUS_SHORT_LABELS = {status.code: status.short for status in TASK_STATUSES}
STATUS_STYLES = {status.code: status.style for status in TASK_STATUSES}
STATUS_COLOURS = {status.code: status.colour for status in TASK_STATUSES}


@dataclass(frozen=True)
class ReportingState:
    """How an agency stands in a quarter's reporting: its code, its label, the mark a table cell shows (read
    without colour, as when printed) and the cell's colour."""

    code: str
    label: Text
    mark: str
    colour: str


REPORTING_STATES: tuple[ReportingState, ...] = (
    ReportingState("on_time", Text("Báo cáo đúng hạn", "Reported on time"), "✓", "#2e7d32"),
    ReportingState("late", Text("Báo cáo muộn", "Reported late"), "!", "#f9a825"),
    ReportingState("submitted", Text("Đã báo cáo (không rõ ngày nộp)", "Reported (day unknown)"), "✓", "#66bb6a"),
    ReportingState("missing", Text("Chưa báo cáo", "Not reported"), "✗", "#c62828"),
    ReportingState("pending", Text("Chưa đến hạn", "Not yet due"), "…", "#e3e7eb"),
    ReportingState("none", Text("Không phải báo cáo", "Nothing to report"), "", "#ffffff"),
)
REPORTING_STATE_BY_CODE = {state.code: state for state in REPORTING_STATES}

ENTRY_STATUS_LABELS = {
    "not_started": Text("Chưa bắt đầu", "Not started"),
    "in_progress": Text("Đang thực hiện", "In progress"),
    "done": Text("Đã hoàn thành", "Done"),
    "blocked": Text("Gặp vướng mắc", "Blocked"),
}
ENTRY_STATUSES: tuple[str, ...] = tuple(ENTRY_STATUS_LABELS)
# what clerks write for an entry status besides its code and labels: each names the code it means
ENTRY_STATUS_WORDS = {"xong": "done", "đã xong": "done", "hoàn thành": "done", "chưa làm": "not_started"}

_FOLDED = str.maketrans({"đ": "d", "Đ": "d", "_": " ", "-": " "})


def folded(text: str) -> str:
    """`text` as a word of the vocabulary is compared: without case, diacritics ('đ' as 'd'), '_' or '-', and
    with single spaces ('Đã  Hoàn-thành' and 'da hoan thanh' are the same)."""
    import unicodedata  # only when a word is looked up: start-up is measured

    letters = unicodedata.normalize("NFD", text.translate(_FOLDED).casefold())
    return " ".join("".join(char for char in letters if not unicodedata.combining(char)).split())


def code_named(word: str, labels: Mapping[str, Text], words: Mapping[str, str] | None = None) -> str | None:
    """The code of `labels` that `word` names: the code itself, its Vietnamese or English label, or one of
    `words` (word → code), compared `folded`; None when it names none."""
    wanted = folded(word)
    for code, label in labels.items():
        if wanted in (folded(code), folded(label.vi), folded(label.en)):
            return code
    for other, code in (words or {}).items():
        if wanted == folded(other) and code in labels:
            return code
    return None


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
AGENCY_KINDS: tuple[str, ...] = tuple(KIND_LABELS)
NON_REPORTING_KINDS = frozenset({"group", "external"})


def empty_counts() -> dict[str, int]:
    """A count of zero for every task status, in the vocabulary's order."""
    return dict.fromkeys(STATUS_CODES, 0)


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


@dataclass(frozen=True)
class ActivityKind:
    """A kind of people-to-people diplomacy activity: its code (in update files), its label in tables, the
    word a count of it takes in the report ('3 đoàn', '2 khoản'), what a count of it is called ('2 khoản viện
    trợ'), and what a writer is told it means."""

    code: str
    label: Text
    unit: str
    counted: str
    description: str


ACTIVITY_KIND_LIST: tuple[ActivityKind, ...] = (
    ActivityKind(
        "delegation_in",
        Text("Đoàn vào", "Incoming delegations"),
        "đoàn",
        "đoàn vào",
        "Đoàn vào: đón tiếp đoàn khách nước ngoài đến làm việc tại tỉnh.",
    ),
    ActivityKind(
        "delegation_out",
        Text("Đoàn ra", "Outgoing delegations"),
        "đoàn",
        "đoàn ra",
        "Đoàn ra: cử đoàn của tỉnh đi công tác nước ngoài.",
    ),
    ActivityKind(
        "event",
        Text("Hội nghị, sự kiện", "Conferences, events"),
        "hội nghị, sự kiện",
        "hội nghị, sự kiện",
        "Hội nghị, hội thảo, giao lưu, sự kiện có yếu tố nước ngoài.",
    ),
    ActivityKind(
        "aid",
        Text("Viện trợ PCPNN", "Foreign NGO aid"),
        "khoản",
        "khoản viện trợ",
        "Viện trợ phi chính phủ nước ngoài: chương trình, dự án, phi dự án, cứu trợ khẩn cấp.",
    ),
    ActivityKind(
        "agreement",
        Text("Thỏa thuận quốc tế", "International agreements"),
        "thỏa thuận",
        "thỏa thuận quốc tế",
        "Thỏa thuận quốc tế được ký kết (biên bản ghi nhớ, thỏa thuận hợp tác).",
    ),
    ActivityKind(
        "training",
        Text("Tập huấn", "Training"),
        "lớp",
        "lớp tập huấn",
        "Lớp tập huấn, bồi dưỡng nghiệp vụ đối ngoại nhân dân.",
    ),
    ActivityKind(
        "media",
        Text("Tuyên truyền", "Media, outreach"),
        "hoạt động",
        "hoạt động tuyên truyền",
        "Tuyên truyền, thông tin đối ngoại: tin, bài, phóng sự, bài đăng (số lượng ở count).",
    ),
    ActivityKind("other", Text("Khác", "Other"), "hoạt động", "hoạt động khác", "Hoạt động khác (ghi rõ ở note)."),
)
ACTIVITY_KINDS: tuple[str, ...] = tuple(kind.code for kind in ACTIVITY_KIND_LIST)
ACTIVITY_KIND_BY_CODE = {kind.code: kind for kind in ACTIVITY_KIND_LIST}

AID_TYPE_LABELS = {
    "project": Text("Dự án", "Project"),
    "non_project": Text("Phi dự án", "Non-project"),
    "emergency": Text("Cứu trợ khẩn cấp", "Emergency relief"),
}
AID_TYPES: tuple[str, ...] = tuple(AID_TYPE_LABELS)
# what each kind must name: the foreign side's countries and name (the rules of the activities: format)
BUDGET_SOURCE_LABELS = {
    "ngan_sach_tinh": Text("Ngân sách tỉnh", "Provincial budget"),
    "ngan_sach_trung_uong": Text("Ngân sách trung ương", "Central budget"),
    "vien_tro": Text("Viện trợ", "Aid"),
    "xa_hoi_hoa": Text("Xã hội hóa", "Private contributions"),
    "khac": Text("Nguồn khác", "Other sources"),
}
BUDGET_SOURCES: tuple[str, ...] = tuple(BUDGET_SOURCE_LABELS)
NEEDS_COUNTRIES = frozenset({"delegation_in", "delegation_out", "agreement", "aid"})
NEEDS_PARTNER = NEEDS_COUNTRIES
