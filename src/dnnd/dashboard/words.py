"""How the dashboard writes numbers, dates and periods in the reader's language, and the words its pages
share (headings, navigation), each written once in both languages."""

from __future__ import annotations

import datetime as dt

from dnnd.i18n import Text
from dnnd.plan.periods import Period
from dnnd.plan.vietnamese import ROMAN, dmy, grouped, period_phrase

WORDS = {
    "overview": Text("Tổng quan", "Overview"),
    "national": Text("Toàn quốc", "National"),
    "province": Text("Tỉnh, thành phố", "Province"),
    "failed": Text("Không đọc được kho", "The repository could not be read"),
    "trend": Text("Diễn biến", "Trend"),
    "agencies": Text("Cơ quan", "Agencies"),
    "tasks": Text("Nhiệm vụ", "Tasks"),
    "task": Text("Nhiệm vụ", "Task"),
    "agency": Text("Cơ quan", "Agency"),
    "status": Text("Tình trạng", "Status"),
    "due": Text("Hạn", "Due"),
    "done_on": Text("Ngày hoàn thành", "Done on"),
    "lead": Text("Chủ trì", "Lead"),
    "support": Text("Phối hợp", "Support"),
    "timing": Text("Thời gian thực hiện", "Timing"),
    "quarter": Text("Quý", "Quarter"),
    "count": Text("Số lượng", "Count"),
    "data_to": Text("Số liệu đến ngày", "Data as of"),
    "skip": Text("Bỏ qua, đến nội dung chính", "Skip to the content"),
    "made_by": Text(
        "Trang do dnnd dựng từ kho kế hoạch; mỗi biểu đồ có bảng số liệu ngay sau.",
        "Pages built by dnnd from the plan repository; each chart is followed by its data table.",
    ),
    "none": Text("Không có.", "None."),
    "period": Text("Kỳ", "Period"),
    "summary": Text("Kết quả", "Result"),
    "difficulties": Text("Khó khăn, vướng mắc", "Difficulties"),
    "proposals": Text("Đề xuất, kiến nghị", "Proposals"),
    "documents": Text("Văn bản đã ban hành", "Documents issued"),
    "updates": Text("Các báo cáo về nhiệm vụ (mới nhất trước)", "Updates on the task (newest first)"),
    "activities": Text("Hoạt động", "Activities"),
    "submissions": Text("Báo cáo theo quý", "Reports by quarter"),
    "reached_on": Text("Ngày nhận báo cáo", "Received on"),
    "submission_due": Text("Hạn nộp", "Due"),
    "days_late": Text("Số ngày muộn", "Days late"),
    "missing_tasks": Text("Nhiệm vụ chưa báo cáo", "Tasks not reported on"),
    "kind": Text("Loại", "Kind"),
    "title": Text("Nội dung", "Title"),
    "start": Text("Bắt đầu", "Start"),
    "countries": Text("Quốc gia", "Countries"),
    "people": Text("Số người", "People"),
    "legend": Text("Chú giải", "Legend"),
    "attention": Text("Nhiệm vụ cần chú ý", "Tasks needing attention"),
    "not_reported": Text("Cơ quan chưa báo cáo", "Agencies that have not reported"),
    "reporting": Text("Tình hình báo cáo của các cơ quan", "The agencies' reporting"),
    "late": Text("Cơ quan báo cáo muộn", "Agencies that reported late"),
    "pending": Text("Chưa đến hạn báo cáo", "Reports not yet due"),
    "figures": Text("Số liệu hoạt động đối ngoại nhân dân", "People-to-people diplomacy figures"),
    "figures_compared": Text(
        "Số hoạt động trong kỳ, so với kỳ trước, cùng kỳ năm trước và lũy kế từ đầu năm; số người trong kỳ",
        "Activities in the period, the period before, a year earlier and the year to date; people in the period",
    ),
    "chart_data": Text("Số liệu của biểu đồ", "The chart's data"),
    "role": Text("Vai trò", "Role"),
    "by_quarter": Text("Tình trạng theo từng quý", "Status quarter by quarter"),
    "number": Text("Số, ký hiệu", "Number"),
    "date": Text("Ngày", "Date"),
    "no_history": Text(
        "Không đọc được lịch sử git của kho: ngày nộp và báo cáo muộn không được tính.",
        "The repository's git history could not be read: submission days and lateness are not shown.",
    ),
}


class Writer:
    """Numbers, dates, periods and words in one language: Vietnamese (1.500.000; 05/02/2021; quý IV năm
    2020) or English (1,500,000; 2021-02-05; 2020-Q4)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.words = {key: text.in_(lang) for key, text in WORDS.items()}

    def __call__(self, text: Text) -> str:
        return text.in_(self.lang)

    def number(self, value: int) -> str:
        return grouped(value) if self.lang == "vi" else f"{value:,}"

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        return dmy(day) if self.lang == "vi" else day.isoformat()

    def period(self, period: Period) -> str:
        """The period in a heading: 'quý IV năm 2020' / '2020-Q4'."""
        return period_phrase(period) if self.lang == "vi" else period.name

    def country(self, code: str) -> str:
        """A country's name: Vietnamese where dnnd has it (else ISO's English), English in English."""
        from dnnd.plan.countries import country_name, iso_countries

        return country_name(code).name if self.lang == "vi" else iso_countries().get(code, code)

    def quarter(self, quarter: Period) -> str:
        """A quarter along a chart's axis: 'IV/2020' / '2020-Q4'."""
        return f"{ROMAN[quarter.first_quarter]}/{quarter.year}" if self.lang == "vi" else quarter.name
