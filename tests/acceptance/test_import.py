"""`dnnd import`: a plan repository from the decision document, in any of its forms."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from dnnd.authoring.importing.agency_names import Registry
from tests.conftest import EMBEDDED_PLAN, PROJECT, RunCli
from tests.import_helpers import (
    DECISION,
    build_docx,
    convert,
    crlf_text,
    decision_text,
    expected_tasks,
    handmade_pdf,
    imported_tasks,
    markdown_text,
    nfd_text,
    sectioned_text,
    soffice,
    with_tracked_insertion,
)

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
SUMMARY = (
    "15 nhiệm vụ; 14 cơ quan khớp danh mục, 0 cơ quan mới; 15/15 cụm thời gian hiểu được; 3 cảnh báo; kế hoạch hợp lệ."
)


REGISTRY_KEYS = ("id", "name", "short_name", "kind", "aliases")


def registry_agencies() -> dict:
    """The embedded plan's agencies as a registry: ids, names and aliases, without dates, successors or notes."""
    agencies = yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    return {"agencies": [{key: agency[key] for key in REGISTRY_KEYS if key in agency} for agency in agencies]}


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run inside this repository, so that plan/agencies.yaml is the registry names are matched against."""
    monkeypatch.chdir(PROJECT)


@pytest.fixture
def in_plan_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run inside a copy of this repository's plan whose agencies carry no succession, so that reading each
    form of the document is tested apart from how a registry's successions are handled."""
    root = tmp_path / "kho"
    shutil.copytree(EMBEDDED_PLAN, root / "plan", ignore=shutil.ignore_patterns("updates"))
    (root / "plan" / "agencies.yaml").write_text(yaml.safe_dump(registry_agencies(), allow_unicode=True), "utf-8")
    monkeypatch.chdir(root)


def run_import(run_cli: RunCli, document: Path, out: Path, *args: str) -> tuple[Result, str]:
    """`dnnd import DOCUMENT --out OUT`; the result and its output on one line (rich wraps long lines)."""
    result = run_cli("import", str(document), "--out", str(out), *args)
    return result, " ".join(result.output.split())


