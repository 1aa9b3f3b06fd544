"""What lies under plan/updates/: agency folders, update file names, regular files; each broken case named."""

from __future__ import annotations

import os

import pytest

from tests.conftest import MakeRepo, RunCli
from tests.problem_helpers import only, problems

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"


VALID = """\
agency: lhhn
period: 2020-Q3
entries:
  - task: 5
    status: in_progress
    summary: Đã phối hợp hướng dẫn các hội hữu nghị.
  - task: 2
    status: not_started
    summary: Chờ Sở Ngoại vụ gửi dự thảo quy chế.
"""


REPORTING = "baokh, bdv, btg, congttdt, hdnd, ktv, lhhn, mttq, skhcn, sngv, snv, stc, stttt, svhtt, ubndhuyen, vpubnd"


@pytest.mark.parametrize(
    ("folder", "why"),
    [
        ("xyz", "không có cơ quan mã này"),
        ("lienquan", "cơ quan này không báo cáo"),
        ("bng", "cơ quan này không báo cáo"),
        ("bnv", "cơ quan này không báo cáo"),
        ("LHHN", "không có cơ quan mã này"),
    ],
)
def test_folder_must_be_a_reporting_agency(make_repo: MakeRepo, folder: str, why: str) -> None:
    message = only(make_repo({f"plan/updates/{folder}/2020-Q3.yaml": VALID.replace("lhhn", folder)}))
    assert message == (
        f"plan/updates/{folder}: thư mục '{folder}' không hợp lệ ({why}); "
        f"tên thư mục phải là mã một cơ quan báo cáo: {REPORTING}"
    )


@pytest.mark.parametrize(
    ("name", "right"),
    [
        ("2020-q3.yaml", "2020-Q3.yaml"),
        ("2020-Q3.yml", "2020-Q3.yaml"),
        ("2020-q3.yml", "2020-Q3.yaml"),
        ("2020_Q3.yaml", "2020-Q3.yaml"),
        ("2020 Q3.yaml", "2020-Q3.yaml"),
        ("2020Q3.yaml", "2020-Q3.yaml"),
        ("2020-Q3.YAML", "2020-Q3.yaml"),
        ("2020-Q5.yaml", None),
        ("bao-cao.yaml", None),
        ("2020-Q3.yaml.bak", None),
    ],
)
def test_misnamed_update_file(make_repo: MakeRepo, name: str, right: str | None) -> None:
    message = only(make_repo({f"plan/updates/lhhn/{name}": VALID}))
    if right is not None:
        assert message == f"plan/updates/lhhn/{name}: tên tệp không đúng: đổi tên thành {right}"
    else:
        assert message.startswith(f"plan/updates/lhhn/{name}: tệp không đúng chỗ: mỗi báo cáo quý là một tệp tên")


def test_full_width_digits_in_a_file_name_are_a_naming_problem(make_repo: MakeRepo) -> None:
    name = "２０２０-Q3.yaml"
    message = only(make_repo({f"plan/updates/lhhn/{name}": VALID}))
    assert message.startswith(f"plan/updates/lhhn/{name}: ")
    assert "period" not in message


@pytest.mark.parametrize("name", ["2020-Q3.yaml", "ghi-chu.txt"])
def test_stray_file_directly_under_updates(make_repo: MakeRepo, name: str) -> None:
    assert only(make_repo({f"plan/updates/{name}": VALID})) == (
        f"plan/updates/{name}: tệp không đúng chỗ: báo cáo phải nằm trong plan/updates/<mã cơ quan>/<năm>-Q<quý>.yaml"
    )


def test_gitkeep_is_allowed(make_repo: MakeRepo) -> None:
    assert problems(make_repo({"plan/updates/.gitkeep": "", "plan/updates/lhhn/.gitkeep": "", UPDATE: VALID})) == []


def test_path_problems_fail_validate(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli("validate", repo=make_repo({"plan/updates/lhhn/2020-q3.yaml": VALID}))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "plan/updates/lhhn/2020-q3.yaml: tên tệp không đúng: đổi tên thành 2020-Q3.yaml",
        "Có 1 lỗi trong 1 tệp. Sửa theo hướng dẫn ở từng dòng rồi chạy lại `dnnd validate`.",
    ]


def test_links_folders_and_pipes_named_like_updates_are_named_for_what_they_are(make_repo: MakeRepo) -> None:
    root = make_repo({UPDATE: VALID})
    folder = root / "plan/updates/lhhn"
    (folder / "2020-Q4.yaml").symlink_to("/dev/zero")
    (folder / "2021-Q1.yaml").mkdir()
    os.mkfifo(folder / "2021-Q2.yaml")
    found = problems(root)
    assert "plan/updates/lhhn/2020-Q4.yaml: đây là liên kết (symlink), không phải tệp" in found[0]
    assert "plan/updates/lhhn/2021-Q1.yaml: đây không phải tệp thường" in found[1]
    assert "plan/updates/lhhn/2021-Q2.yaml: đây không phải tệp thường" in found[2]


def test_a_huge_file_is_reported_with_its_real_size(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: "summary: " + "x" * 5_000_000 + "\n"}))
    assert "5,000,010 byte" in message
