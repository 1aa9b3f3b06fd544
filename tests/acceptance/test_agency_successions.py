"""Agencies that change: a rename, a merger, a split and a chain of successions, in validation, status,
missing, new-update, check-changes, the report and `agencies --as-of`; and the 2025 change in the embedded plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.docx_helpers import generate, texts
from tests.git_helpers import branch, commit, init, submit, update

D = dt.date
AGENCIES: list[dict[str, Any]] = yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text("utf-8"))["agencies"]
TASKS_TEXT = (EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8")
STTTT, SVHTT = "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch"
LHHN, LHHNKH = "Liên hiệp các tổ chức hữu nghị tỉnh", "Liên hiệp các tổ chức hữu nghị Khánh Hòa"
LHHNB, LHHNC = "Hội hữu nghị tỉnh (giai đoạn 2023-2024)", "Hội hữu nghị Khánh Hòa"
BTG, BDV, BTGDV = "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"


def _items(texts: list[str]) -> list[str]:
    """Paragraphs without the ';' or '.' that ends an item of a list (the last item ends with '.')."""
    return [text.removesuffix(";").removesuffix(".") for text in texts]


def agencies_file(changes: dict[str, dict[str, Any]] | None = None, *added: dict[str, Any]) -> dict[str, str]:
    """The embedded plan/agencies.yaml with the keys of some agencies replaced and agencies added."""
    records = [{**agency, **(changes or {}).get(agency["id"], {})} for agency in AGENCIES]
    text = yaml.safe_dump({"agencies": [*records, *added]}, allow_unicode=True, sort_keys=False)
    return {"plan/agencies.yaml": text}


def new(agency_id: str, name: str, kind: str, since: dt.date, **more: Any) -> dict[str, Any]:
    return {"id": agency_id, "name": name, "short_name": agency_id.upper(), "kind": kind, "since": since, **more}


def tasks_file(old: str, replacement: str) -> dict[str, str]:
    assert TASKS_TEXT.count(old) == 1, old
    return {"plan/tasks.yaml": TASKS_TEXT.replace(old, replacement)}


RENAME = agencies_file(
    {"lhhn": {"until": D(2024, 12, 31), "successor": "lhhnkh"}},
    new("lhhnkh", LHHNKH, "association", D(2025, 1, 1), aliases=[LHHN]),
)
MERGER = agencies_file(
    {"btg": {"until": D(2025, 2, 28), "successor": "btgdv"}, "bdv": {"until": D(2025, 2, 28), "successor": "btgdv"}},
    new("btgdv", BTGDV, "party", D(2025, 3, 1)),
)
TASK_4 = "lead: [sngv]\n    support: [btg, bdv, mttq, snv, lhhn, lienquan]\n    timing: Quý III/2020"
MERGED_LEADS = tasks_file(
    TASK_4, "lead: [btg, bdv]\n    support: [sngv, mttq, snv, lhhn, lienquan]\n    timing: Quý III/2020"
)
CHAIN = agencies_file(
    {"lhhn": {"until": D(2022, 12, 31), "successor": "lhhnb"}},
    new("lhhnb", LHHNB, "association", D(2023, 1, 1), until=D(2024, 6, 30), successor="lhhnc"),
    new("lhhnc", LHHNC, "association", D(2024, 7, 1)),
)
LHHN_SPLIT = agencies_file(
    {"lhhn": {"until": D(2024, 12, 31), "successor": [{"agency": "lhhna", "tasks": [14]}, {"agency": "lhhnb"}]}},
    new("lhhna", "Hội khen thưởng hữu nghị", "association", D(2025, 1, 1)),
    new("lhhnb", LHHNB, "association", D(2025, 1, 1)),
)
SPLIT_IN_APRIL = agencies_file(
    {"stttt": {"until": D(2025, 3, 31)}, "svhtt": {"since": D(2025, 4, 1)}, "skhcn": {"since": D(2025, 4, 1)}}
)
SCENARIOS = {"split": {}, "rename": RENAME, "merger": MERGER, "chain": CHAIN, "lhhn-split": LHHN_SPLIT}


def status_json(run_cli: RunCli, repo: Path, *args: str) -> dict[str, Any]:
    result = run_cli("status", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def task_json(run_cli: RunCli, repo: Path, quarter: str, number: int) -> dict[str, Any]:
    return next(t for t in status_json(run_cli, repo, "--quarter", quarter)["tasks"] if t["task"] == number)


def missing_json(run_cli: RunCli, repo: Path, *args: str) -> list[tuple[str, str, list[int]]]:
    result = run_cli("missing", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    return [(item["agency"], item["period"], item["tasks"]) for item in json.loads(result.stdout)["missing"]]


def validate(run_cli: RunCli, repo: Path, *args: str) -> Result:
    return run_cli(*args, "validate", repo=repo)


def scaffold(run_cli: RunCli, repo: Path, agency: str, quarter: str) -> list[int]:
    result = run_cli("new-update", "--agency", agency, "--quarter", quarter, repo=repo)
    assert result.exit_code == 0, result.output
    text = (repo / "plan" / "updates" / agency / f"{quarter}.yaml").read_text(encoding="utf-8")
    return [entry["task"] for entry in yaml.safe_load(text)["entries"]]


def appendix(run_cli: RunCli, repo: Path, *args: str) -> list[list[str]]:
    """The report's appendix rows (STT, task, lead, support, timing, status), one per task, header left out."""
    document = generate(run_cli, repo, "report", *args, name=f"{'-'.join(args)}.docx")
    return [[cell.text for cell in row.cells] for row in document.tables[2].rows][1:]


