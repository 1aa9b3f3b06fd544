"""Checks of plan/agencies.yaml: each agency has an id of its own."""

from __future__ import annotations

from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only


def plan_text(name: str) -> str:
    return (EMBEDDED_PLAN / name).read_text(encoding="utf-8")


def line_of(text: str, line: str) -> int:
    """1-based number of the line that reads exactly `line`."""
    return text.splitlines().index(line) + 1


def test_duplicate_agency_id(make_repo: MakeRepo) -> None:
    text = plan_text("agencies.yaml")
    count = text.count("\n  - id: ")
    extra = "  - id: sngv\n    name: Sở Ngoại vụ (lần hai)\n    short_name: SNgV2\n    kind: department\n"
    message = only(make_repo({"plan/agencies.yaml": text + extra}))
    first, here = line_of(text, "  - id: sngv"), len(text.splitlines()) + 1
    assert message == (
        f"plan/agencies.yaml:{here}:9: agencies[{count}].id: mã 'sngv' đã dùng cho cơ quan khác (dòng {first}); "
        "mỗi cơ quan cần một mã riêng"
    )
