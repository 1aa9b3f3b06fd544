"""`dnnd remind`: the letter urging (đôn đốc) the agencies with missing entries, read back from the .docx."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import docx
import yaml

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.docx_helpers import SAMPLE, W, after, find, font, generate, looks, texts, update
from tests.forge_helpers import with_forge

ARGS = ("--quarter", "2020-Q4", "--date", "2020-12-16", "--number", "3")
LHHN = "Liên hiệp các tổ chức hữu nghị tỉnh"
TITLES = {t["id"]: t["title"] for t in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}


def _missing(run_cli: RunCli, repo: Path) -> list[dict]:
    result = run_cli("missing", "--quarter", "2020-Q4", "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["missing"]


def test_number_subject_line_and_one_addressee_per_missing_agency(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    document = generate(run_cli, repo, "remind", *ARGS)
    number = find(document, "Số: 03/SNgV-HTQT")
    subject = number._p.getnext()
    assert subject is not None and "".join(subject.itertext()).startswith("V/v ")
    subject_text = after(document, "Số: 03/SNgV-HTQT")[0]
    assert subject_text.startswith("V/v đôn đốc báo cáo") and "quý IV năm 2020" in subject_text
    assert all(12 <= size <= 13 for size, _, _ in looks(document, find(document, subject_text)))
    names = [item["name"] for item in _missing(run_cli, repo) if item["agency"] != "sngv"]
    assert "Sở Ngoại vụ" not in names and LHHN in names and len(names) >= 5
    lines = after(document, "Kính gửi:")[: len(names) + 1]
    assert lines[:-1] == [f"- {name};" for name in names[:-1]] + [f"- {names[-1]}."]
    assert not lines[-1].startswith("- ")


def test_tasks_not_reported_listed_per_agency(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    document = generate(run_cli, repo, "remind", *ARGS)
    for item in _missing(run_cli, repo):
        if item["agency"] == "sngv":
            assert f"{item['name']}:" not in texts(document)
            continue
        listed = after(document, f"{item['name']}:")[: len(item["tasks"]) + 1]
        assert listed[:-1] == [f"- Nhiệm vụ {n}: {TITLES[n]}" for n in item["tasks"]]
        assert not listed[-1].startswith("- Nhiệm vụ")
    lhhn = next(item for item in _missing(run_cli, repo) if item["agency"] == "lhhn")
    assert 5 not in lhhn["tasks"] and 14 not in lhhn["tasks"]  # reported in SAMPLE


def test_reply_deadline_defaults_to_seven_days_after_the_date(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    default = " ".join(texts(generate(run_cli, repo, "remind", *ARGS)))
    assert "trước ngày 23/12/2020" in default
    chosen = " ".join(texts(generate(run_cli, repo, "remind", *ARGS, "--deadline", "2021-01-05", name="m2.docx")))
    assert "trước ngày 05/01/2021" in chosen and "23/12/2020" not in chosen


def test_nothing_written_when_nobody_but_the_sender_is_missing(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    files: dict[str, str] = {}
    for item in _missing(run_cli, repo):
        if item["agency"] != "sngv":
            entries = [{"task": n, "status": "in_progress", "summary": "Đang thực hiện."} for n in item["tasks"]]
            files.update(update(item["agency"], "2020-Q4", entries))
    repo = make_repo(files, name="complete")
    assert {item["agency"] for item in _missing(run_cli, repo)} == {"sngv"}
    result = run_cli("remind", *ARGS, "-o", str(repo / "m.docx"), repo=repo)
    assert result.exit_code == 0, result.output
    assert not (repo / "m.docx").exists() and not (repo / "reports").exists()


def test_existing_letter_is_kept_without_force(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(SAMPLE)
    target = tmp_path / "m.docx"
    target.write_bytes(b"signed copy")
    result = run_cli("remind", *ARGS, "-o", str(target), repo=repo)
    assert result.exit_code != 0 and "--force" in result.output
    assert target.read_bytes() == b"signed copy"
    assert run_cli("remind", *ARGS, "-o", str(target), "--force", repo=repo).exit_code == 0
    assert "Số: 03/SNgV-HTQT" in texts(docx.Document(str(target)))
    assert run_cli("remind", *ARGS, repo=repo).exit_code == 0
    assert any("2020-Q4" in path.name for path in (repo / "reports").glob("*.docx"))


def test_letter_is_a4_in_times_new_roman(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = generate(run_cli, make_repo(SAMPLE), "remind", *ARGS)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    runs = [(p, r) for p in document.element.body.iter(f"{W}p") for r in p.iter(f"{W}r")]
    assert runs and all(
        font(document, p, r, slot) == "Times New Roman" for p, r in runs for slot in ("ascii", "hAnsi", "cs")
    )
    assert looks(document, find(document, "Số: 03/SNgV-HTQT")) == {(13, False, False)}
    assert find(document, "Khánh Hòa, ngày 16 tháng 12 năm 2020") and find(document, "Kính gửi:")


def test_a_deadline_before_the_letter_is_refused(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    args = ("remind", "--quarter", "2020-Q4", "--date", "2020-12-10", "--deadline", "2020-12-01")
    result = run_cli(*args, "-o", str(tmp_path / "l.docx"), repo=make_repo())
    assert result.exit_code == 2 and "phải sau ngày của công văn" in result.output
    assert not (tmp_path / "l.docx").exists()


def test_option_errors_are_in_vietnamese(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("report", "--quarter", "2020-Q4", "--number", "-5", repo=make_repo())
    assert result.exit_code == 2 and "phải từ 1 trở lên" in result.output and "Input should" not in result.output


def test_with_a_forge_the_letter_gives_each_agency_the_form_and_a_short_link(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    repo = make_repo({**SAMPLE, **with_forge()})
    result = run_cli("remind", *ARGS, "-o", str(repo.parent / "l.docx"), repo=repo)
    assert result.exit_code == 0, result.output
    assert "gửi kèm công văn biểu mẫu Excel: dnnd form --agency bdv --quarter 2020-Q4" in result.stdout
    document = docx.Document(str(repo.parent / "l.docx"))
    line = next(text for text in texts(document) if text.startswith("- Ban Tuyên giáo Tỉnh ủy (quý IV năm 2020): "))
    url = line.rsplit(" ", 1)[1]
    assert parse_qs(urlsplit(url).query, strict_parsing=True) == {"filename": ["plan/updates/btg/2020-Q4.yaml"]}
    assert len(url) < 120  # a printed letter carries an address one can type
    closing = next(text for text in texts(document) if text.endswith("./."))
    assert texts(document).index(line) < texts(document).index(closing)