# ----- the embedded plan: stttt split into svhtt (tasks 8, 11) and skhcn (the rest) from 01/03/2025 ---------------


def test_acceptance_task_8_led_by_stttt_in_2024_and_by_svhtt_in_2025(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    before, after = (
        {t["task"]: t for t in status_json(run_cli, repo, "--quarter", q)["tasks"]} for q in ("2024-Q4", "2025-Q2")
    )
    assert before[8]["lead"] == ["stttt"] and "stttt" in before[8]["reports"]
    assert "stttt" in before[11]["support"] and "svhtt" not in before[11]["support"]
    assert after[8]["lead"] == ["svhtt"] and "svhtt" in after[8]["reports"]
    assert "svhtt" in after[11]["support"] and "stttt" not in after[11]["support"]
    assert "stttt" not in after[8]["reports"] and "stttt" not in after[11]["reports"]
    assert "svhtt" not in before[8]["reports"] and "skhcn" not in {*after[8]["reports"], *after[11]["reports"]}


def test_acceptance_update_from_stttt_for_2025_Q2_is_rejected_naming_svhtt(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    repo = make_repo(update("stttt", "2025-Q2", (8, "in_progress"), (11, "in_progress")))
    result = validate(run_cli, repo)
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith("plan/updates/stttt/2025-Q2.yaml"))
    assert "thôi hoạt động từ sau ngày 28/02/2025" in line
    assert f"nhiệm vụ 8, 11: {SVHTT} (svhtt)" in line and "skhcn" not in line
    english = validate(run_cli, repo, "--lang", "en").output
    assert "ended on 28/02/2025, before 2025-Q2: its successor reports instead:" in english
    assert f"{SVHTT} (svhtt)" in english


def test_the_english_message_names_the_tasks_in_english(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("stttt", "2025-Q2", (8, "in_progress"), (11, "in_progress")))
    english = validate(run_cli, repo, "--lang", "en").output
    assert f"its successor reports instead: tasks 8, 11: {SVHTT} (svhtt)" in english
    assert "nhiệm vụ" not in english


def test_acceptance_agencies_as_of_2024_and_2025(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()

    def registry(day: str) -> dict[str, dict[str, Any]]:
        result = run_cli("agencies", "--as-of", day, "--format", "json", repo=repo)
        assert result.exit_code == 0, result.output
        return {record["id"]: record for record in json.loads(result.stdout)["agencies"]}

    in_2024, in_2025 = registry("2024-06-01"), registry("2025-06-01")
    assert "stttt" in in_2024 and not {"svhtt", "skhcn"} & set(in_2024)
    assert (in_2024["stttt"]["lead"], in_2024["stttt"]["support"]) == ([8], [11])
    assert "stttt" not in in_2025 and {"svhtt", "skhcn"} <= set(in_2025)
    assert (in_2025["svhtt"]["lead"], in_2025["svhtt"]["support"]) == ([8], [11])
    assert any(STTTT in name and "stttt" in name and "8, 11" in name for name in in_2025["svhtt"]["predecessors"])
    assert "Sở Văn hóa và Thể thao" in in_2025["svhtt"]["aliases"]
    assert any("stttt" in name for name in in_2025["skhcn"]["predecessors"])
    assert in_2025["sngv"]["predecessors"] == [] and in_2025["svhtt"]["since"] == "2025-03-01"


def test_agencies_without_as_of_lists_every_agency_as_of_today(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("agencies", "--format", "json", repo=make_repo())
    assert result.exit_code == 0, result.output
    records = {record["id"]: record for record in json.loads(result.stdout)["agencies"]}
    assert {"stttt", "svhtt", "skhcn"} <= set(records)
    assert (records["stttt"]["until"], records["svhtt"]["since"]) == ("2025-02-28", "2025-03-01")
    assert (records["stttt"]["state"], records["stttt"]["lead"], records["svhtt"]["lead"]) == ("ended", [], [8])
    assert records["stttt"]["successors"][0] == "Sở Văn hóa, Thể thao và Du lịch (svhtt; nhiệm vụ 8, 11)"
    listed = run_cli("agencies", repo=make_repo(name="listed"))
    assert "đã giải thể/sáp" in listed.stdout  # the cell wraps after it
    table = run_cli("agencies", "--as-of", "2025-06-01", repo=make_repo(name="table"))
    ids = [line.split("│")[1].strip() for line in table.output.splitlines() if line.startswith("│")]
    assert table.exit_code == 0 and "svhtt" in ids and "stttt" not in ids


# ----- status and missing: lead, support and reports through the successors in force --------------------------


@pytest.mark.parametrize(
    ("scenario", "quarter", "number", "lead", "support"),
    [
        ("rename", "2024-Q4", 14, ["lhhn"], ["sngv", "lienquan"]),
        ("rename", "2025-Q2", 14, ["lhhnkh"], ["sngv", "lienquan"]),
        ("rename", "2025-Q2", 2, ["sngv"], ["bdv", "mttq", "snv", "lhhnkh", "lienquan"]),
        ("merger", "2024-Q4", 4, ["sngv"], ["btg", "bdv", "mttq", "snv", "lhhn", "lienquan"]),
        ("merger", "2025-Q2", 4, ["sngv"], ["btgdv", "mttq", "snv", "lhhn", "lienquan"]),
        ("merger", "2025-Q2", 8, ["svhtt"], ["btgdv", "lienquan", "baokh", "ktv", "congttdt"]),
        ("split", "2025-Q1", 8, ["svhtt"], ["btg", "lienquan", "baokh", "ktv", "congttdt"]),
        ("split", "2025-Q2", 11, ["sngv"], ["btg", "svhtt", "lhhn", "lienquan", "ktv", "baokh", "congttdt"]),
        ("chain", "2022-Q4", 14, ["lhhn"], ["sngv", "lienquan"]),
        ("chain", "2023-Q4", 14, ["lhhnb"], ["sngv", "lienquan"]),
        ("chain", "2025-Q2", 14, ["lhhnc"], ["sngv", "lienquan"]),
        ("chain", "2024-Q3", 5, ["sngv", "lhhnc"], ["bdv", "mttq", "snv", "lienquan"]),
        ("lhhn-split", "2025-Q2", 14, ["lhhna"], ["sngv", "lienquan"]),
        ("lhhn-split", "2025-Q2", 5, ["sngv", "lhhnb"], ["bdv", "mttq", "snv", "lienquan"]),
    ],
)
def test_status_roles_and_reports_follow_the_successors_in_force(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, quarter: str, number: int, lead: list[str], support: list[str]
) -> None:
    task = task_json(run_cli, make_repo(SCENARIOS[scenario]), quarter, number)
    assert (task["lead"], task["support"]) == (lead, support)
    assert set(task["reports"]) == {agency for agency in (*lead, *support) if agency != "lienquan"}
    assert set(task["reports"].values()) == {"missing"}


@pytest.mark.parametrize(
    ("scenario", "quarter", "present", "absent"),
    [
        ("split", "2024-Q4", ("stttt", [8, 11]), "svhtt"),
        ("split", "2025-Q2", ("svhtt", [8, 11]), "stttt"),
        ("rename", "2024-Q4", ("lhhn", [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), "lhhnkh"),
        ("rename", "2025-Q2", ("lhhnkh", [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), "lhhn"),
        ("merger", "2025-Q2", ("btgdv", [2, 3, 4, 5, 6, 8, 11, 13, 15]), "bdv"),
        ("chain", "2023-Q4", ("lhhnb", [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), "lhhn"),
    ],
)
def test_missing_names_the_agency_in_force(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, quarter: str, present: tuple[str, list[int]], absent: str
) -> None:
    found = missing_json(run_cli, make_repo(SCENARIOS[scenario]), "--quarter", quarter)
    assert (present[0], quarter, present[1]) in found
    assert absent not in {agency for agency, _, _ in found}
    assert {period for _, period, _ in found} == {quarter}


def test_status_and_missing_for_one_agency_follow_its_successions(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()

    def shown(agency: str, quarter: str) -> list[int]:
        return [t["task"] for t in status_json(run_cli, repo, "--quarter", quarter, "--agency", agency)["tasks"]]

    assert (shown("stttt", "2024-Q4"), shown("svhtt", "2024-Q4")) == ([8, 11], [])
    assert (shown("stttt", "2025-Q2"), shown("svhtt", "2025-Q2"), shown("skhcn", "2025-Q2")) == ([], [8, 11], [])
    assert missing_json(run_cli, repo, "--quarter", "2025-Q2", "--agency", "svhtt") == [("svhtt", "2025-Q2", [8, 11])]
    assert missing_json(run_cli, repo, "--quarter", "2025-Q2", "--agency", "stttt") == []


def test_the_successors_update_counts_as_submitted(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {
        **update("svhtt", "2025-Q2", (8, "in_progress"), (11, "in_progress")),
        **update("lhhnkh", "2025-Q2", (14, "in_progress")),
    }
    repo = make_repo({**RENAME, **files})
    assert task_json(run_cli, repo, "2025-Q2", 8)["reports"]["svhtt"] == "submitted"
    assert task_json(run_cli, repo, "2025-Q2", 11)["reports"]["svhtt"] == "submitted"
    assert task_json(run_cli, repo, "2025-Q2", 14)["reports"]["lhhnkh"] == "submitted"
    found = missing_json(run_cli, repo, "--quarter", "2025-Q2")
    assert not [item for item in found if item[0] == "svhtt"]
    assert ("lhhnkh", "2025-Q2", [2, 3, 4, 5, 6, 7, 11, 12, 13, 15]) in found


@pytest.mark.parametrize(
    ("scenario", "agency", "quarter", "done_on", "evaluated", "lead"),
    [
        ("rename", "lhhn", "2024-Q4", "2024-12-01", "2025-Q1", "lhhnkh"),
        ("chain", "lhhn", "2022-Q4", "2022-12-01", "2023-Q1", "lhhnb"),
        ("chain", "lhhnb", "2024-Q2", "2024-05-01", "2024-Q4", "lhhnc"),  # the 2024 award, done early by lhhnb
        ("lhhn-split", "lhhn", "2024-Q4", "2024-12-01", "2025-Q1", "lhhna"),
    ],
)
def test_the_successor_counts_its_predecessors_done_entry(
    run_cli: RunCli,
    make_repo: MakeRepo,
    scenario: str,
    agency: str,
    quarter: str,
    done_on: str,
    evaluated: str,
    lead: str,
) -> None:
    repo = make_repo({**SCENARIOS[scenario], **update(agency, quarter, (14, "done", done_on))})
    before = task_json(run_cli, repo, quarter, 14)
    assert (before["lead"], before["status"], before["done_on"]) == ([agency], "done_on_time", done_on)
    task = task_json(run_cli, repo, evaluated, 14)
    assert (task["lead"], task["status"], task["done_on"]) == ([lead], "done_on_time", done_on)
    assert task["reports"] == {}  # done before the quarter: nothing more to report on it


def test_a_merger_counts_the_done_entries_of_both_merged_leads(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {
        **MERGER,
        **MERGED_LEADS,
        **update("btg", "2020-Q3", (4, "done", "2020-09-10")),
        **update("bdv", "2020-Q3", (4, "done", "2020-09-10")),
    }
    repo = make_repo(files)
    before, after = task_json(run_cli, repo, "2020-Q4", 4), task_json(run_cli, repo, "2025-Q2", 4)
    assert (before["lead"], before["status"], before["done_on"]) == (["btg", "bdv"], "done_on_time", "2020-09-10")
    assert (after["lead"], after["status"], after["done_on"]) == (["btgdv"], "done_on_time", "2020-09-10")
    assert after["reports"] == {}
    shown = status_json(run_cli, repo, "--quarter", "2025-Q2", "--agency", "btgdv")["tasks"]
    assert [task["task"] for task in shown] == [2, 3, 4, 5, 6, 8, 9, 11, 13, 15]  # bdv's and btg's tasks


@pytest.mark.parametrize(
    ("leads", "done", "status"),
    [
        ("[btg, bdv]", update("btg", "2020-Q3", (4, "done", "2020-09-10")), "overdue"),
        (
            "[btg, bdv]",
            {
                **update("btg", "2020-Q3", (4, "done", "2020-09-10")),
                **update("bdv", "2020-Q4", (4, "done", "2020-10-15")),
            },
            "done_late",
        ),
        ("[btg]", update("bdv", "2020-Q3", (4, "done", "2020-09-10")), "overdue"),  # bdv only supported task 4
    ],
    ids=["one-lead-done", "second-lead-late", "support-done"],
)
def test_a_merger_does_not_rewrite_a_tasks_history(
    run_cli: RunCli, make_repo: MakeRepo, leads: str, done: dict[str, str], status: str
) -> None:
    support = "[sngv, mttq, snv, lhhn, lienquan]" if leads == "[btg, bdv]" else "[sngv, bdv, mttq, snv, lhhn, lienquan]"
    tasks = tasks_file(TASK_4, f"lead: {leads}\n    support: {support}\n    timing: Quý III/2020")
    repo = make_repo({**MERGER, **tasks, **done})
    assert task_json(run_cli, repo, "2020-Q4", 4)["status"] == status
    assert task_json(run_cli, repo, "2025-Q2", 4)["status"] == status


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, [("svhtt", "2025-Q1", [8, 11]), ("svhtt", "2025-Q2", [8, 11])]),  # Q1 is evaluated on 14/03, after 28/02
        (SPLIT_IN_APRIL, [("stttt", "2025-Q1", [8, 11]), ("svhtt", "2025-Q2", [8, 11])]),
    ],
    ids=["until-28-02", "until-31-03"],
)
def test_a_half_year_straddling_the_succession_expects_the_agency_in_force_per_quarter(
    run_cli: RunCli, make_repo: MakeRepo, files: dict[str, str], expected: list[tuple[str, str, list[int]]]
) -> None:
    repo = make_repo(files)
    found = [item for item in missing_json(run_cli, repo, "--half", "2025-H1") if item[0] in ("stttt", "svhtt")]
    assert found == expected
    eight = next(t for t in status_json(run_cli, repo, "--half", "2025-H1")["tasks"] if t["task"] == 8)
    assert eight["lead"] == ["svhtt"]  # at the half-year's evaluation date, 14/06/2025
    assert {agency: eight["reports"].get(agency) for agency in ("stttt", "svhtt")} == {
        agency: "missing" if agency in {item[0] for item in expected} else None for agency in ("stttt", "svhtt")
    }


def test_the_predecessors_update_for_the_quarter_it_ended_in_fulfils_the_duty(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    repo = make_repo(update("stttt", "2025-Q1", (8, "in_progress"), (11, "in_progress")))
    assert validate(run_cli, repo).exit_code == 0
    assert task_json(run_cli, repo, "2025-Q1", 8)["reports"] == {
        "svhtt": "submitted",
        "btg": "missing",
        "baokh": "missing",
        "ktv": "missing",
        "congttdt": "missing",
    }
    assert [item for item in missing_json(run_cli, repo, "--quarter", "2025-Q1") if item[0] == "svhtt"] == []


def test_latest_report_of_the_lead_includes_its_successor(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {**update("stttt", "2024-Q4", (8, "in_progress")), **update("svhtt", "2025-Q2", (8, "blocked"))}
    latest = task_json(run_cli, make_repo(files), "2025-Q2", 8)["latest"]
    assert latest and (latest[0]["agency"], latest[0]["period"], latest[0]["status"]) == ("svhtt", "2025-Q2", "blocked")


def test_late_lists_a_successors_late_update(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = init(make_repo())
    late = update("svhtt", "2025-Q3", (8, "in_progress"), (11, "in_progress"))
    submit(repo, "svhtt-q3", late, committed="2025-09-24T09:00:00+07:00", merged="2025-09-25T09:00:00+07:00")
    log = json.loads(run_cli("log", "--all", "--format", "json", repo=repo).stdout)["submissions"]
    assert [(item["agency"], item["late"]) for item in log] == [("svhtt", True)]
    found = status_json(run_cli, repo, "--quarter", "2025-Q3", "--late")["late_submissions"]
    assert [(item["agency"], item["period"]) for item in found] == [("svhtt", "2025-Q3")]


# ----- validation of plan/agencies.yaml ---------------------------------------------------------------------------


def stttt_successor(*successions: dict[str, Any]) -> dict[str, str]:
    return agencies_file({"stttt": {"successor": list(successions)}})


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            agencies_file({"lhhn": {"until": D(2024, 12, 31), "successor": "khongco"}}),
            "không có cơ quan kế nhiệm mã 'khongco' trong plan/agencies.yaml",
        ),
        (agencies_file({"lhhn": {"successor": "mttq"}}), "có cơ quan kế nhiệm thì phải ghi until"),
        (
            agencies_file({"lhhn": {"since": D(2021, 1, 1), "until": D(2020, 12, 31)}}),
            "until (31/12/2020) phải sau since (01/01/2021)",
        ),
        (stttt_successor({"agency": "svhtt"}, {"agency": "skhcn"}), "chỉ một cơ quan kế nhiệm được bỏ trống tasks"),
        (
            stttt_successor({"agency": "svhtt", "tasks": [8, 11]}, {"agency": "skhcn", "tasks": [8]}),
            "nhiệm vụ 8 đã giao cho cơ quan kế nhiệm khác",
        ),
        (stttt_successor({"agency": "svhtt", "tasks": [8, 11, 99]}, {"agency": "skhcn"}), "nhiệm vụ 99 không có"),
        (
            agencies_file(
                {
                    "lhhn": {"until": D(2024, 12, 31), "successor": "mttq"},
                    "mttq": {"until": D(2025, 12, 31), "successor": "lhhn"},
                }
            ),
            "chuỗi kế nhiệm quay vòng: mttq → lhhn → mttq",
        ),
        (
            agencies_file({"svhtt": {"since": D(2025, 3, 2)}}),
            "cơ quan kế nhiệm 'svhtt' phải đang hoạt động ngày 01/03/2025 (ngày sau until)",
        ),
        (
            agencies_file({"skhcn": {"until": D(2025, 2, 28)}}),
            "cơ quan kế nhiệm 'skhcn' phải đang hoạt động ngày 01/03/2025 (ngày sau until)",
        ),
    ],
    ids=[
        "unknown",
        "no-until",
        "since-after-until",
        "two-take-the-rest",
        "task-given-twice",
        "no-such-task",
        "cycle",
        "starts-too-late",
        "ends-too-early",
    ],
)
def test_agency_changes_that_do_not_validate(
    run_cli: RunCli, make_repo: MakeRepo, files: dict[str, str], message: str
) -> None:
    result = validate(run_cli, make_repo(files))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if message in line]
    assert lines and all(line.startswith("plan/agencies.yaml:") for line in lines), result.output


@pytest.mark.parametrize("scenario", ["split", "rename", "merger", "chain", "lhhn-split"])
def test_each_scenario_validates(run_cli: RunCli, make_repo: MakeRepo, scenario: str) -> None:
    result = validate(run_cli, make_repo({**SCENARIOS[scenario], **(MERGED_LEADS if scenario == "merger" else {})}))
    assert result.exit_code == 0, result.output
    assert "không có lỗi" in result.output


def test_an_agency_may_exist_for_a_single_day(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(agencies_file({"lhhn": {"since": D(2021, 1, 1), "until": D(2021, 1, 1)}}))
    result = validate(run_cli, repo)
    assert result.exit_code == 0, result.output


def test_a_split_must_hand_over_every_task_the_agency_holds(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(stttt_successor({"agency": "svhtt", "tasks": [8]}))
    result = validate(run_cli, repo)
    assert result.exit_code == 1
    assert any(line.startswith("plan/agencies.yaml:") and "11" in line for line in result.output.splitlines())


# ----- validation of updates: after until, before since, inherited tasks --------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "files", "named"),
    [
        ("rename", update("lhhn", "2025-Q2", (14, "in_progress")), [f"nhiệm vụ 14: {LHHNKH} (lhhnkh)"]),
        ("merger", update("bdv", "2025-Q2", (4, "in_progress")), [f"nhiệm vụ 4: {BTGDV} (btgdv)"]),
        ("chain", update("lhhn", "2025-Q2", (14, "in_progress")), [f"nhiệm vụ 14: {LHHNC} (lhhnc)"]),
        ("chain", update("lhhnb", "2025-Q2", (14, "in_progress")), [f"nhiệm vụ 14: {LHHNC} (lhhnc)"]),
        (
            "lhhn-split",
            update("lhhn", "2025-Q2", (14, "in_progress"), (5, "in_progress")),
            ["nhiệm vụ 14: Hội khen thưởng hữu nghị (lhhna)", f"nhiệm vụ 5: {LHHNB} (lhhnb)"],
        ),
    ],
    ids=["rename", "merger", "chain-start", "chain-middle", "split-per-task"],
)
def test_an_update_after_until_names_the_successor_to_report_instead(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, files: dict[str, str], named: list[str]
) -> None:
    result = validate(run_cli, make_repo({**SCENARIOS[scenario], **files}))
    assert result.exit_code == 1
    rel = next(iter(files))
    line = next(line for line in result.output.splitlines() if line.startswith(rel))
    assert "cơ quan kế nhiệm báo cáo thay" in line
    assert all(name in line for name in named), line


@pytest.mark.parametrize(
    ("scenario", "files"),
    [
        ("split", update("svhtt", "2025-Q2", (8, "in_progress"), (11, "done", "2025-05-20"))),
        ("split", update("svhtt", "2025-Q1", (8, "in_progress"))),
        ("split", update("stttt", "2025-Q1", (8, "in_progress"), (11, "in_progress"))),
        ("split", update("stttt", "2024-Q4", (8, "in_progress"))),
        ("rename", update("lhhnkh", "2025-Q2", (14, "in_progress"), (2, "in_progress"))),
        ("merger", update("btgdv", "2025-Q2", (4, "in_progress"), (8, "in_progress"), (2, "in_progress"))),
        ("chain", update("lhhnc", "2025-Q2", (14, "in_progress"))),
        ("lhhn-split", update("lhhna", "2025-Q2", (14, "in_progress"))),
        ("lhhn-split", update("lhhnb", "2025-Q2", (5, "in_progress"), (2, "in_progress"))),
    ],
)
def test_a_successor_may_report_on_the_tasks_it_inherited(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, files: dict[str, str]
) -> None:
    result = validate(run_cli, make_repo({**SCENARIOS[scenario], **files}))
    assert result.exit_code == 0, result.output
    assert "1 tệp báo cáo" in result.output


@pytest.mark.parametrize(
    ("scenario", "files", "message"),
    [
        ("split", update("skhcn", "2025-Q2", (8, "in_progress")), "'skhcn' không chủ trì hay phối hợp nhiệm vụ 8"),
        ("split", update("svhtt", "2025-Q2", (5, "in_progress")), "'svhtt' không chủ trì hay phối hợp nhiệm vụ 5"),
        ("lhhn-split", update("lhhna", "2025-Q2", (5, "in_progress")), "'lhhna' không chủ trì hay phối hợp nhiệm vụ 5"),
        (
            "split",
            update("svhtt", "2024-Q4", (8, "in_progress")),
            "'svhtt' (Sở Văn hóa, Thể thao và Du lịch) chỉ hoạt động từ ngày 01/03/2025, sau kỳ 2024-Q4",
        ),
        ("rename", update("lhhnkh", "2024-Q4", (14, "in_progress")), "chỉ hoạt động từ ngày 01/01/2025"),
        ("merger", update("btgdv", "2024-Q4", (4, "in_progress")), "chỉ hoạt động từ ngày 01/03/2025"),
        ("chain", update("lhhnc", "2024-Q2", (14, "in_progress")), "chỉ hoạt động từ ngày 01/07/2024"),
    ],
)
def test_a_successor_may_not_report_other_tasks_nor_before_its_since(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, files: dict[str, str], message: str
) -> None:
    result = validate(run_cli, make_repo({**SCENARIOS[scenario], **files}))
    assert result.exit_code == 1
    rel = next(iter(files))
    assert any(line.startswith(rel) and message in line for line in result.output.splitlines()), result.output


def test_the_middle_of_a_chain_may_report_for_the_quarter_it_ended_in(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo({**CHAIN, **update("lhhnb", "2024-Q3", (14, "in_progress"))})
    result = validate(run_cli, repo)
    assert result.exit_code == 0, result.output
    fresh = make_repo(CHAIN, name="fresh")
    middle, last = scaffold(run_cli, fresh, "lhhnb", "2024-Q3"), scaffold(run_cli, fresh, "lhhnc", "2024-Q3")
    assert middle == last and 14 in middle


# ----- new-update ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "before", "after"),
    [
        ("split", [("stttt", "2024-Q4")], ("svhtt", "2025-Q2")),
        ("split", [("stttt", "2024-Q4")], ("svhtt", "2025-Q1")),
        ("split", [("stttt", "2024-Q4")], ("stttt", "2025-Q1")),
        ("rename", [("lhhn", "2024-Q4")], ("lhhnkh", "2025-Q2")),
        ("merger", [("btg", "2024-Q4"), ("bdv", "2024-Q4")], ("btgdv", "2025-Q2")),
        ("chain", [("lhhn", "2022-Q4")], ("lhhnb", "2023-Q4")),
        ("chain", [("lhhn", "2022-Q4")], ("lhhnc", "2025-Q2")),
    ],
)
def test_new_update_lists_the_tasks_inherited(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, before: list[tuple[str, str]], after: tuple[str, str]
) -> None:
    repo = make_repo(SCENARIOS[scenario])
    inherited = sorted({number for agency, quarter in before for number in scaffold(run_cli, repo, agency, quarter)})
    assert inherited and scaffold(run_cli, repo, *after) == inherited


def test_new_update_for_the_rest_and_for_a_split_per_task(run_cli: RunCli, make_repo: MakeRepo) -> None:
    refused = run_cli("new-update", "--agency", "skhcn", "--quarter", "2025-Q2", repo=make_repo())
    assert refused.exit_code == 1 and "không có nhiệm vụ nào" in refused.output  # stttt's other duties: none here
    repo = make_repo(LHHN_SPLIT, name="lhhn-split")
    assert scaffold(run_cli, repo, "lhhna", "2025-Q2") == [14]
    assert scaffold(run_cli, repo, "lhhnb", "2025-Q2") == [2, 3, 4, 5, 6, 7, 11, 12, 13, 15]


def test_a_scaffold_of_the_successor_validates_once_filled_in(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    assert scaffold(run_cli, repo, "svhtt", "2025-Q2") == [8, 11]
    path = repo / "plan/updates/svhtt/2025-Q2.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status: ""', "status: in_progress").replace('summary: ""', "summary: Đã làm."))
    result = validate(run_cli, repo)
    assert result.exit_code == 0, result.output
    assert task_json(run_cli, repo, "2025-Q2", 8)["reports"]["svhtt"] == "submitted"


@pytest.mark.parametrize(
    ("scenario", "agency", "quarter", "message"),
    [
        (
            "split",
            "stttt",
            "2025-Q2",
            f"'stttt' thôi hoạt động từ sau ngày 28/02/2025: cơ quan kế nhiệm báo cáo thay ({SVHTT} (svhtt)",
        ),
        ("rename", "lhhn", "2025-Q2", f"cơ quan kế nhiệm báo cáo thay ({LHHNKH} (lhhnkh))"),
        ("merger", "btg", "2025-Q2", f"cơ quan kế nhiệm báo cáo thay ({BTGDV} (btgdv))"),
        ("split", "svhtt", "2024-Q4", "trước khi cơ quan bắt đầu hoạt động"),
        ("chain", "lhhnc", "2024-Q2", "trước khi cơ quan bắt đầu hoạt động"),
    ],
)
def test_new_update_refuses_an_agency_not_in_force(
    run_cli: RunCli, make_repo: MakeRepo, scenario: str, agency: str, quarter: str, message: str
) -> None:
    repo = make_repo(SCENARIOS[scenario])
    result = run_cli("new-update", "--agency", agency, "--quarter", quarter, repo=repo)
    assert result.exit_code != 0
    assert message in " ".join(result.output.split())
    assert not (repo / "plan" / "updates" / agency / f"{quarter}.yaml").exists()


def test_new_update_tells_the_successor_its_inherited_role(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    scaffold(run_cli, repo, "svhtt", "2025-Q2")
    text = (repo / "plan/updates/svhtt/2025-Q2.yaml").read_text(encoding="utf-8")
    assert "# Nhiệm vụ 8 (chủ trì):" in text
    assert "# Nhiệm vụ 11 (phối hợp):" in text


# ----- check-changes ------------------------------------------------------------------------------------------------


def pull_request(make_repo: MakeRepo, files: dict[str, str], base: dict[str, str], name: str) -> Path:
    """A git repository whose main holds the plan with `base`, on branch `pr` with `files` committed."""
    root = init(make_repo(base, name=name))
    branch(root, "pr")
    commit(root, files, "Báo cáo quý", date="2025-06-15T10:00:00+07:00")
    return root


def test_check_changes_accepts_the_successor_and_rejects_its_predecessor(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = pull_request(make_repo, update("svhtt", "2025-Q2", (8, "in_progress"), (11, "in_progress")), {}, "new")
    result = run_cli("check-changes", "--base", "main", "--agency", "svhtt", repo=root)
    assert result.exit_code == 0, result.output
    assert "0 lỗi" in result.output
    root = pull_request(make_repo, update("stttt", "2025-Q2", (8, "in_progress")), {}, "old")
    result = run_cli("check-changes", "--base", "main", "--agency", "stttt", repo=root)
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith("LỖI plan/updates/stttt/2025-Q2.yaml"))
    assert f"nhiệm vụ 8: {SVHTT} (svhtt)" in line


def test_check_changes_for_a_merger_and_a_chain(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = pull_request(make_repo, update("btgdv", "2025-Q2", (4, "in_progress")), MERGER, "merger")
    result = run_cli("check-changes", "--base", "main", "--agency", "btgdv", repo=root)
    assert result.exit_code == 0, result.output
    root = pull_request(make_repo, update("lhhnb", "2025-Q2", (14, "blocked")), CHAIN, "chain")
    result = run_cli("check-changes", "--base", "main", "--agency", "lhhnb", repo=root)
    assert result.exit_code == 1
    assert f"nhiệm vụ 14: {LHHNC} (lhhnc)" in result.output


# ----- the report -----------------------------------------------------------------------------------------------------


def test_report_names_stttt_in_2024_and_svhtt_in_2025(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {
        **update("stttt", "2024-Q4", (8, "in_progress")),
        **update("svhtt", "2025-Q2", (8, "in_progress"), (11, "in_progress")),
    }
    repo = make_repo(files)
    old = appendix(run_cli, repo, "--quarter", "2024-Q4", "--date", "2024-12-16")
    new_rows = appendix(run_cli, repo, "--quarter", "2025-Q2", "--date", "2025-06-16")
    assert old[7][2] == STTTT and new_rows[7][2] == SVHTT
    assert STTTT in old[10][3] and SVHTT not in old[10][3]
    assert SVHTT in new_rows[10][3] and STTTT not in new_rows[10][3]
    old_text = texts(generate(run_cli, repo, "report", "--quarter", "2024-Q4", "--date", "2024-12-16", name="a.docx"))
    new_text = texts(generate(run_cli, repo, "report", "--quarter", "2025-Q2", "--date", "2025-06-16", name="b.docx"))
    assert _reporting(old_text) == [STTTT] and f"- {STTTT}: nhiệm vụ 11" in _items(old_text)
    assert _reporting(new_text) == [SVHTT]
    assert any(text.startswith("Nhiệm vụ 8 (chủ trì): ") for text in new_text)
    assert any(text.startswith("Nhiệm vụ 11 (phối hợp): ") for text in new_text)
    assert not any(STTTT in text for text in new_text) and not any(SVHTT in text for text in old_text)


def _reporting(all_texts: list[str]) -> list[str]:
    """The agencies whose own texts Phụ lục III holds, as it names them ('1. Sở …')."""
    rest = all_texts[all_texts.index("PHỤ LỤC III") + 3 :]
    return [text.split(". ", 1)[1] for text in rest if text[:1].isdigit() and text.split(". ", 1)[0].isdigit()]


def test_a_year_report_keeps_each_reports_own_name(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {**update("stttt", "2025-Q1", (8, "in_progress")), **update("svhtt", "2025-Q2", (8, "in_progress"))}
    document = generate(run_cli, make_repo(files), "report", "--year", "2025", "--date", "2025-12-16")
    all_texts = texts(document)
    assert _reporting(all_texts) == [STTTT, SVHTT]
    assert any(text.startswith("Nhiệm vụ 8 (chủ trì, quý I năm 2025): ") for text in all_texts)
    assert any(text.startswith("Nhiệm vụ 8 (chủ trì, quý II năm 2025): ") for text in all_texts)
    rows = [[cell.text for cell in row.cells] for row in document.tables[2].rows][1:]
    assert (rows[7][2], rows[10][3].count(SVHTT), rows[10][3].count(STTTT)) == (SVHTT, 1, 0)
    second = all_texts.index("Các cơ quan, đơn vị chưa báo cáo quý II năm 2025:")
    third = all_texts.index("Các cơ quan, đơn vị chưa báo cáo quý III năm 2025:")
    assert f"- {SVHTT}: nhiệm vụ 11" in _items(all_texts[second:third])  # task 8 reported in Q2
    assert f"- {SVHTT}: nhiệm vụ 8, 11" in _items(all_texts[third:])
    assert not any(text.startswith(f"- {STTTT}") for text in all_texts)


@pytest.mark.parametrize(
    ("scenario", "args", "row", "column", "name", "gone"),
    [
        ("rename", ("--year", "2024", "--date", "2024-12-16"), 14, 2, LHHN, LHHNKH),
        ("rename", ("--quarter", "2025-Q2", "--date", "2025-06-16"), 14, 2, LHHNKH, LHHN),
        ("merger", ("--quarter", "2024-Q4", "--date", "2024-12-16"), 4, 3, f"{BTG}; {BDV}", BTGDV),
        ("merger", ("--quarter", "2025-Q2", "--date", "2025-06-16"), 4, 3, BTGDV, BDV),
        ("chain", ("--quarter", "2022-Q4", "--date", "2022-12-16"), 14, 2, LHHN, LHHNB),
        ("chain", ("--quarter", "2023-Q4", "--date", "2023-12-16"), 14, 2, LHHNB, LHHNC),
        ("chain", ("--half", "2025-H1", "--date", "2025-06-16"), 14, 2, LHHNC, LHHNB),
    ],
)
def test_report_appendix_names_the_agencies_in_force(
    run_cli: RunCli,
    make_repo: MakeRepo,
    scenario: str,
    args: tuple[str, ...],
    row: int,
    column: int,
    name: str,
    gone: str,
) -> None:
    rows = appendix(run_cli, make_repo(SCENARIOS[scenario]), *args)
    assert name in rows[row - 1][column]
    assert gone not in " ".join(cell for cells in rows for cell in cells)
    if scenario == "merger" and "2025-Q2" in args:
        assert rows[3][3].count(BTGDV) == 1 and rows[1][3].count(BTGDV) == 1  # tasks 4 and 2: named once


def test_report_of_a_rename_keeps_the_old_name_on_old_reports(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {
        **RENAME,
        **update("lhhn", "2024-Q4", (14, "in_progress")),
        **update("lhhnkh", "2025-Q1", (14, "in_progress")),
    }
    repo = make_repo(files)
    old = texts(generate(run_cli, repo, "report", "--quarter", "2024-Q4", "--date", "2024-12-16", name="old.docx"))
    new_text = texts(generate(run_cli, repo, "report", "--quarter", "2025-Q1", "--date", "2025-03-16", name="new.docx"))
    assert _reporting(old) == [LHHN] and _reporting(new_text) == [LHHNKH]
    assert f"- {LHHN}: nhiệm vụ 2, 3, 4, 5, 6, 7, 11, 12, 13, 15" in _items(old)
    assert f"- {LHHNKH}: nhiệm vụ 2, 3, 4, 5, 6, 7, 11, 12, 13, 15" in _items(new_text)
    assert not any(LHHN + " " in text or LHHN + ":" in text for text in new_text)


@pytest.mark.parametrize(
    ("files", "q1", "q2"), [({}, SVHTT, SVHTT), (SPLIT_IN_APRIL, STTTT, SVHTT)], ids=["until-28-02", "until-31-03"]
)
def test_half_year_report_straddling_the_succession_names_the_agency_per_quarter(
    run_cli: RunCli, make_repo: MakeRepo, files: dict[str, str], q1: str, q2: str
) -> None:
    all_texts = texts(generate(run_cli, make_repo(files), "report", "--half", "2025-H1", "--date", "2025-06-16"))
    first = all_texts.index("Các cơ quan, đơn vị chưa báo cáo quý I năm 2025:")
    second = all_texts.index("Các cơ quan, đơn vị chưa báo cáo quý II năm 2025:")
    in_q1, in_q2 = all_texts[first:second], all_texts[second:]
    assert f"- {q1}: nhiệm vụ 8, 11" in _items(in_q1) and f"- {q2}: nhiệm vụ 8, 11" in _items(in_q2)
    assert not any(text.startswith(f"- {STTTT}") for text in in_q2)
    assert (q1 == STTTT) == any(text.startswith(f"- {STTTT}") for text in in_q1)


def test_reminder_urges_the_agency_in_force(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(RENAME)
    new_text = texts(generate(run_cli, repo, "remind", "--quarter", "2025-Q2", "--date", "2025-06-20", name="n.docx"))
    old = texts(generate(run_cli, repo, "remind", "--quarter", "2024-Q4", "--date", "2024-12-20", name="o.docx"))
    assert f"{SVHTT}:" in new_text and f"{LHHNKH}:" in new_text
    assert f"{STTTT}:" not in new_text and f"{LHHN}:" not in new_text
    assert f"{STTTT}:" in old and f"{LHHN}:" in old and f"{SVHTT}:" not in old


def test_report_after_the_focal_points_end_names_its_successor(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(agencies_file({"sngv": {"until": D(2025, 2, 28), "successor": "vpubnd"}}))
    assert validate(run_cli, repo).exit_code == 0
    assert task_json(run_cli, repo, "2025-Q2", 13)["lead"] == ["vpubnd"]
    all_texts = texts(generate(run_cli, repo, "report", "--quarter", "2025-Q2", "--date", "2025-06-16"))
    assert "Văn phòng Ủy ban nhân dân tỉnh báo cáo Ủy ban nhân dân tỉnh Khánh Hòa xem xét, chỉ đạo./." in all_texts
