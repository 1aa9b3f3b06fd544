"""The *Hướng dẫn* sheet of the Excel form: how a clerk fills it in and sends it, in Vietnamese."""

from __future__ import annotations

from dnnd.authoring.forms import layout
from dnnd.plan.periods import Period
from dnnd.plan.successions import Successions
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.repository import Repository


def guide_lines(repo: Repository, agency_id: str, quarter: Period) -> list[str]:
    """One line per row of the sheet."""
    agency = repo.agencies[agency_id]
    window = quarter.window(repo.plan.reporting.windows)
    focal_id = Successions(repo.agencies).resolve(repo.plan.focal_point, None, window.end)[0]
    focal = repo.agencies[focal_id].name
    statuses = ", ".join(layout.STATUS_LABELS.values())
    kinds = ", ".join(layout.KIND_LABELS.values())
    return [
        f"HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO {period_phrase(quarter).upper()}",
        f"Cơ quan báo cáo: {agency.name}. Số liệu tính từ ngày {dmy(window.start)} đến ngày {dmy(window.end)}.",
        "",
        "1. Chỉ điền vào các ô màu vàng nhạt; không đổi tên, thứ tự các sheet và các cột, không xóa dòng nhiệm vụ.",
        f"2. Sheet '{layout.TASKS_SHEET}': mỗi dòng là một nhiệm vụ cơ quan chủ trì hoặc phối hợp trong kỳ.",
        f"   - Tình trạng: chọn trong danh sách ({statuses}).",
        "   - Ngày hoàn thành: chỉ ghi khi tình trạng là 'Đã hoàn thành', dạng ngày/tháng/năm (ví dụ 05/10/2020).",
        "   - Kết quả thực hiện: bắt buộc khi đã chọn tình trạng; mỗi ý một dòng (Alt+Enter để xuống dòng trong ô).",
        "   - Khó khăn, vướng mắc và Kiến nghị, đề xuất: nếu có.",
        "   - Nhiệm vụ không có gì để báo cáo trong kỳ thì để trống cả dòng.",
        f"3. Sheet '{layout.DOCUMENTS_SHEET}': mỗi văn bản đã ban hành một dòng (nhiệm vụ, số và ký hiệu, ngày, "
        "trích yếu).",
        f"4. Sheet '{layout.ACTIVITIES_SHEET}': mỗi hoạt động đối ngoại nhân dân trong kỳ một dòng.",
        f"   - Loại hoạt động: chọn trong danh sách ({kinds}).",
        "   - Nước và Đối tác nước ngoài: bắt buộc với đoàn vào, đoàn ra, thỏa thuận quốc tế và viện trợ; nhiều "
        "nước thì cách nhau bằng dấu chấm phẩy (;).",
        "   - Số người, Số tin, bài, Cam kết, Giải ngân: số nguyên, không dấu chấm ngăn cách (1500000, không "
        "phải 1.500.000); Loại tiền: VND, USD…",
        "   - Viện trợ: bắt buộc Loại viện trợ, Cam kết và Loại tiền.",
        "   - Số văn bản cho phép, tổ chức: cơ quan khác báo cáo cùng hoạt động với cùng số văn bản thì chỉ tính một "
        "lần.",
        "5. Ghi họ tên, chức vụ, điện thoại người lập báo cáo ở đầu sheet Nhiệm vụ.",
        f"6. Lưu tệp dạng Excel (.xlsx) rồi gửi {focal} (thư điện tử hoặc hệ thống quản lý văn bản). Không lưu "
        "dạng .xls hay .ods.",
        "   Cơ quan đầu mối chuyển tệp vào kho kế hoạch bằng lệnh `dnnd take`; nếu có chỗ sai, sẽ báo lại đúng ô "
        "cần sửa (ví dụ Nhiệm vụ!E7).",
    ]
