"""The report's figures, read back from the .docx: the paragraph that opens section I, and Phụ lục II."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from tests.acceptance.activity_scenario import SCENARIO
from tests.conftest import MakeRepo, RunCli
from tests.docx_helpers import after, generate, texts

VALID = {rel: text for rel, text in SCENARIO.items() if "/snv/" not in rel}
OPENING = "2. Hoạt động đối ngoại nhân dân trong kỳ"
FIGURES = (  # not compared with 2019-Q4: the plan reports from 2020-Q3
    "Trong kỳ, các cơ quan, đơn vị đã đón 2 đoàn vào với 18 người (Hàn Quốc 2 đoàn, Nhật Bản 1 đoàn), tăng 1 đoàn "
    "so với quý trước; tiếp nhận 2 khoản viện trợ phi chính phủ nước ngoài (1 dự án, 1 cứu trợ khẩn cấp), giá trị "
    "cam kết 1,5 tỷ đồng và 5.000 USD (tương đương 1.615.000.000 đồng), giải ngân 300 triệu đồng, tăng 1 khoản so "
    "với quý trước; thực hiện 2 hoạt động tuyên truyền với 13 tin, bài, tăng 2 hoạt động so với quý trước."
)

KIND_LABELS = [
    *("Đoàn vào", "Đoàn ra", "Hội nghị, sự kiện", "Viện trợ PCPNN"),
    *("Thỏa thuận quốc tế", "Tập huấn", "Tuyên truyền", "Khác"),
]
SHARED_ROW = [
    *("1", "05/10/2020 - 08/10/2020", "Đoàn vào", "Đoàn tỉnh Shizuoka", "Nhật Bản, Hàn Quốc"),
    *("Hội hữu nghị tỉnh Shizuoka", "14 người", "Liên hiệp các tổ chức hữu nghị tỉnh; Sở Ngoại vụ"),
]


def report(run_cli: RunCli, root: Path, *args: str) -> Document:
    return generate(run_cli, root, "report", *(args or ("--quarter", "2020-Q4", "--date", "2020-12-16")))


def test_section_one_opens_with_the_figures_compared_and_the_rate_used(run_cli: RunCli, make_repo: MakeRepo) -> None:
    following = after(report(run_cli, make_repo(VALID)), OPENING)
    assert following[:6] == [
        FIGURES,
        "Trong kỳ không có hội nghị, sự kiện (quý trước có 1 hội nghị, sự kiện).",
        "Lũy kế từ đầu năm 2020: 3 đoàn vào, 1 hội nghị, sự kiện, 3 khoản viện trợ, 2 hoạt động tuyên truyền.",
        "Giá trị quy đổi theo tỷ giá năm 2020: 1 USD = 23.000 đồng (tỷ giá của bài kiểm thử).",
        "(Chi tiết tại Phụ lục II kèm theo.)",
        "3. Kết quả thực hiện các nhiệm vụ (chi tiết tại Phụ lục I; báo cáo của các cơ quan, đơn vị tại Phụ lục III kèm "
        "theo)",
    ]


def test_counts_below_ten_take_a_leading_zero_when_the_plan_asks(run_cli: RunCli, make_repo: MakeRepo) -> None:
    plan = VALID["plan/plan.yaml"].replace(
        "  abbreviation: SNgV\n", "  abbreviation: SNgV\n  leading_zero_counts: true\n"
    )
    following = after(report(run_cli, make_repo({**VALID, "plan/plan.yaml": plan})), OPENING)
    assert following[0].startswith("Trong kỳ, các cơ quan, đơn vị đã đón 02 đoàn vào với 18 người (Hàn Quốc 02 đoàn")
    assert "tiếp nhận 02 khoản viện trợ" in following[0] and "1.615.000.000 đồng" in following[0]


def test_phu_luc_two_holds_the_table_of_kinds_and_the_list_of_activities(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = report(run_cli, make_repo(VALID), "--quarter", "2020-Q4", "--date", "2020-12-16", "--number", "5")
    assert after(document, "PHỤ LỤC II")[:2] == [
        "THỐNG KÊ HOẠT ĐỘNG ĐỐI NGOẠI NHÂN DÂN QUÝ IV NĂM 2020",
        "(Kèm theo Báo cáo số 05/BC-SNgV ngày 16/12/2020 của Sở Ngoại vụ)",
    ]
    kinds, listed = ([[cell.text for cell in row.cells] for row in table.rows] for table in document.tables[3:5])
    assert kinds[0] == [
        "Loại hoạt động",
        "Quý IV/2020",
        "Quý III/2020 (kỳ trước)",
        "Quý IV/2019 (cùng kỳ)",
        "Lũy kế năm 2020",
    ]
    assert kinds[1] == ["Đoàn vào", "2 đoàn; 18 người", "1 đoàn; 10 người", "-", "3 đoàn; 28 người"]
    assert kinds[4][1] == "2 khoản; cam kết 1,5 tỷ đồng và 5.000 USD; giải ngân 300 triệu đồng"
    assert [row[0] for row in kinds[1:]] == KIND_LABELS
    assert listed[1] == SHARED_ROW
    assert [row[6] for row in listed[2:]] == ["12 tin, bài", "1 tin, bài", "4 người", "1,5 tỷ đồng", "5.000 USD"]


def test_the_first_years_report_compares_with_no_year_before_the_plan_and_has_no_year_to_date(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    document = report(run_cli, make_repo(VALID), "--year", "2020", "--date", "2020-12-20")
    opening = after(document, OPENING)[0]
    assert opening.startswith("Trong kỳ, các cơ quan, đơn vị đã đón 3 đoàn vào với 28 người")
    assert "so với năm trước" not in opening  # 2019 comes before the plan's first reporting quarter
    assert not any(text.startswith("Lũy kế") for text in texts(document))
    assert [cell.text for cell in document.tables[3].rows[0].cells] == [
        "Loại hoạt động",
        "Năm 2020",
        "Năm 2019 (cùng kỳ)",
    ]


def test_a_quarter_without_activities_says_so_in_both_places(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = report(run_cli, make_repo())
    assert after(document, OPENING)[0] == "Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào."
    assert len(document.tables[4].rows) == 1  # the header alone
    assert texts(document).count("Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào.") == 2
