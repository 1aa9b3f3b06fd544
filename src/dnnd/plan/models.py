"""The pydantic models of every file in a plan repository; their descriptions feed the JSON Schemas.
Activities, sums of money and exchange rates are in `activity_models`; the types all models share in
`model_types`."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from dnnd.plan import model_rules
from dnnd.plan.activity_models import Activity, ExchangeRate
from dnnd.plan.budget_models import BudgetLock
from dnnd.plan.forge import Forge
from dnnd.plan.model_rules import AgencyFacts
from dnnd.plan.model_types import (
    MAX_WITHIN_DAYS,
    PERIOD_PATTERN,
    QUARTER_PATTERN,
    AgencyId,
    AgencyKind,
    Day,
    EntryStatus,
    EventId,
    Model,
    NonEmpty,
    Optional,
    OptionalText,
    Reviewer,
    Text,
    bilingual_error,
    model_rule,
    rule_validator,
)

# ----- plan.yaml -----------------------------------------------------------------------------


class Signer(Model):
    authority: Optional = Field(None, description="Thẩm quyền ký, ví dụ 'TM. ỦY BAN NHÂN DÂN' hoặc 'KT. GIÁM ĐỐC'.")
    title: NonEmpty = Field(description="Chức vụ người ký, ví dụ 'Chủ tịch' hoặc 'PHÓ GIÁM ĐỐC'.")
    name: Optional = Field(None, description="Họ và tên người ký; để trống nếu chưa xác định.")


class Decision(Model):
    number: NonEmpty = Field(description="Số và ký hiệu của quyết định, ví dụ '1228/QĐ-UBND'.")
    date: Day = Field(description="Ngày ký quyết định (YYYY-MM-DD).")
    issuer: NonEmpty = Field(description="Cơ quan ban hành, ví dụ 'Ủy ban nhân dân tỉnh Khánh Hòa'.")
    title: NonEmpty = Field(description="Trích yếu của quyết định.")
    signer: Signer = Field(description="Người ký quyết định.")
    legal_bases: list[NonEmpty] = Field(default_factory=list, description="Các căn cứ ban hành, mỗi căn cứ một mục.")
    proposal: Optional = Field(None, description="Dòng 'Theo đề nghị của …' của quyết định.")


class Duty(Model):
    heading: NonEmpty = Field(description="Tên mục trong phần Tổ chức thực hiện, như trong quyết định.")
    agencies: list[AgencyId] = Field(description="Mã các cơ quan mà mục này giao nhiệm vụ.")
    items: list[NonEmpty] = Field(description="Các nhiệm vụ của mục, mỗi nhiệm vụ một đoạn như trong quyết định.")


class ReportSettings(Model):
    parent_agency: NonEmpty = Field(description="Tên cơ quan chủ quản ở đầu văn bản, ví dụ 'UBND TỈNH KHÁNH HÒA'.")
    issuing_agency: NonEmpty = Field(description="Tên cơ quan ban hành báo cáo, ví dụ 'SỞ NGOẠI VỤ'.")
    abbreviation: NonEmpty = Field(description="Chữ viết tắt của cơ quan ban hành, ví dụ 'SNgV'.")
    place: NonEmpty = Field(description="Địa danh ghi ở dòng ngày tháng, ví dụ 'Khánh Hòa'.")
    addressee: NonEmpty = Field(description="Nơi nhận ghi sau 'Kính gửi:', ví dụ 'Ủy ban nhân dân tỉnh Khánh Hòa'.")
    drafting_unit: Optional = Field(None, description="Ký hiệu đơn vị soạn thảo, ghi ở dòng 'Lưu: VT, …'.")
    signer: Signer | None = Field(None, description="Người ký báo cáo; để trống tên nếu chưa xác định.")
    recipients: list[NonEmpty] = Field(default_factory=list, description="Các nơi nhận báo cáo ngoài 'Như trên'.")
    leading_zero_counts: bool = Field(
        False,
        description="Viết số đếm dưới 10 có số 0 đứng trước trong báo cáo ('09 đoàn'), như nhiều văn phòng vẫn viết; "
        "mặc định viết '9 đoàn' (Nghị định 30/2020/NĐ-CP chỉ quy định số 0 đứng trước cho số và ngày văn bản).",
    )


class Reporting(Model):
    windows: Literal["cutoff", "calendar"] = Field(
        "cutoff",
        description="Khung thời gian lấy số liệu: cutoff (từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý, theo "
        "Nghị định 09/2019/NĐ-CP) hoặc calendar (quý theo lịch).",
    )
    submission_days: Annotated[int, Field(ge=0, le=60)] = Field(
        2,
        description="Số ngày làm việc sau ngày chốt số liệu để gửi báo cáo (QĐ 01/2023/QĐ-UBND của tỉnh Khánh Hòa: 2).",
    )
    holidays: list[Day] = Field(
        default_factory=list,
        description="Các ngày nghỉ lễ, Tết (YYYY-MM-DD) không tính là ngày làm việc khi xét hạn gửi báo cáo.",
    )
    first_period: Annotated[str, StringConstraints(pattern=QUARTER_PATTERN)] | None = Field(
        None,
        description="Kỳ báo cáo đầu tiên (YYYY-Qn), khi khác với mặc định: quý đầu tiên có khung số liệu bắt đầu "
        "sau ngày ban hành quyết định.",
    )
    exchange_rates: list[ExchangeRate] = Field(
        default_factory=list,
        description="Tỷ giá để quy đổi giá trị viện trợ ra đồng Việt Nam, mỗi năm và loại tiền một mục; không có "
        "tỷ giá thì báo cáo không quy đổi.",
    )
    budget_due: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")] | None = Field(
        None,
        description="Ngày trong năm (MM-DD, ví dụ 07-20) mà dự toán kinh phí năm sau phải gửi Sở Tài chính: sau ngày "
        "này `dnnd status` nhắc các cơ quan chưa gửi. Không có ngày mặc định.",
    )

    _a_day_of_the_year = field_validator("budget_due")(rule_validator(model_rules.day_of_the_year))
    _one_rate_per_year = field_validator("exchange_rates")(rule_validator(model_rules.one_rate_per_year))


class Plan(Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        description="Mã kế hoạch: chữ thường không dấu, chữ số và dấu '-'."
    )
    title: NonEmpty = Field(description="Tên kế hoạch như trong quyết định.")
    province: Optional = Field(
        None, description="Tên tỉnh, thành phố của kế hoạch, ví dụ 'Khánh Hòa' (dùng khi tổng hợp toàn quốc)."
    )
    decision: Decision = Field(description="Quyết định ban hành kế hoạch.")
    focal_point: AgencyId = Field(description="Mã cơ quan đầu mối theo dõi, đôn đốc và báo cáo.")
    purposes: list[NonEmpty] = Field(default_factory=list, description="Mục đích (Mục I.1), mỗi ý một mục.")
    requirements: list[NonEmpty] = Field(default_factory=list, description="Yêu cầu (Mục I.2), mỗi ý một mục.")
    duties: list[Duty] = Field(default_factory=list, description="Tổ chức thực hiện (Mục III): nhiệm vụ từng cơ quan.")
    closing: Optional = Field(None, description="Đoạn kết của phần Tổ chức thực hiện.")
    report: ReportSettings = Field(description="Thông tin dùng để lập báo cáo.")
    reporting: Reporting = Field(default_factory=lambda: Reporting(), description="Quy định về kỳ báo cáo.")
    forge: Forge | None = Field(
        None,
        description="Nền tảng git của kho (GitHub, Gitea, GitLab): để `dnnd links` và công văn đôn đốc đưa đường dẫn "
        "mở sẵn tệp báo cáo của từng cơ quan trên trình duyệt.",
    )


# ----- agencies.yaml -------------------------------------------------------------------------


class Succession(Model):
    agency: AgencyId = Field(description="Mã cơ quan kế nhiệm.")
    tasks: list[Annotated[int, Field(ge=1)]] | None = Field(
        None, description="Các nhiệm vụ cơ quan này tiếp nhận; bỏ trống là mọi nhiệm vụ còn lại."
    )


class Agency(Model, AgencyFacts):
    id: AgencyId = Field(description="Mã cơ quan, cố định: chữ thường không dấu và chữ số, ví dụ 'sngv'.")
    name: NonEmpty = Field(description="Tên đầy đủ bằng tiếng Việt, ví dụ 'Sở Ngoại vụ'.")
    short_name: NonEmpty = Field(description="Tên viết tắt dùng trong bảng, ví dụ 'SNgV'.")
    kind: AgencyKind = Field(
        description="Loại cơ quan: department (sở, ngành), party (ban của Tỉnh ủy), front (Mặt trận), association "
        "(tổ chức hội), press (báo, đài, cổng thông tin), office (văn phòng), council (HĐND), local (UBND cấp huyện), "
        "group (nhóm chung, không báo cáo), external (cơ quan ngoài tỉnh, không báo cáo)."
    )
    since: Day | None = Field(
        None, description="Ngày cơ quan (với mã và tên này) bắt đầu hoạt động, nếu sau ngày ban hành kế hoạch."
    )
    until: Day | None = Field(None, description="Ngày cuối cùng cơ quan (với mã và tên này) còn hoạt động.")
    successor: AgencyId | list[Succession] | None = Field(
        None,
        description="Cơ quan kế nhiệm từ sau ngày until: một mã, hoặc danh sách khi nhiệm vụ được chia (mỗi mục ghi "
        "các nhiệm vụ tiếp nhận; một mục không ghi tasks nhận các nhiệm vụ còn lại).",
    )
    note: Optional = Field(None, description="Ghi chú, ví dụ văn bản làm thay đổi cơ quan.")
    aliases: list[NonEmpty] = Field(
        default_factory=list, description="Tên khác của cơ quan (tên cũ, tên thường gọi), dùng khi đối chiếu văn bản."
    )
    reviewers: list[Reviewer] = Field(
        default_factory=list,
        description="Tài khoản hoặc nhóm trên nền tảng git duyệt báo cáo của cơ quan, ví dụ '@khanhhoa/lhhn'.",
    )


class AgenciesFile(Model):
    agencies: list[Agency] = Field(description="Danh sách các cơ quan, đơn vị mà kế hoạch nêu tên.")


# ----- tasks.yaml ----------------------------------------------------------------------------


class ExplicitSchedule(Model):
    kind: Literal["ongoing", "once", "yearly"] = Field(
        description="ongoing (thường xuyên), once (một lần, hạn ở due) hoặc yearly (hằng năm, hạn ngày day/month)."
    )
    due: Day | None = Field(None, description="Hạn hoàn thành (kể cả ngày này), cho kind once.")
    month: Annotated[int, Field(ge=1, le=12)] | None = Field(None, description="Tháng của hạn hằng năm (kind yearly).")
    day: Annotated[int, Field(ge=1, le=31)] | None = Field(
        None, description="Ngày của hạn hằng năm (kind yearly); bỏ trống là ngày cuối tháng."
    )

    _fields_match_kind = model_validator(mode="after")(model_rule(model_rules.schedule_fields_match_kind))


class Task(Model):
    id: Annotated[int, Field(ge=1)] = Field(description="Số thứ tự (STT) của nhiệm vụ trong quyết định.")
    title: NonEmpty = Field(description="Nội dung nhiệm vụ, nguyên văn như trong quyết định.")
    lead: list[AgencyId] = Field(min_length=1, description="Mã các cơ quan chủ trì, theo thứ tự trong quyết định.")
    support: list[AgencyId] = Field(default_factory=list, description="Mã các cơ quan phối hợp, theo thứ tự.")
    timing: NonEmpty = Field(description="Thời gian thực hiện, nguyên văn như trong quyết định.")
    schedule: ExplicitSchedule | None = Field(
        None, description="Lịch thực hiện ghi rõ, dùng thay cho cách hiểu cụm từ ở timing."
    )
    after: list[EventId] | None = Field(
        None,
        min_length=1,
        description="Mã các sự kiện phải xảy ra trước khi thực hiện nhiệm vụ (xem plan/events.yaml).",
    )
    within_days: Annotated[int, Field(ge=0, le=MAX_WITHIN_DAYS)] | None = Field(
        None, description="Số ngày phải hoàn thành kể từ khi các sự kiện chờ đợi đã xảy ra."
    )
    ref: Optional = Field(None, description="Số thứ tự gốc trong văn bản khi khác id, ví dụ '1.2'.")
    section: Optional = Field(None, description="Mục của văn bản chứa nhiệm vụ, ví dụ 'I. Công tác tuyên truyền'.")
    notes: dict[str, str] = Field(
        default_factory=dict, description="Các cột khác của bảng nhiệm vụ (sản phẩm, ghi chú…), theo tên cột."
    )


class TasksFile(Model):
    tasks: list[Task] = Field(description="Danh sách nhiệm vụ của kế hoạch.")


# ----- events.yaml ---------------------------------------------------------------------------


class IssuedDocument(Model):
    number: NonEmpty = Field(description="Số và ký hiệu văn bản, ví dụ '45/LHHN-VP'.")
    date: Day = Field(description="Ngày ban hành (YYYY-MM-DD).")
    title: NonEmpty = Field(description="Trích yếu nội dung văn bản.")


class Event(Model):
    id: EventId = Field(description="Mã sự kiện: chữ thường không dấu, chữ số và dấu '-', ví dụ 'huong-dan-bng'.")
    name: NonEmpty = Field(description="Tên sự kiện, ví dụ 'Hướng dẫn của Bộ Ngoại giao'.")
    issuer: AgencyId = Field(description="Mã cơ quan (thường ở ngoài tỉnh) ban hành, ví dụ 'bng'.")
    occurred_on: Day | None = Field(description="Ngày sự kiện xảy ra (YYYY-MM-DD); null khi chưa xảy ra.")
    document: IssuedDocument | None = Field(None, description="Văn bản đã đáp ứng sự kiện (số, ngày, trích yếu).")
    within_days: Annotated[int, Field(ge=0, le=MAX_WITHIN_DAYS)] | None = Field(
        None, description="Số ngày phải hoàn thành các nhiệm vụ chờ sự kiện này, kể từ khi nó xảy ra."
    )


class EventsFile(Model):
    events: list[Event] = Field(description="Các sự kiện mà nhiệm vụ chờ đợi (ví dụ văn bản hướng dẫn của Bộ).")


# ----- updates/<agency>/<YYYY>-Q<n>.yaml ------------------------------------------------------


class Reporter(Model):
    name: Optional = Field(None, description="Họ và tên người báo cáo.")
    title: Optional = Field(None, description="Chức vụ người báo cáo.")
    phone: Optional = Field(None, description="Số điện thoại liên hệ.")
    email: Optional = Field(None, description="Thư điện tử liên hệ.")


class Entry(Model):
    task: Annotated[int, Field(ge=1)] = Field(description="Số thứ tự (STT) của nhiệm vụ được báo cáo.")
    status: EntryStatus = Field(
        description="Tình trạng: not_started (chưa bắt đầu), in_progress (đang thực hiện), done (đã hoàn thành), "
        "blocked (gặp vướng mắc)."
    )
    done_on: Day | None = Field(
        None, validate_default=True, description="Ngày hoàn thành (YYYY-MM-DD); chỉ ghi khi status là done."
    )
    summary: Text = Field(description="Kết quả thực hiện trong kỳ (không để trống).")
    difficulties: OptionalText = Field(None, description="Khó khăn, vướng mắc.")
    proposals: OptionalText = Field(None, description="Kiến nghị, đề xuất.")
    documents: list[IssuedDocument] = Field(default_factory=list, description="Các văn bản đã ban hành cho nhiệm vụ.")
    occurrence: Annotated[int, Field(ge=1900, le=2999)] | None = Field(
        None, description="Với nhiệm vụ hằng năm: năm của lần thực hiện mà mục này báo cáo (mặc định theo done_on)."
    )

    @field_validator("done_on")
    @classmethod
    def _done_on_matches_status(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        status = info.data.get("status")
        if status == "done" and value is None:
            raise bilingual_error(
                "status là done nên phải ghi done_on: ngày hoàn thành (YYYY-MM-DD)",
                "status is done, so done_on (the completion date, YYYY-MM-DD) is required",
            )
        if status is not None and status != "done" and value is not None:
            raise bilingual_error(
                f"chỉ ghi done_on khi status là done (status đang là {status}): xóa done_on hoặc đổi status",
                f"done_on is only allowed when status is done (status is {status}): remove it or change status",
            )
        return value


class Update(Model):
    agency: AgencyId = Field(description="Mã cơ quan báo cáo; phải trùng tên thư mục.")
    period: Annotated[str, StringConstraints(pattern=QUARTER_PATTERN)] = Field(
        description="Quý báo cáo dạng YYYY-Qn, ví dụ 2020-Q3; phải trùng tên tệp."
    )
    reporter: Reporter | None = Field(None, description="Người lập báo cáo (không bắt buộc).")
    entries: list[Entry] = Field(description="Kết quả theo từng nhiệm vụ, mỗi nhiệm vụ một mục.")
    activities: list[Activity] = Field(
        default_factory=list,
        description="Các hoạt động đối ngoại nhân dân trong kỳ (đoàn vào, đoàn ra, hội nghị, viện trợ…), mỗi hoạt "
        "động một mục.",
    )


# ----- reports/<period>.yaml ----------------------------------------------------------------


class Assessment(Model):
    achievements: Optional = Field(None, description="Kết quả nổi bật trong kỳ, do cơ quan đầu mối đánh giá.")
    limitations: Optional = Field(None, description="Hạn chế, khó khăn, vướng mắc trong kỳ.")
    causes: Optional = Field(None, description="Nguyên nhân của các hạn chế, khó khăn.")


class ReportText(Model):
    """What only the focal point writes in its report for a period; the rest the report computes."""

    period: Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)] = Field(
        description="Kỳ báo cáo: quý (2020-Q4), 6 tháng (2020-H1) hoặc năm (2020); phải trùng tên tệp."
    )
    summary: Optional = Field(
        None, description="Tình hình chung, mở đầu phần kết quả; các đoạn cách nhau bằng một dòng trống."
    )
    tasks: dict[int, Optional] = Field(
        default_factory=dict,
        description="Kết quả tổng hợp của cơ quan đầu mối cho từng nhiệm vụ (số nhiệm vụ: nội dung); thay cho "
        "báo cáo nguyên văn của các cơ quan ở phần I.",
    )
    assessment: Assessment = Field(
        default_factory=Assessment, description="Đánh giá chung: kết quả nổi bật, hạn chế, nguyên nhân."
    )
    proposals: list[NonEmpty] = Field(
        default_factory=list, description="Kiến nghị, đề xuất gửi cấp trên, mỗi kiến nghị một mục."
    )
    next_tasks: list[NonEmpty] = Field(
        default_factory=list, description="Nhiệm vụ trọng tâm kỳ tới, mỗi nhiệm vụ một mục."
    )


# ----- locks.yaml ----------------------------------------------------------------------------


class Lock(Model):
    period: Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)] = Field(
        description="Kỳ đã ban hành báo cáo: quý (2020-Q3), sáu tháng (2020-H1) hoặc năm (2020)."
    )
    locked_on: Day = Field(description="Ngày khóa kỳ (YYYY-MM-DD).")
    note: Optional = Field(None, description="Ghi chú, ví dụ số báo cáo đã ban hành.")
    number: int | None = Field(
        None,
        ge=1,
        description="Số của báo cáo đã ban hành (phần số, ví dụ 125 của 125/BC-SNgV): `dnnd report --check` báo khi "
        "một báo cáo khác trong năm dùng lại số này.",
    )
    issued_on: Day | None = Field(None, description="Ngày ban hành báo cáo (YYYY-MM-DD): năm của số báo cáo.")


class LocksFile(Model):
    locks: list[Lock] = Field(
        default_factory=list, description="Các kỳ đã ban hành báo cáo: tệp báo cáo của các quý trong kỳ không được sửa."
    )
    budgets: list[BudgetLock] = Field(
        default_factory=list,
        description="Các năm ngân sách đã quyết toán (`dnnd lock 2021 --budget`): tệp kinh phí của năm không được sửa.",
    )
