"""JSON Schemas of every kind of file, from the pydantic models, with Vietnamese titles for editors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dnnd.files import write_atomic
from dnnd.plan.budget_models import AppraisalsFile, BudgetFile
from dnnd.plan.models import AgenciesFile, EventsFile, LocksFile, Plan, ReportText, TasksFile, Update

SCHEMA_DIR = "schema"
FILES: dict[str, tuple[type[BaseModel], str, str]] = {
    "update": (Update, "Báo cáo quý của một cơ quan", "plan/updates/<mã cơ quan>/<năm>-Q<quý>.yaml"),
    "plan": (Plan, "Kế hoạch và quyết định ban hành", "plan/plan.yaml"),
    "agencies": (AgenciesFile, "Danh sách cơ quan, đơn vị", "plan/agencies.yaml"),
    "tasks": (TasksFile, "Danh sách nhiệm vụ", "plan/tasks.yaml"),
    "events": (EventsFile, "Các sự kiện mà nhiệm vụ chờ đợi", "plan/events.yaml"),
    "locks": (LocksFile, "Các kỳ đã khóa", "plan/locks.yaml"),
    "report-text": (ReportText, "Phần báo cáo do cơ quan đầu mối viết", "plan/reports/<kỳ>.yaml"),
    "budget": (BudgetFile, "Dự toán kinh phí năm của một cơ quan", "plan/budgets/<mã cơ quan>/<năm>.yaml"),
    "appraisals": (AppraisalsFile, "Kết quả thẩm định dự toán của Sở Tài chính", "plan/budgets/appraisals/<năm>.yaml"),
}
MODEL_TITLES = {
    "Signer": "Người ký",
    "Decision": "Quyết định",
    "Duty": "Nhiệm vụ của cơ quan (Mục III)",
    "ReportSettings": "Thông tin lập báo cáo",
    "Reporting": "Quy định về kỳ báo cáo",
    "Agency": "Cơ quan, đơn vị",
    "ExplicitSchedule": "Lịch thực hiện",
    "Task": "Nhiệm vụ",
    "Event": "Sự kiện",
    "Reporter": "Người báo cáo",
    "IssuedDocument": "Văn bản đã ban hành",
    "Entry": "Kết quả một nhiệm vụ",
    "Lock": "Kỳ đã khóa",
    "Succession": "Cơ quan kế nhiệm",
    "ExchangeRate": "Tỷ giá quy đổi ra đồng Việt Nam",
    "Activity": "Hoạt động đối ngoại nhân dân",
    "Money": "Số tiền và loại tiền",
    "Assessment": "Đánh giá chung",
    "Forge": "Nền tảng git của kho",
    "BudgetLine": "Một dòng dự toán",
    "Appraisal": "Thẩm định một dòng dự toán",
}


def _title(description: str) -> str:
    """The head of a description: 'Ngày hoàn thành (YYYY-MM-DD); chỉ ghi …' -> 'Ngày hoàn thành'."""
    head = re.split(r"[;:.](?:\s|$)|, ví dụ", description, maxsplit=1)[0]
    return head.strip()


def _titled(node: Any) -> Any:
    if isinstance(node, dict):
        result = {key: _titled(value) for key, value in node.items()}
        if isinstance(result.get("description"), str):
            result["title"] = _title(result["description"])
        return result
    if isinstance(node, list):
        return [_titled(item) for item in node]
    return node


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    model, title, where = FILES[name]
    schema = _titled(model.model_json_schema())
    for definition_name, definition in schema.get("$defs", {}).items():
        definition["title"] = MODEL_TITLES.get(definition_name, definition.get("title", definition_name))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": title,
        "description": f"Tệp {where} của kho kế hoạch dnnd.",
    }


def schema_texts() -> dict[str, str]:
    """Relative path -> content of every schema file, as committed."""
    return {
        f"{SCHEMA_DIR}/{name}.schema.json": json.dumps(schema_of(name), ensure_ascii=False, indent=2) + "\n"
        for name in FILES
    }


def write_schemas(root: Path) -> list[Path]:
    written = []
    for rel, text in schema_texts().items():
        path = root / rel
        if os.path.islink(path) or not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text.encode("utf-8"), root=root)
        written.append(path)
    return written
