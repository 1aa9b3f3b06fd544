"""Cross-file rules: ids that must exist, agree with the paths, and be unique; each with a broken fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
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
LHHN_TASKS = "2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15"
ALL_TASKS = ", ".join(str(number) for number in range(1, 16))
REPORTING = "baokh, bdv, btg, congttdt, hdnd, ktv, lhhn, mttq, skhcn, sngv, snv, stc, stttt, svhtt, ubndhuyen, vpubnd"


def plan_text(name: str) -> str:
    return (EMBEDDED_PLAN / name).read_text(encoding="utf-8")


def line_of(text: str, line: str) -> int:
    """1-based number of the line that reads exactly `line`."""
    return text.splitlines().index(line) + 1


def with_task(make_repo: MakeRepo, task: str) -> tuple[Path, int]:
    """A repository whose tasks.yaml ends with `task`, and the line number where `task` starts."""
    text = plan_text("tasks.yaml")
    return make_repo({"plan/tasks.yaml": text + task}), len(text.splitlines()) + 1


def test_valid_update_has_no_problems(make_repo: MakeRepo) -> None:
    assert problems(make_repo({UPDATE: VALID})) == []


# ----- plan files -------------------------------------------------------------------------------


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


def test_duplicate_task_id(make_repo: MakeRepo) -> None:
    root, here = with_task(
        make_repo, "  - id: 3\n    title: Nhiệm vụ thêm\n    lead: [sngv]\n    timing: Thường xuyên\n"
    )
    first = line_of(plan_text("tasks.yaml"), "  - id: 3")
    assert only(root) == (
        f"plan/tasks.yaml:{here}:9: tasks[15].id: nhiệm vụ số 3 đã có (dòng {first}); "
        "mỗi nhiệm vụ cần một số thứ tự riêng"
    )


@pytest.mark.parametrize(
    ("lead", "support", "where", "message"),
    [
        (
            "[xyz]",
            "[]",
            "2:12: tasks[15].lead[0]",
            "không có cơ quan mã 'xyz' trong plan/agencies.yaml; các mã hiện có: ",
        ),
        ("[sngv]", "[snv, sbv]", "3:20: tasks[15].support[1]", "không có cơ quan mã 'sbv' trong plan/agencies.yaml"),
        ("[sngv]", "[snv, sngv]", "3:20: tasks[15].support[1]", "cơ quan 'sngv' được ghi hai lần trong nhiệm vụ 16"),
        ("[sngv, sngv]", "[]", "2:18: tasks[15].lead[1]", "cơ quan 'sngv' được ghi hai lần trong nhiệm vụ 16: chỉ ghi"),
        ("[lhhn]", "[snv, snv]", "3:20: tasks[15].support[1]", "cơ quan 'snv' được ghi hai lần trong nhiệm vụ 16"),
    ],
    ids=["unknown-lead", "unknown-support", "lead-also-support", "lead-twice", "support-twice"],
)
def test_task_agencies(make_repo: MakeRepo, lead: str, support: str, where: str, message: str) -> None:
    task = f"  - id: 16\n    lead: {lead}\n    support: {support}\n    title: Nhiệm vụ thêm\n    timing: Thường xuyên\n"
    root, start = with_task(make_repo, task)
    line, rest = where.split(":", 1)
    found = only(root)
    assert found.startswith(f"plan/tasks.yaml:{start + int(line) - 1}:{rest}: {message}")


def test_unknown_agency_lists_the_known_ids(make_repo: MakeRepo) -> None:
    root, _ = with_task(make_repo, "  - id: 16\n    lead: [xyz]\n    title: Thêm\n    timing: Thường xuyên\n")
    known = only(root).split("các mã hiện có: ")[1].split(", ")
    assert known == sorted(known)
    assert {"sngv", "lhhn", "lienquan", "bng"} <= set(known)


@pytest.mark.parametrize("value", ["abc", "lienquan", "bng"], ids=["unknown", "group", "external"])
def test_focal_point_must_be_a_reporting_agency(make_repo: MakeRepo, value: str) -> None:
    text = plan_text("plan.yaml")
    line = line_of(text, "focal_point: sngv")
    message = only(make_repo({"plan/plan.yaml": text.replace("focal_point: sngv\n", f"focal_point: {value}\n")}))
    assert message == (
        f"plan/plan.yaml:{line}:14: focal_point: cơ quan đầu mối '{value}' phải là một cơ quan có báo cáo "
        "trong plan/agencies.yaml"
    )


# ----- an update and its path -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "agency: lhhn",
            "agency: sngv",
            f"{UPDATE}:1:9: agency: tệp nằm trong thư mục 'lhhn' nên phải ghi 'agency: lhhn' (đang ghi 'sngv')",
        ),
        (
            "agency: lhhn",
            "agency: xyz",
            f"{UPDATE}:1:9: agency: tệp nằm trong thư mục 'lhhn' nên phải ghi 'agency: lhhn' (đang ghi 'xyz')",
        ),
        (
            "period: 2020-Q3",
            "period: 2020-Q4",
            f"{UPDATE}:2:9: period: tên tệp là 2020-Q3.yaml nên phải ghi 'period: 2020-Q3' (đang ghi '2020-Q4')",
        ),
        (
            "  - task: 5",
            "  - task: 99",
            f"{UPDATE}:4:11: entries[0].task: không có nhiệm vụ số 99; kế hoạch có các nhiệm vụ {ALL_TASKS}",
        ),
        (
            "  - task: 5",
            "  - task: 8",
            f"{UPDATE}:4:11: entries[0].task: 'lhhn' không chủ trì hay phối hợp nhiệm vụ 8; "
            f"chỉ báo cáo các nhiệm vụ: {LHHN_TASKS}",
        ),
        (
            "  - task: 2",
            "  - task: 5",
            f"{UPDATE}:7:11: entries[1].task: nhiệm vụ 5 đã được báo cáo ở dòng 4; gộp hai mục làm một",
        ),
    ],
    ids=["agency-other", "agency-unknown", "period", "unknown-task", "not-held", "twice"],
)
def test_update_rule(make_repo: MakeRepo, old: str, new: str, expected: str) -> None:
    assert VALID.count(old) == 1
    assert only(make_repo({UPDATE: VALID.replace(old, new)})) == expected


@pytest.mark.parametrize("task", [1, 8])
def test_tasks_the_agency_does_not_hold(make_repo: MakeRepo, task: int) -> None:
    message = only(make_repo({UPDATE: VALID.replace("  - task: 5", f"  - task: {task}")}))
    assert message.startswith(f"{UPDATE}:4:11: entries[0].task: 'lhhn' không chủ trì hay phối hợp nhiệm vụ {task};")


def test_update_rule_in_english(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: VALID.replace("  - task: 2", "  - task: 5")}), lang="en")
    assert message == f"{UPDATE}:7:11: entries[1].task: task 5 is already reported on line 4; merge the two entries"


def test_a_bad_update_leaves_the_others_in(make_repo: MakeRepo) -> None:
    other = "plan/updates/lhhn/2020-Q4.yaml"
    repo = load_repository(make_repo({UPDATE: VALID, other: VALID.replace("2020-Q3", "2020-Q3x")}))
    assert [update.rel for update in repo.updates] == [UPDATE]
    assert repo.left_out == [other]


# ----- paths under plan/updates/ ----------------------------------------------------------------


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


@pytest.mark.parametrize(
    "body",
    ["entries: 5\n", "entries:\n  - task: 5\n    status: bogus\n    summary: Có.\n"],
)
def test_a_file_with_schema_errors_also_says_its_agency_and_period_disagree_with_its_path(
    make_repo: MakeRepo, body: str
) -> None:
    root = make_repo({"plan/updates/lhhn/2020-Q3.yaml": "agency: snv\nperiod: 2021-Q1\n" + body})
    found = problems(root, "en")
    assert found[0] == (
        "plan/updates/lhhn/2020-Q3.yaml:1:9: agency: the file is in folder 'lhhn', so write 'agency: lhhn' (it says 'snv')"
    )
    assert found[1].startswith("plan/updates/lhhn/2020-Q3.yaml:2:9: period: the file is named 2020-Q3.yaml")
    assert len(found) == 3 and ("entries" in found[2])


def test_a_repeated_event_id_is_one_problem_not_a_cascade(make_repo: MakeRepo) -> None:
    events = (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8")
    assert "  - id: huong-dan-bnv\n" in events
    root = make_repo({"plan/events.yaml": events.replace("  - id: huong-dan-bnv\n", "  - id: huong-dan-bng\n")})
    assert only(root, "en") == (
        "plan/events.yaml:11:9: events[1].id: event id 'huong-dan-bng' is already used (line 7); "
        "each event needs its own id"
    )


def test_an_events_file_that_does_not_validate_causes_no_timing_problems(make_repo: MakeRepo) -> None:
    events = (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8")
    root = make_repo({"plan/events.yaml": events.replace("occurred_on: null", "occurred_on: 2020-13-01", 1)})
    assert only(root, "en").startswith("plan/events.yaml:10:18: events[0].occurred_on: '2020-13-01' is not a valid")
