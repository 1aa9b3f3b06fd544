"""The models of the plan's funding (Mục III.3–4 of the decision): each agency's yearly estimate of what its
part of the plan costs, `plan/budgets/<agency>/<YYYY>.yaml`, and Sở Tài chính's appraisal of them,
`plan/budgets/appraisals/<YYYY>.yaml`. Amounts are whole đồng."""

from typing import Annotated, Literal

from pydantic import Field

from dnnd.plan.model_types import AgencyId, Day, Model, NonEmpty, Optional
from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR

APPRAISER = "stc"  # Sở Tài chính's id in plan/agencies.yaml: it appraises the estimates (Mục III.4)
BudgetSource = Literal["ngan_sach_tinh", "ngan_sach_trung_uong", "vien_tro", "xa_hoi_hoa", "khac"]
Amount = Annotated[int, Field(gt=0, le=10**15)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


class BudgetLine(Model):
    """Một dòng dự toán: nội dung chi, thuộc nhiệm vụ nào, bao nhiêu, từ nguồn nào, và (trong hoặc sau năm) đã
    chi bao nhiêu."""

    id: Annotated[int, Field(ge=1)] = Field(description="Số thứ tự của dòng, không trùng trong tệp.")
    task: Annotated[int, Field(ge=1)] = Field(
        description="Số nhiệm vụ (STT) mà cơ quan chủ trì hoặc phối hợp trong năm đó."
    )
    content: NonEmpty = Field(description="Nội dung chi, ví dụ 'Đón tiếp 02 đoàn của các tổ chức hữu nghị'.")
    basis: Optional = Field(None, description="Căn cứ, định mức chi dựa vào (nếu có), ví dụ 'Thông tư 71/2018/TT-BTC'.")
    quantity: Annotated[int, Field(gt=0)] | None = Field(None, description="Số lượng (nếu có), đi cùng unit_price.")
    unit: Optional = Field(None, description="Đơn vị tính (nếu có), ví dụ 'đoàn', 'lớp', 'người'.")
    unit_price: Amount | None = Field(None, description="Đơn giá, đồng (nếu có), đi cùng quantity.")
    amount: Amount = Field(
        description="Thành tiền dự toán, đồng (số nguyên > 0); phải bằng quantity × unit_price khi có cả hai."
    )
    source: BudgetSource = Field(
        description="Nguồn kinh phí: ngan_sach_tinh (ngân sách tỉnh), ngan_sach_trung_uong (ngân sách trung ương), "
        "vien_tro (viện trợ), xa_hoi_hoa (xã hội hóa), khac (nguồn khác)."
    )
    executed: Annotated[int, Field(ge=0, le=10**15)] | None = Field(
        None, description="Đã thực hiện (đã chi), đồng; điền trong hoặc sau năm."
    )


class BudgetFile(Model):
    """Dự toán kinh phí một năm của một cơ quan, do cơ quan đó lập."""

    agency: AgencyId = Field(description="Mã cơ quan lập dự toán; phải trùng tên thư mục.")
    year: Year = Field(description="Năm ngân sách; phải trùng tên tệp.")
    lines: list[BudgetLine] = Field(min_length=1, description="Các dòng dự toán, mỗi dòng một nội dung chi.")


class Appraisal(Model):
    """Kết quả Sở Tài chính thẩm định một dòng dự toán của một cơ quan, và số bố trí."""

    agency: AgencyId = Field(description="Mã cơ quan có dòng dự toán được thẩm định.")
    line: Annotated[int, Field(ge=1)] = Field(description="Số thứ tự (id) của dòng trong dự toán của cơ quan.")
    appraised: Annotated[int, Field(ge=0, le=10**15)] = Field(description="Số thẩm định, đồng.")
    allocated: Annotated[int, Field(ge=0, le=10**15)] | None = Field(
        None, description="Số bố trí (giao dự toán), đồng; không quá số thẩm định trừ khi note nêu lý do."
    )
    note: Optional = Field(None, description="Ghi chú, ví dụ định mức áp dụng hoặc lý do bố trí khác số thẩm định.")


class AppraisalsFile(Model):
    """Kết quả thẩm định dự toán của một năm, do Sở Tài chính ghi."""

    year: Year = Field(description="Năm ngân sách; phải trùng tên tệp.")
    appraisals: list[Appraisal] = Field(
        default_factory=list, description="Kết quả thẩm định, mỗi dòng dự toán một mục."
    )


class BudgetLock(Model):
    """Năm ngân sách đã quyết toán (`dnnd lock 2021 --budget`), ghi trong plan/locks.yaml."""

    year: Year = Field(description="Năm ngân sách đã quyết toán: các tệp kinh phí của năm đó không được sửa.")
    locked_on: Day = Field(description="Ngày khóa (YYYY-MM-DD).")
    note: Optional = Field(None, description="Ghi chú, ví dụ văn bản quyết toán.")
