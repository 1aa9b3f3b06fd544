"""Editor schemas: committed and fresh, Vietnamese, and agreeing with real files under jsonschema."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from dnnd.authoring.json_schemas import schema_texts
from tests.conftest import DATA, EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli

VALID_UPDATE = """\
agency: lhhn
period: 2020-Q3
reporter: {name: Nguyễn Văn A, title: Chánh Văn phòng, phone: "0258 3822 123"}
entries:
  - task: 4
    status: done
    done_on: 2020-08-20
    summary: Đã ký quy chế phối hợp.
    documents: [{number: 45/LHHN-VP, date: 2020-08-20, title: Quy chế phối hợp}]
  - task: 5
    status: in_progress
    summary: Đang triển khai.
    difficulties: Thiếu kinh phí.
"""


def plain(value: Any) -> Any:
    """YAML data as JSON would carry it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def validator(name: str) -> Draft202012Validator:
    schema = json.loads(schema_texts()[f"schema/{name}.schema.json"])
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def errors(name: str, text: str) -> list[str]:
    return [error.message for error in validator(name).iter_errors(plain(yaml.safe_load(text)))]


def texts(node: Any) -> Iterator[tuple[str, str]]:
    """Every (key, text) of a title or description anywhere in a schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield key, value
            else:
                yield from texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item)


@pytest.mark.parametrize("rel", sorted(schema_texts()))
def test_committed_schemas_are_not_stale(rel: str) -> None:
    """Fails when a model changed without `dnnd schema` being run and its output committed."""
    path = PROJECT / rel
    assert path.is_file(), f"{rel} is missing: run `dnnd schema` and commit it"
    assert path.read_text(encoding="utf-8") == schema_texts()[rel], f"{rel} is stale: run `dnnd schema` and commit it"


def test_every_kind_of_file_has_a_schema() -> None:
    names = {Path(rel).name for rel in schema_texts()}
    assert {f"{kind}.schema.json" for kind in ("update", "plan", "agencies", "tasks", "events")} <= names
    assert {"budget.schema.json", "appraisals.schema.json"} <= names


@pytest.mark.parametrize("rel", sorted(schema_texts()))
def test_titles_and_descriptions_are_vietnamese(rel: str) -> None:
    schema = json.loads(schema_texts()[rel])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert not schema["title"].isascii() and not schema["description"].isascii()
    found = list(texts(schema))
    assert len(found) > 4
    assert [text for _, text in found if text.isascii()] == []


def test_update_schema_property_help() -> None:
    schema = json.loads(schema_texts()["schema/update.schema.json"])
    entry = schema["$defs"]["Entry"]
    assert entry["title"] == "Kết quả một nhiệm vụ"
    assert entry["properties"]["status"]["title"] == "Tình trạng"
    assert entry["properties"]["status"]["enum"] == ["not_started", "in_progress", "done", "blocked"]
    assert entry["properties"]["done_on"]["title"] == "Ngày hoàn thành (YYYY-MM-DD)"
    for name, definition in schema["$defs"].items():
        for key, prop in definition.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), f"{name}.{key}"


def test_valid_update_passes() -> None:
    assert errors("update", VALID_UPDATE) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("status: in_progress", "status: dang_lam"),  # a wrong status
        ("status: in_progress", "status: In_Progress"),
        ("    difficulties:", "    dificulties:"),  # an unknown key in an entry
        ("period: 2020-Q3", "period: 2020-Q3\nquarter: 3"),  # an unknown key at the top
        ("period: 2020-Q3", "period: 2020-3"),
        ("agency: lhhn", "agency: LHHN"),
        ("done_on: 2020-08-20", "done_on: 20/08/2020"),
        ("summary: Đang triển khai.", 'summary: ""'),
        ("  - task: 5", "  - task: 0"),
    ],
)
def test_invalid_update_fails(old: str, new: str) -> None:
    assert old in VALID_UPDATE
    assert errors("update", VALID_UPDATE.replace(old, new)) != []


@pytest.mark.parametrize("name", ["plan", "agencies", "tasks", "events"])
def test_embedded_plan_files_pass(name: str) -> None:
    assert errors(name, (EMBEDDED_PLAN / f"{name}.yaml").read_text(encoding="utf-8")) == []


def test_locks_file_written_by_lock_passes(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("lock", "2020-H1", "--note", "Báo cáo số 12/BC-SNgV", repo=root).exit_code == 0
    assert errors("locks", (root / "plan/locks.yaml").read_text(encoding="utf-8")) == []
    assert errors("locks", "locks:\n  - period: 2020-Q5\n    locked_on: 2020-12-20\n") != []


def test_scaffold_fails_the_schema_until_filled_in(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("new-update", "--agency", "lhhn", "--quarter", "2020-Q3", repo=root).exit_code == 0
    text = (root / "plan/updates/lhhn/2020-Q3.yaml").read_text(encoding="utf-8")
    assert errors("update", text) != []
    filled = text.replace('status: ""', "status: not_started").replace('summary: ""', "summary: Chưa triển khai.")
    assert errors("update", filled) == []


def test_dnnd_schema_writes_the_files(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run_cli("schema", repo=root)
    assert result.exit_code == 0, result.output
    assert result.output.count("Đã ghi ") == len(schema_texts())
    for rel, text in schema_texts().items():
        assert (root / rel).read_text(encoding="utf-8") == text
    (root / "schema/update.schema.json").write_text("{}", encoding="utf-8")
    assert run_cli("schema", repo=root).exit_code == 0
    assert (root / "schema/update.schema.json").read_text(encoding="utf-8") == schema_texts()[
        "schema/update.schema.json"
    ]


@pytest.mark.parametrize("agency", ["lhhn", "sngv", "stttt"])
def test_the_scenarios_estimates_and_appraisals_pass_their_schemas(agency: str) -> None:
    # stttt's wrong product is dnnd's own check: the schema cannot see it
    assert errors("budget", (DATA / "budgets" / agency / "2021.yaml").read_text(encoding="utf-8")) == []
    assert errors("appraisals", (DATA / "budgets/appraisals/2021.yaml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("source: ngan_sach_tinh", "source: ngan_sach"),
        ("amount: 50000000", "amount: 0"),
        ("amount: 50000000", "amount: 500000.5"),
        ("    executed: 48000000", "    spent: 48000000"),
        ("agency: lhhn", "agency: LHHN"),
        ("  - id: 2", "  - id: 0"),
    ],
)
def test_a_wrong_estimate_fails_the_budget_schema(old: str, new: str) -> None:
    text = (DATA / "budgets/lhhn/2021.yaml").read_text(encoding="utf-8")
    assert old in text
    assert errors("budget", text.replace(old, new, 1)) != []


def test_the_new_budget_scaffold_fails_the_schema_until_filled_in(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("new-budget", "--agency", "svhtt", "--year", "2025", repo=root).exit_code == 0
    text = (root / "plan/budgets/svhtt/2025.yaml").read_text(encoding="utf-8")
    assert errors("budget", text) != []
    filled = text.replace("content:  # nội dung chi", "content: Tuyên truyền").replace(
        "amount:  # đồng", "amount: 1000"
    )
    assert errors("budget", filled) == []
    assert errors("appraisals", "year: 2025\nappraisals:\n  - {agency: svhtt, line: 1, appraised: -1}\n") != []
