"""`dnnd init`: a new plan repository to fill in by hand; the files every plan repository carries."""

from __future__ import annotations

import os
from pathlib import Path

from dnnd.authoring.ci_workflow import PATH as WORKFLOW
from dnnd.authoring.ci_workflow import workflow_text
from dnnd.authoring.codeowners import CODEOWNERS, codeowners_text
from dnnd.authoring.json_schemas import write_schemas
from dnnd.authoring.pages_workflow import PATH as PAGES_WORKFLOW
from dnnd.authoring.pages_workflow import pages_workflow_text
from dnnd.errors import DataError, UsageError
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import PLAN_FILE
from dnnd.repository import load_repository

PLAN_TEXT = """\
# Kế hoạch mới: điền theo quyết định ban hành kế hoạch, rồi chạy `dnnd validate`.
id: ke-hoach-moi
title: Kế hoạch (điền tên kế hoạch như trong quyết định)
province: (điền tên tỉnh, thành phố, ví dụ Khánh Hòa)
decision:
  number: (điền số và ký hiệu, ví dụ 123/QĐ-UBND)
  date: {today}             # ngày ký quyết định (YYYY-MM-DD): hãy sửa
  issuer: (điền cơ quan ban hành, ví dụ Ủy ban nhân dân tỉnh …)
  title: (điền trích yếu của quyết định)
  signer:
    authority: TM. ỦY BAN NHÂN DÂN
    title: Chủ tịch
    name:                   # họ tên người ký
  legal_bases: []           # các căn cứ, mỗi căn cứ một mục
focal_point: sngv           # cơ quan đầu mối (mã trong plan/agencies.yaml)
purposes: []
requirements: []
duties: []
report:
  parent_agency: (điền, ví dụ UBND TỈNH …)
  issuing_agency: SỞ NGOẠI VỤ
  abbreviation: SNgV
  place: (điền địa danh)
  addressee: (điền, ví dụ Ủy ban nhân dân tỉnh …)
"""
AGENCIES_TEXT = """\
# Các cơ quan mà kế hoạch nêu tên: mã (id) cố định, tên đầy đủ, tên viết tắt, loại.
agencies:
  - id: sngv
    name: Sở Ngoại vụ
    short_name: SNgV
    kind: department
"""
TASKS_TEXT = """\
# Các nhiệm vụ: id (STT), title, lead, support (mã cơ quan), timing (nguyên văn quyết định).
tasks: []
"""
EVENTS_TEXT = """\
# Các sự kiện mà nhiệm vụ chờ đợi, ví dụ hướng dẫn của Bộ (id, name, issuer, occurred_on).
events: []
"""


GITIGNORE = """\
# Trang web do `dnnd site` dựng (xuất bản bằng .github/workflows/pages.yml, không commit).
/site/
"""


def add_repository_files(root: Path, source: str | None = None) -> list[Path]:
    """Editor schemas, the CI and Pages workflows, CODEOWNERS and a .gitignore for the built site of a plan
    repository (existing files are kept); the workflows install dnnd from `source` (see `ci_workflow`)."""
    written = write_schemas(root)
    try:
        repo = load_repository(root)
    except DataError:
        repo = None
    files = {
        WORKFLOW: workflow_text(source),
        PAGES_WORKFLOW: pages_workflow_text(source),
        CODEOWNERS: codeowners_text(repo) if repo else None,
        ".gitignore": GITIGNORE,
    }
    for rel, text in files.items():
        path = root / rel
        if text is None or os.path.lexists(path):
            continue
        written.append(write_atomic(path, text.encode("utf-8"), root=root))
    return written


def make_folder(root: Path) -> None:
    """The folder of a new repository (the user names it), made if needed; a usage error if it cannot be."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            Text(
                f"không tạo được thư mục '{root}': {error.strerror}",
                f"cannot make the folder '{root}': {error.strerror}",
            )
        ) from None


def init_repository(root: Path, today: str, source: str | None = None) -> list[Path]:
    """A plan repository that validates, with comments saying what to fill in; its CI workflow installs dnnd
    from `source`."""
    if (root / PLAN_FILE).exists() or ((root / "plan").is_dir() and any((root / "plan").iterdir())):
        raise UsageError(
            Text(
                f"{root / 'plan'} đã có: dnnd init không ghi đè kế hoạch nào",
                f"{root / 'plan'} already exists: dnnd init never overwrites a plan",
            )
        )
    if root.exists() and not root.is_dir():
        raise UsageError(
            Text(
                f"'{root}' là một tệp, không phải thư mục: chọn một thư mục (mới hoặc trống) cho kho kế hoạch",
                f"'{root}' is a file, not a folder: choose a folder (new or empty) for the plan repository",
            )
        )
    make_folder(root)
    files = {
        "plan/plan.yaml": PLAN_TEXT.format(today=today),
        "plan/agencies.yaml": AGENCIES_TEXT,
        "plan/tasks.yaml": TASKS_TEXT,
        "plan/events.yaml": EVENTS_TEXT,
        "plan/updates/.gitkeep": "",
    }
    written = []
    for rel, text in files.items():
        written.append(write_atomic(root / rel, text.encode("utf-8"), root=root))
    return written + add_repository_files(root, source)