def text_file(tmp_path: Path, text: str, name: str = "qd.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def assert_same_plan(run_cli: RunCli, result: Result, out: Path) -> None:
    """Exit 0, exactly the tasks of plan/tasks.yaml, and a plan that `dnnd validate` accepts."""
    assert result.exit_code == 0, result.output
    assert imported_tasks(out) == expected_tasks()
    validated = run_cli("validate", repo=out)
    assert validated.exit_code == 0, validated.output


def load(out: Path, name: str) -> dict:
    return yaml.safe_load((out / "plan" / name).read_text(encoding="utf-8"))


def test_inside_this_repository_gives_a_valid_plan(run_cli: RunCli, tmp_path: Path, in_project: None) -> None:
    result, _ = run_import(run_cli, DECISION, tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")


def test_decision_text_gives_the_embedded_plans_tasks(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    result, _ = run_import(run_cli, DECISION, tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    for name in ("plan.yaml", "agencies.yaml", "tasks.yaml", "events.yaml"):
        assert (tmp_path / "out" / "plan" / name).is_file()
    for rel in ("CODEOWNERS", "workflows/dnnd.yml", "workflows/pages.yml"):
        assert (tmp_path / "out" / ".github" / rel).is_file(), rel


def test_decision_metadata_comes_from_the_header(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    run_import(run_cli, DECISION, tmp_path / "out")
    plan = load(tmp_path / "out", "plan.yaml")
    decision = plan["decision"]
    assert (decision["number"], decision["date"]) == ("1228/QĐ-UBND", dt.date(2020, 5, 27))
    assert decision["issuer"] == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert decision["title"].startswith("Về việc ban hành kế hoạch triển khai Đề án")
    assert decision["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "Chủ tịch", "name": "Nguyễn Tấn Tuấn"}
    assert len(decision["legal_bases"]) == 3 and decision["legal_bases"][0].startswith("Luật Tổ chức chính quyền")
    assert plan["focal_point"] == "sngv"
    assert len(plan["purposes"]) == 3 and len(plan["requirements"]) == 4
    assert [duty["agencies"] for duty in plan["duties"]] == [["sngv"], ["lhhn"], ["stttt", "lienquan"], ["stc"]]


WORD_VARIANTS = {
    "plain": {},
    "split-tables": {"split": True},
    "multi-paragraph-cells": {"multi": True},
    "merged-section-rows": {"section": True},
    "merged-timing": {"merge_timing": True},
    "empty-trailing-rows": {"empty_rows": 3},
    "extra-column": {"extra_column": True},
    "two-row-header": {"two_row_header": True},
    "everything": {"split": True, "multi": True, "section": True, "merge_timing": True, "empty_rows": 2},
    "split-two-row-header": {"split": True, "two_row_header": True},
}


@pytest.mark.parametrize("options", WORD_VARIANTS.values(), ids=WORD_VARIANTS.keys())
def test_word_variants_give_the_same_tasks(run_cli: RunCli, tmp_path: Path, in_plan_repo: None, options: dict) -> None:
    document = build_docx(tmp_path / "qd.docx", **options)
    result, _ = run_import(run_cli, document, tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")


def test_word_section_rows_become_the_tasks_section(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    document = build_docx(tmp_path / "qd.docx", section=True, split=True)
    result, _ = run_import(run_cli, document, tmp_path / "out")
    assert result.exit_code == 0, result.output
    tasks = imported_tasks(tmp_path / "out", ("id", "ref", "section"))
    assert [task["section"] for task in tasks] == ["I. NHIỆM VỤ CHUNG"] * 7 + ["II. TUYÊN TRUYỀN"] * 8
    assert [task["id"] for task in tasks] == list(range(1, 16))


def test_extra_column_is_kept_as_notes_with_a_warning(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    document = build_docx(tmp_path / "qd.docx", extra_column=True, split=True)
    result, output = run_import(run_cli, document, tmp_path / "out")
    assert result.exit_code == 0, result.output
    notes = [task.get("notes") for task in load(tmp_path / "out", "tasks.yaml")["tasks"]]
    assert notes == [{"Ghi chú": f"Ghi chú {number}"} for number in range(1, 16)]
    assert "bảng 1, dòng 1: bảng có thêm cột Ghi chú" in output


def test_word_header_table_gives_number_and_date(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    document = build_docx(tmp_path / "qd.docx", header_table=True)
    result, _ = run_import(run_cli, document, tmp_path / "out")
    decision = load(tmp_path / "out", "plan.yaml")["decision"]
    assert (decision["number"], decision["date"]) == ("1228/QĐ-UBND", dt.date(2020, 5, 27))
    assert result.exit_code == 0, result.output


TEXT_VARIANTS = {"nfd": (nfd_text, "qd.txt"), "crlf": (crlf_text, "qd.txt"), "markdown": (markdown_text, "qd.md")}


@pytest.mark.parametrize("variant", TEXT_VARIANTS.values(), ids=TEXT_VARIANTS.keys())
def test_text_variants_give_the_same_tasks(run_cli: RunCli, tmp_path: Path, in_plan_repo: None, variant: tuple) -> None:
    make, name = variant
    result, _ = run_import(run_cli, text_file(tmp_path, make(), name), tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    assert "\u0300" not in (tmp_path / "out" / "plan" / "tasks.yaml").read_text(encoding="utf-8")


def test_markdown_table_has_header_and_separator() -> None:
    lines = markdown_text().splitlines()
    start = lines.index("| STT | Nhiệm vụ | Cơ quan, đơn vị chủ trì | Cơ quan, đơn vị phối hợp | Thời gian |")
    assert lines[start + 1] == "|---|---|---|---|---|"
    assert [line.split(" | ")[0] for line in lines[start + 2 : start + 17]] == [f"| {n}" for n in range(1, 16)]


def test_inconsistencies_are_warnings_with_where_they_are(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    result, output = run_import(run_cli, DECISION, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "dòng 50: kế hoạch ghi ban hành kèm Quyết định số 122/QĐ-UBND ngày 11 tháng 5 năm 2020" in output
    assert "đầu văn bản là số 1228/QĐ-UBND ngày 27/05/2020" in output
    assert "dòng 19: ngày viết sai dạng 'ngày 28 năm 8 năm 2019'" in output
    assert "dòng 72: dòng lạc '11/05/2020'" in output
    assert load(tmp_path / "out", "plan.yaml")["decision"]["number"] == "1228/QĐ-UBND"


def test_agency_list_ending_in_a_comma_is_warned(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    text = decision_text()
    row = "Sở Ngoại vụ; Các cơ quan, đơn vị, địa phương liên quan\tQuý IV hàng năm"
    assert text.count(row) == 1
    document = text_file(tmp_path, text.replace(row, row.replace("\t", ",\t")))
    result, output = run_import(run_cli, document, tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    assert "dòng 97: danh sách cơ quan kết thúc bằng dấu phẩy" in output
    assert "4 cảnh báo" in output


def test_summary_line(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    result, output = run_import(run_cli, DECISION, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"Đã ghi kế hoạch vào {tmp_path / 'out'}: {SUMMARY}" in output
    english = run_cli("--lang", "en", "import", str(DECISION), "--out", str(tmp_path / "en"))
    assert "15 tasks; 14 agencies matched, 0 created; 15/15 timing phrases understood; 3 warnings" in " ".join(
        english.output.split()
    )


def test_events_for_the_ministries_guidance(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    run_import(run_cli, DECISION, tmp_path / "out")
    events = load(tmp_path / "out", "events.yaml")["events"]
    assert events == yaml.safe_load((EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8"))["events"]
    agencies = {agency["id"]: agency for agency in load(tmp_path / "out", "agencies.yaml")["agencies"]}
    assert agencies["bng"]["name"] == "Bộ Ngoại giao" and agencies["bnv"]["kind"] == "external"


def test_yaml_has_real_vietnamese_letters(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    run_import(run_cli, DECISION, tmp_path / "out")
    names = ("plan.yaml", "agencies.yaml", "tasks.yaml", "events.yaml")
    texts = {name: (tmp_path / "out" / "plan" / name).read_text(encoding="utf-8") for name in names}
    for name, text in texts.items():
        assert "\\u" not in text and "\\x" not in text, name
    assert "name: Sở Ngoại vụ" in texts["agencies.yaml"]
    assert "timing: Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ" in texts["tasks.yaml"]
    assert "issuer: Ủy ban nhân dân tỉnh Khánh Hòa" in texts["plan.yaml"]


@pytest.mark.parametrize("existing", ["plan/plan.yaml", "plan/tasks.yaml"])
def test_refuses_an_existing_plan(run_cli: RunCli, tmp_path: Path, in_plan_repo: None, existing: str) -> None:
    out = tmp_path / "out"
    (out / "plan").mkdir(parents=True)
    (out / existing).write_text("# giữ nguyên\n", encoding="utf-8")
    result, output = run_import(run_cli, DECISION, out)
    assert result.exit_code == 2, result.output
    assert "không ghi đè" in output
    assert sorted(path.name for path in (out / "plan").iterdir()) == [Path(existing).name]
    assert (out / existing).read_text(encoding="utf-8") == "# giữ nguyên\n"
    assert not (out / "schema").exists() and not (out / ".github").exists()


def test_tracked_changes_are_refused(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    document = with_tracked_insertion(build_docx(tmp_path / "clean.docx"), tmp_path / "tracked.docx")
    result, output = run_import(run_cli, document, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Track Changes" in output and "chấp nhận hoặc từ chối" in output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("image", [True, False], ids=["image-only", "empty"])
def test_pdf_without_text_layer_is_refused(run_cli: RunCli, tmp_path: Path, in_plan_repo: None, image: bool) -> None:
    document = handmade_pdf(tmp_path / "scan.pdf", image=image)
    result, output = run_import(run_cli, document, tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "PDF không có lớp chữ" in output
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Word decision exported to PDF and saved as .doc by LibreOffice (once for the module)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    document = build_docx(folder / "qd.docx")
    return {"pdf": convert(document, "pdf"), "doc": convert(document, "doc")}


@needs_soffice
def test_doc_converted_by_libreoffice_imports(
    run_cli: RunCli, tmp_path: Path, in_plan_repo: None, converted: dict[str, Path]
) -> None:
    result, output = run_import(run_cli, converted["doc"], tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    assert "đoạn" in output and "3 cảnh báo" in output


@needs_soffice
def test_pdf_exported_by_libreoffice_gives_the_same_tasks(
    run_cli: RunCli, tmp_path: Path, in_plan_repo: None, converted: dict[str, Path]
) -> None:
    result, _ = run_import(run_cli, converted["pdf"], tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    plan = load(tmp_path / "out", "plan.yaml")
    assert [duty["agencies"] for duty in plan["duties"]] == [["sngv"], ["lhhn"], ["stttt", "lienquan"], ["stc"]]


def test_unknown_agency_becomes_a_new_agency(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    text = decision_text().replace("\tSở Nội vụ\tSau khi", "\tĐoàn Đại biểu Quốc hội tỉnh\tSau khi")
    result, output = run_import(run_cli, text_file(tmp_path, text), tmp_path / "out")
    assert result.exit_code == 0, result.output
    task = load(tmp_path / "out", "tasks.yaml")["tasks"][0]
    assert task["support"] == ["ddbqh"]
    agencies = {agency["id"]: agency for agency in load(tmp_path / "out", "agencies.yaml")["agencies"]}
    assert agencies["ddbqh"]["name"] == "Đoàn Đại biểu Quốc hội tỉnh"
    assert "cơ quan mới 'Đoàn Đại biểu Quốc hội tỉnh'" in output and "đặt mã 'ddbqh'" in output
    assert "1 cơ quan mới" in output


@pytest.mark.parametrize("numbers", ["dotted", "restart"])
def test_section_rows_and_dotted_numbers(run_cli: RunCli, tmp_path: Path, in_plan_repo: None, numbers: str) -> None:
    result, output = run_import(run_cli, text_file(tmp_path, sectioned_text(numbers)), tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    tasks = imported_tasks(tmp_path / "out", ("id", "ref", "section"))
    refs = [f"1.{n}" for n in range(1, 8)] + [f"2.{n}" for n in range(1, 9)]
    if numbers == "restart":
        refs = [ref.split(".")[1] for ref in refs]
    assert [task["ref"] for task in tasks] == refs
    sections = ["I. CÔNG TÁC THAM MƯU"] * 7 + ["II. CÔNG TÁC TUYÊN TRUYỀN"] * 8
    assert [task["section"] for task in tasks] == sections
    assert "số gốc giữ ở ref" in output


def test_unparseable_timing_is_kept_with_a_warning(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    text = decision_text().replace("\tQuý III/2020", "\tKhi bố trí được kinh phí")
    result, output = run_import(run_cli, text_file(tmp_path, text), tmp_path / "out")
    assert result.exit_code == 1, result.output
    tasks = load(tmp_path / "out", "tasks.yaml")["tasks"]
    assert tasks[3]["timing"] == "Khi bố trí được kinh phí"
    assert "không hiểu thời gian 'Khi bố trí được kinh phí' của nhiệm vụ 4" in output
    assert "14/15 cụm thời gian hiểu được" in output and "cần sửa" in output
    assert run_cli("validate", repo=tmp_path / "out").exit_code == 1


def test_outside_a_plan_repository_leads_get_the_built_in_ids(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result, _ = run_import(run_cli, DECISION, tmp_path / "out")
    assert result.exit_code in (0, 1), result.output
    leads = [task["lead"] for task in load(tmp_path / "out", "tasks.yaml")["tasks"]]
    assert leads == [task["lead"] for task in expected_tasks()]
    agencies = {agency["id"]: agency["name"] for agency in load(tmp_path / "out", "agencies.yaml")["agencies"]}
    assert agencies["sngv"] == "Sở Ngoại vụ" and agencies["lhhn"] == "Liên hiệp các tổ chức hữu nghị tỉnh"
    assert agencies["bng"] == "Bộ Ngoại giao"


def test_outside_a_plan_repository_uses_the_built_in_registry(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result, output = run_import(run_cli, DECISION, tmp_path / "out")
    assert_same_plan(run_cli, result, tmp_path / "out")
    ids = [agency["id"] for agency in load(tmp_path / "out", "agencies.yaml")["agencies"]]
    assert {"sngv", "lhhn", "snv", "stttt", "lienquan", "bng", "bnv"} <= set(ids)
    assert "0 cơ quan mới" in output


def test_built_in_registry_gives_the_embedded_plans_agencies_their_ids() -> None:
    from importlib import resources

    built_in = yaml.safe_load(
        (resources.files("dnnd.authoring.importing") / "registry.yaml").read_text(encoding="utf-8")
    )
    for entry in built_in["agencies"]:
        assert set(entry) <= {"id", "name", "short_name", "kind", "aliases"}, entry
    registry = Registry.of((entry["id"], entry["name"], entry.get("aliases") or []) for entry in built_in["agencies"])
    for agency in yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]:
        assert registry.match(agency["name"]) == agency["id"], agency["name"]


def test_agencies_file_is_used_when_given(run_cli: RunCli, tmp_path: Path, in_plan_repo: None) -> None:
    agencies = registry_agencies()
    for agency in agencies["agencies"]:
        if agency["id"] == "sngv":
            agency["id"] = "ngoaivu"
        if agency["id"] == "stttt":
            agency["aliases"] = ["Sở TT&TT"]
    registry = tmp_path / "danh-muc.yaml"
    registry.write_text(yaml.safe_dump(agencies, allow_unicode=True), encoding="utf-8")
    text = decision_text().replace("\tSở Thông tin và Truyền thông\t", "\tSở TT&TT\t")
    result, output = run_import(run_cli, text_file(tmp_path, text), tmp_path / "out", "--agencies", str(registry))
    assert result.exit_code == 0, result.output
    tasks = load(tmp_path / "out", "tasks.yaml")["tasks"]
    assert tasks[0]["lead"] == ["ngoaivu"] and tasks[7]["lead"] == ["stttt"]
    assert "0 cơ quan mới" in output
