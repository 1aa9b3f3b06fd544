"""The form's *Hướng dẫn* sheet: one line per row, naming the agency, the data window, the sheets and the lists."""

from __future__ import annotations

import shutil

import pytest

from dnnd.authoring.forms import layout
from dnnd.authoring.forms.guide import guide_lines
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN


def quarter(name: str) -> Period:
    period = parse_period(name, "quarter")
    assert period is not None
    return period


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    root = tmp_path_factory.mktemp("guide")
    shutil.copytree(EMBEDDED_PLAN, root / "plan", ignore=shutil.ignore_patterns("updates"))
    return load_repository(root, use_cache=False)


def test_the_title_and_second_line_name_the_quarter_the_agency_and_its_window(repo: Repository) -> None:
    lines = guide_lines(repo, "lhhn", quarter("2020-Q4"))
    assert lines[0] == "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO QUÝ IV NĂM 2020"
    assert lines[1] == (
        "Cơ quan báo cáo: Liên hiệp các tổ chức hữu nghị tỉnh. Số liệu tính từ ngày 15/09/2020 đến ngày 14/12/2020."
    )


def test_another_agency_and_quarter_change_the_first_lines_only(repo: Repository) -> None:
    lhhn = guide_lines(repo, "lhhn", quarter("2020-Q4"))
    svhtt = guide_lines(repo, "svhtt", quarter("2025-Q2"))
    assert (
        svhtt[1]
        == "Cơ quan báo cáo: Sở Văn hóa, Thể thao và Du lịch. Số liệu tính từ ngày 15/03/2025 đến ngày 14/06/2025."
    )
    assert svhtt[0].endswith("QUÝ II NĂM 2025")
    assert lhhn[2:] == svhtt[2:]


def test_each_sheet_to_fill_is_named_with_its_lists(repo: Repository) -> None:
    text = "\n".join(guide_lines(repo, "lhhn", quarter("2020-Q4")))
    for sheet in (layout.TASKS_SHEET, layout.DOCUMENTS_SHEET, layout.ACTIVITIES_SHEET):
        assert f"Sheet '{sheet}'" in text
    assert "(Chưa bắt đầu, Đang thực hiện, Đã hoàn thành, Gặp vướng mắc)" in text
    assert ", ".join(layout.KIND_LABELS.values()) in text
    assert "Alt+Enter" in text and "05/10/2020" in text


def test_the_last_lines_say_to_save_as_xlsx_and_send_to_the_focal_point(repo: Repository) -> None:
    lines = guide_lines(repo, "lhhn", quarter("2020-Q4"))
    sending = next(line for line in lines if line.startswith("6. "))
    assert "(.xlsx)" in sending and "Sở Ngoại vụ" in sending and ".ods" in sending
    assert "dnnd take" in lines[-1] and "Nhiệm vụ!E7" in lines[-1]
    assert all("\n" not in line for line in lines)
