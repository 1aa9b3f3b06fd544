"""What the report says, read back from the .docx: sections, attribution, counts, appendix, provenance."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile
from pathlib import Path

import docx
import yaml
from lxml import etree

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.docx_helpers import REPORT_ARGS, SAMPLE, after, generate, texts, update

HEADINGS = [
    "I. KẾT QUẢ THỰC HIỆN",
    "II. ĐÁNH GIÁ CHUNG",
    "III. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN",
    "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
]
LHHN, SNGV, SNV = "Liên hiệp các tổ chức hữu nghị tỉnh", "Sở Ngoại vụ", "Sở Nội vụ"
TASKS = {task["id"]: task for task in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}
AGENCIES = {
    a["id"]: a["name"] for a in yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text("utf-8"))["agencies"]
}
BNG_OCCURRED = (
    (EMBEDDED_PLAN / "events.yaml").read_text("utf-8").replace("occurred_on: null", "occurred_on: 2020-11-02", 1)
)


def _items(texts: list[str]) -> list[str]:
    """Paragraphs without the ';' or '.' that ends an item of a list (the last item ends with '.')."""
    return [text.removesuffix(";").removesuffix(".") for text in texts]


def _section(all_texts: list[str], heading: str) -> list[str]:
    """The paragraphs under a section heading, up to the next heading (or the closing sentence)."""
    rest = all_texts[all_texts.index(heading) + 1 :]
    ends = [i for i, text in enumerate(rest) if text in HEADINGS or text.endswith("xem xét, chỉ đạo./.")]
    return rest[: ends[0]]


def _git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def test_sections_I_to_V_in_order(run_cli: RunCli, make_repo: MakeRepo) -> None:
    all_texts = texts(generate(run_cli, make_repo(SAMPLE)))
    assert [text for text in all_texts if text in HEADINGS] == HEADINGS
    assert all_texts.index(HEADINGS[-1]) < all_texts.index(
        "Sở Ngoại vụ báo cáo Ủy ban nhân dân tỉnh Khánh Hòa xem xét, chỉ đạo./."
    )


def _task(results: list[str], number: int) -> list[str]:
    """The paragraphs of section I about one task, its heading first."""
    start = results.index(f"Nhiệm vụ {number}: {TASKS[number]['title']}")
    following = [i for i, text in enumerate(results[start + 1 :], start + 1) if text.startswith("Nhiệm vụ ")]
    return results[start : following[0] if following else len(results)]


def _appendix_three(all_texts: list[str], agency: str) -> list[str]:
    """The paragraphs of Phụ lục III under one agency, up to the next agency."""
    start = next(
        i for i, text in enumerate(all_texts) if text.endswith(f". {agency}") and i > all_texts.index("PHỤ LỤC III")
    )
    following = [
        i for i, text in enumerate(all_texts[start + 1 :], start + 1) if text[:1].isdigit() and ". " in text[:4]
    ]
    return all_texts[start + 1 : following[0] if following else len(all_texts)]


def test_without_its_text_section_one_drafts_each_task_from_its_leads(run_cli: RunCli, make_repo: MakeRepo) -> None:
    results = _section(texts(generate(run_cli, make_repo(SAMPLE))), HEADINGS[0])
    assert _task(results, 5)[1:] == [
        "Tình trạng: Thường xuyên.",
        "SNgV: Đã tham mưu UBND tỉnh ban hành văn bản hướng dẫn.",
        "LHHN: Đã hướng dẫn 03 hội hữu nghị thực hiện quy định về hoạt động đối ngoại nhân dân.",
    ]
    task14 = _task(results, 14)
    assert task14[1].startswith("Tình trạng: Đã hoàn thành đúng hạn") and "01/12/2020" in task14[1]
    assert task14[2:] == ["Đã trình UBND tỉnh khen thưởng 05 tập thể và 12 cá nhân.", "Đã tổ chức lễ trao tặng."]


def test_every_agencys_own_text_and_documents_are_in_appendix_three(run_cli: RunCli, make_repo: MakeRepo) -> None:
    all_texts = texts(generate(run_cli, make_repo(SAMPLE)))
    lhhn = _appendix_three(all_texts, LHHN)
    assert lhhn[lhhn.index(f"Nhiệm vụ 14 (chủ trì): {TASKS[14]['title']}") + 1 :][:3] == [
        "Đã trình UBND tỉnh khen thưởng 05 tập thể và 12 cá nhân.",
        "Đã tổ chức lễ trao tặng.",
        "Văn bản số 45/LHHN-VP ngày 20/11/2020: Về việc đề nghị khen thưởng năm 2020",
    ]
    assert _appendix_three(all_texts, SNV)[:2] == [
        f"Nhiệm vụ 2 (phối hợp): {TASKS[2]['title']}",
        "Đã góp ý dự thảo quy chế.",
    ]


def test_results_of_support_agencies_and_tasks_nobody_reported(run_cli: RunCli, make_repo: MakeRepo) -> None:
    results = _section(texts(generate(run_cli, make_repo(SAMPLE))), HEADINGS[0])
    assert [text for text in results if text.startswith("Nhiệm vụ ")] == [
        f"Nhiệm vụ {number}: {task['title']}" for number, task in TASKS.items()
    ]
    assert _task(results, 2)[2:] == ["Đã góp ý dự thảo quy chế phối hợp."]  # the lead's; the supporter's in III
    assert _task(results, 1)[1:] == [
        "Tình trạng: Chờ điều kiện.",
        "Chưa triển khai do chưa có hướng dẫn của Bộ Ngoại giao và hướng dẫn của Bộ Nội vụ.",  # what the draft says
    ]
    assert _task(results, 4)[1:] == [
        "Tình trạng: Quá hạn chưa hoàn thành (hạn 30/09/2020).",
        "Chưa có cơ quan nào báo cáo về nhiệm vụ này trong kỳ.",
    ]


def test_assessment_counts_and_agencies_that_did_not_report(run_cli: RunCli, make_repo: MakeRepo) -> None:
    assessment = _section(texts(generate(run_cli, make_repo(SAMPLE))), HEADINGS[1])
    assert assessment[:6] == [
        "1. Tình hình thực hiện: tổng số 15 nhiệm vụ, trong đó:",
        "- Đã hoàn thành: 1 nhiệm vụ (đúng hạn: 1; quá hạn: 0; không có thời hạn: 0);",
        "- Chưa hoàn thành: 3 nhiệm vụ (đang thực hiện trong hạn: 0; quá hạn: 3);",
        "- Thực hiện thường xuyên: 8 nhiệm vụ;",
        "- Chờ điều kiện (chờ hướng dẫn của cấp trên): 3 nhiệm vụ.",
        "2. Tình hình báo cáo của các cơ quan, đơn vị:",
    ]
    assert assessment[6] == "Các cơ quan, đơn vị chưa báo cáo quý IV năm 2020:"
    missing = assessment[7 : assessment.index("3. Kết quả nổi bật")]
    assert f"- {SNV}: nhiệm vụ 3, 4, 5, 13, 15" in _items(missing)  # task 2 reported
    assert not any(line.startswith(f"- {SNGV}:") for line in missing)  # the focal point signs: `--check` tells it
    assert f"- {LHHN}: nhiệm vụ 2, 3, 4, 6, 7, 11, 12, 13, 15" in _items(missing)  # 5 and 14 reported
    assert all(line.startswith("- ") and line.endswith(";") for line in missing[:-1]) and missing[-1].endswith(".")


def test_half_year_lists_missing_agencies_per_quarter(run_cli: RunCli, make_repo: MakeRepo) -> None:
    q3 = update(
        "stttt", "2020-Q3", [{"task": n, "status": "in_progress", "summary": "Đang xây dựng."} for n in (8, 11)]
    )
    document = generate(run_cli, make_repo({**SAMPLE, **q3}), "report", "--half", "2020-H2", "--date", "2020-12-20")
    assessment = _section(texts(document), HEADINGS[1])
    q3_start = assessment.index("Các cơ quan, đơn vị chưa báo cáo quý III năm 2020:")
    q4_start = assessment.index("Các cơ quan, đơn vị chưa báo cáo quý IV năm 2020:")
    in_q3, in_q4 = assessment[q3_start + 1 : q4_start], assessment[q4_start + 1 :]
    stttt = "- Sở Thông tin và Truyền thông: nhiệm vụ 8, 11"
    assert stttt not in _items(in_q3) and stttt in _items(in_q4)
    assert f"- {SNV}: nhiệm vụ 2, 3, 4, 5, 13, 15" in _items(in_q3) and f"- {SNV}: nhiệm vụ 3, 4, 5, 13, 15" in _items(
        in_q4
    )
    assert not any(text.startswith(f"- {SNGV}:") for text in in_q3 + in_q4)  # the signer never lists itself
    assert "Kết quả thực hiện" in after(document, "BÁO CÁO")[0] and after(document, "BÁO CÁO")[0].endswith(
        "6 tháng cuối năm 2020"
    )


def test_difficulties_and_proposals_are_kept_in_appendix_three(run_cli: RunCli, make_repo: MakeRepo) -> None:
    extra = update(
        "snv",
        "2020-Q4",
        [
            {
                "task": 2,
                "status": "blocked",
                "summary": "Chờ ý kiến.",
                "difficulties": "Thiếu nhân lực.\nThiếu hướng dẫn.",
            }
        ],
    )
    all_texts = texts(generate(run_cli, make_repo({**SAMPLE, **extra})))
    snv = _appendix_three(all_texts, SNV)
    assert snv[snv.index("Chờ ý kiến.") :][:4] == [
        "Chờ ý kiến.",
        "Khó khăn, vướng mắc:",
        "Thiếu nhân lực.",
        "Thiếu hướng dẫn.",
    ]
    lhhn = _appendix_three(all_texts, LHHN)
    assert lhhn[lhhn.index("Kiến nghị, đề xuất:") + 1] == "Đề nghị Sở Ngoại vụ tổ chức tập huấn chung."
    assert "Kinh phí khen thưởng còn hạn chế." in lhhn
    unwritten = "[Chưa viết: cơ quan đầu mối viết phần này trong plan/reports/2020-Q4.yaml]"
    assert _section(all_texts, HEADINGS[3]) == [unwritten]  # an agency's proposal is not the focal point's


def test_next_period_lists_overdue_first_then_guided_tasks_and_ongoing_in_one_line(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    repo = make_repo({**SAMPLE, "plan/events.yaml": BNG_OCCURRED})
    focus = _section(texts(generate(run_cli, repo)), HEADINGS[4])
    assert focus[0] == f"- Nhiệm vụ 4: {TASKS[4]['title']} (đã quá hạn 30/09/2020)."  # overdue first
    assert f"- Nhiệm vụ 8: {TASKS[8]['title']} (đã quá hạn 17/11/2020)." in focus
    assert focus[-1] == "- Tiếp tục thực hiện các nhiệm vụ thường xuyên (nhiệm vụ 2, 3, 5, 6, 7, 11, 12, 15)."
    assert f"- Nhiệm vụ 9: {TASKS[9]['title']} (đã có hướng dẫn của cấp trên trong kỳ)." in focus
    assert not any(text.startswith("- Nhiệm vụ 14:") for text in focus)  # done; next due 31/12/2021


def test_appendix_reference_and_one_row_per_task(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = generate(run_cli, make_repo(SAMPLE))
    assert "(Kèm theo Báo cáo số 05/BC-SNgV ngày 16/12/2020 của Sở Ngoại vụ)" in texts(document)
    rows = [[cell.text for cell in row.cells] for row in document.tables[2].rows]
    assert rows[0] == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Tình trạng", "Kết quả"]
    assert [row[0] for row in rows[1:]] == [str(n) for n in TASKS]
    for row in rows[1:]:
        task = TASKS[int(row[0])]
        names = ["; ".join(AGENCIES[a] for a in task[key]) for key in ("lead", "support")]
        assert row[1:5] == [task["title"], *names, task["timing"]]
    assert rows[4][5] == "Quá hạn chưa hoàn thành (hạn 30/09/2020)" and rows[2][5] == "Thường xuyên"
    assert rows[14][5].startswith("Đã hoàn thành đúng hạn")
    assert rows[14][6] == "Đã trình UBND tỉnh khen thưởng 05 tập thể và 12 cá nhân. Đã tổ chức lễ trao tặng."


def test_core_properties_record_plan_period_and_commit(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "data")
    head = _git(repo, "rev-parse", "HEAD")
    properties = generate(run_cli, repo).core_properties
    assert properties.identifier == "khanhhoa-dnnd-2020"
    assert "period=2020-Q4" in properties.keywords and "plan=khanhhoa-dnnd-2020" in properties.keywords
    assert properties.comments.endswith(f"commit={head}")
    tasks_file = repo / "plan" / "tasks.yaml"
    tasks_file.write_text(tasks_file.read_text("utf-8") + "\n", encoding="utf-8")
    comments = generate(run_cli, repo, "report", *REPORT_ARGS, name="r2.docx").core_properties.comments
    assert f"commit={head}+uncommitted changes" in comments and "plan/" in comments


def test_same_commit_and_options_give_the_same_text(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    first, second = (generate(run_cli, repo, "report", *REPORT_ARGS, name=name) for name in ("a.docx", "b.docx"))
    assert texts(first) == texts(second)
    assert [[c.text for r in t.rows for c in r.cells] for t in first.tables] == [
        [c.text for r in t.rows for c in r.cells] for t in second.tables
    ]
    assert (first.core_properties.comments, first.core_properties.created) == (
        second.core_properties.comments,
        second.core_properties.created,
    )
    parts = [zipfile.ZipFile(repo.parent / name).read("word/document.xml") for name in ("a.docx", "b.docx")]
    assert parts[0] == parts[1]


def test_existing_output_is_kept_without_force(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(SAMPLE)
    target = tmp_path / "r.docx"
    target.write_bytes(b"edited by the clerk")
    result = run_cli("report", *REPORT_ARGS, "-o", str(target), repo=repo)
    assert result.exit_code != 0 and "--force" in result.output
    assert target.read_bytes() == b"edited by the clerk"
    result = run_cli("report", *REPORT_ARGS, "-o", str(target), "--force", repo=repo)
    assert result.exit_code == 0, result.output
    assert docx.Document(str(target)).paragraphs and target.read_bytes() != b"edited by the clerk"


def test_default_output_under_reports_names_the_period(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(SAMPLE)
    for args, period in ((REPORT_ARGS, "2020-Q4"), (("--half", "2020-H2"), "2020-H2"), (("--year", "2020"), "2020")):
        result = run_cli("report", *args, repo=repo)
        assert result.exit_code == 0, result.output
        written = [path for path in (repo / "reports").iterdir() if period in path.name and path.suffix == ".docx"]
        assert len(written) >= 1, sorted(path.name for path in (repo / "reports").iterdir())
    assert len(list((repo / "reports").glob("*.docx"))) == 3
    assert run_cli("report", *REPORT_ARGS, repo=repo).exit_code != 0  # the default path exists now


def test_annual_report_includes_the_yearly_tasks_results(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = generate(run_cli, make_repo(SAMPLE), "report", "--year", "2020", "--date", "2020-12-20")
    assessment = _section(texts(document), HEADINGS[1])
    yearly = assessment[assessment.index("4. Các nhiệm vụ thực hiện hằng năm, năm 2020:") + 1 :]
    assert yearly[0] == "- Nhiệm vụ 8: Quá hạn chưa hoàn thành (lần thực hiện năm 2020; hạn 17/11/2020);"
    assert yearly[1] == "- Nhiệm vụ 13: Quá hạn chưa hoàn thành (lần thực hiện năm 2020; hạn 17/11/2020);"
    assert yearly[2].startswith("- Nhiệm vụ 14: Đã hoàn thành đúng hạn (lần thực hiện năm 2020")
    assert after(document, "BÁO CÁO")[0].endswith(" năm 2020")
    assert "Các cơ quan, đơn vị chưa báo cáo quý III năm 2020:" in assessment
    assert "(Kèm theo Báo cáo số" in " ".join(texts(document)) and "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2020" in texts(
        document
    )


HOSTILE = [
    "a < b > c & d; \"double\" 'single' “curly” ‘x’ &amp; &lt;b&gt;",
    "{{ x }} {{x}} {% if x %}y{% endif %} {# c #} {{ p.text }}",
    "{_{ x }_} {_% if x %_} {%p for p in body %} {%tr endfor %} {{r x }} {%- raw -%}",
    "tab\there, literal \\t \\n \\a \\f and a backslash \\",
    "emoji 🇻🇳 👍🏽 👨‍👩‍👧 😀 ✅",
    "RTL مرحبا بالعالم שלום עולם (123) abc",
    "]]> <![CDATA[ x ]]> </w:t></w:r></w:p><w:p><w:r><w:t>injected",
    "__init__ _ {_ _} %_ _% \\ue000 written out",
]


def test_hostile_agency_text_is_shown_exactly(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    long_line = ("Dòng rất dài <&> {{ x }} {_{ y }_} " * 1000)[:20000].strip()
    text = "\n".join([*HOSTILE, long_line])
    title = ["Trích yếu {{ x }} <b>&amp;</b> {%p if %}", "dòng hai {_{ y }_} 👍"]
    issued = {"number": '45/<LHHN>&"VP"{_{', "date": dt.date(2020, 11, 20), "title": "\n".join(title)}
    tasks = [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15]
    entries = [
        {"task": n, "status": "in_progress", "summary": f"{n}: {text}", "difficulties": text, "proposals": text}
        | {"documents": [dict(issued) for _ in range(20)]}
        for n in tasks
    ]
    shown = texts(generate(run_cli, make_repo(update("lhhn", "2020-Q4", entries))))
    for line in [f"{n}: {HOSTILE[0]}" for n in tasks] + HOSTILE + [long_line, title[1]]:
        assert line in shown, line[:80]
    led = sum("lhhn" in TASKS[n]["lead"] for n in tasks)  # its summary is also the draft's synthesis in section I
    assert shown.count(long_line) == 3 * len(tasks) + led and shown.count(HOSTILE[1]) == 3 * len(tasks) + led
    assert shown.count(f'Văn bản số 45/<LHHN>&"VP"{{_{{ ngày 20/11/2020: {title[0]}') == 20 * len(tasks)
    assert shown.count(title[1]) == 20 * len(tasks) and not any("\n" in line for line in shown)
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        assert package.testzip() is None
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # well-formed


def test_the_report_file_gets_the_usual_permissions(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    assert run_cli("report", "--quarter", "2020-Q4", "-o", str(target), repo=make_repo()).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
