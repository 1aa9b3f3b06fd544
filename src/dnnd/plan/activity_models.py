"""The models of what agencies did beside the plan's tasks: activities, sums of money, exchange rates."""

from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails

from dnnd.plan import countries
from dnnd.plan.model_types import ActivityKind, AidType, Day, Model, NonEmpty, Optional, bilingual_error
from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR
from dnnd.plan.vocabulary import ACTIVITY_KIND_LIST, AID_TYPE_LABELS, NEEDS_COUNTRIES, NEEDS_PARTNER


def _country_code(code: str) -> str:
    problem = countries.country_problem(code)
    if problem is not None:
        raise bilingual_error(*problem)
    return code


# No pattern: country_problem says what to write instead (GB for UK, JP for JPN or jp), each at its item.
CountryCode = Annotated[str, AfterValidator(_country_code), Field(json_schema_extra=countries.country_schema)]


class ExchangeRate(Model):
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)] = Field(description="Năm áp dụng tỷ giá.")
    currency: str = Field(
        description="Mã tiền tệ ISO 4217 được quy đổi, ví dụ USD.",
        json_schema_extra=countries.currency_schema,
    )
    vnd: Annotated[Decimal, Field(gt=0, le=10**9, max_digits=15, decimal_places=4)] = Field(
        description="Số đồng Việt Nam của một đơn vị tiền tệ đó, ví dụ 23150."
    )
    source: Optional = Field(None, description="Nguồn của tỷ giá, ví dụ văn bản công bố tỷ giá hạch toán.")

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        problem = countries.currency_problem(value, allow_vnd=False)
        if problem is not None:
            raise bilingual_error(*problem)
        return value


class Money(Model):
    amount: Annotated[int, Field(strict=True, gt=0, le=10**15)] = Field(
        description="Số tiền: số nguyên dương, không dấu chấm phân cách, ví dụ 1500000000."
    )
    currency: str = Field(
        description="Mã tiền tệ ISO 4217, ví dụ VND, USD.", json_schema_extra=countries.currency_schema
    )

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        problem = countries.currency_problem(value)
        if problem is not None:
            raise bilingual_error(*problem)
        return value


_KIND_DESCRIPTIONS = {kind.code: kind.description for kind in ACTIVITY_KIND_LIST}
_AID_DESCRIPTIONS = {code: label.vi for code, label in AID_TYPE_LABELS.items()}


def _enum_descriptions(descriptions: dict[str, str]) -> dict[str, Any]:
    """What editors show beside each value of an enum (VS Code and the YAML language server read it)."""
    return {"enumDescriptions": list(descriptions.values()), "markdownEnumDescriptions": list(descriptions.values())}


class Activity(Model):
    kind: ActivityKind = Field(
        description="Loại hoạt động: delegation_in (đoàn vào), delegation_out (đoàn ra), event (hội nghị, sự kiện), "
        "aid (viện trợ phi chính phủ nước ngoài), agreement (thỏa thuận quốc tế), training (tập huấn), media "
        "(tuyên truyền), other (khác).",
        json_schema_extra=_enum_descriptions(_KIND_DESCRIPTIONS),
    )
    title: NonEmpty = Field(description="Nội dung hoạt động, ví dụ 'Đoàn Hội hữu nghị … thăm và làm việc'.")
    start: Day = Field(description="Ngày bắt đầu (YYYY-MM-DD); hoạt động thuộc kỳ có khung thời gian chứa ngày này.")
    end: Day | None = Field(None, description="Ngày kết thúc (YYYY-MM-DD), không trước ngày bắt đầu.")
    countries: list[CountryCode] = Field(
        default_factory=list,
        description="Mã nước ISO 3166-1 (hai chữ in hoa, ví dụ JP, KR, US; Anh là GB); bắt buộc với đoàn vào, đoàn "
        "ra, thỏa thuận quốc tế và viện trợ.",
    )
    partner: Optional = Field(
        None, description="Đối tác nước ngoài; bắt buộc với đoàn vào, đoàn ra, thỏa thuận quốc tế và viện trợ."
    )
    people: Annotated[int, Field(strict=True, gt=0, le=10_000_000)] | None = Field(
        None, description="Số người: thành viên đoàn, hoặc người tham dự hội nghị, tập huấn."
    )
    count: Annotated[int, Field(strict=True, gt=0, le=10_000_000)] | None = Field(
        None, description="Chỉ với tuyên truyền: số tin, bài, phóng sự, bài đăng (mặc định 1)."
    )
    ref: Optional = Field(
        None,
        description="Số văn bản cho phép hoặc tổ chức hoạt động, ví dụ '1234/QĐ-UBND'; các cơ quan cùng báo cáo một "
        "hoạt động (cùng loại và cùng số văn bản) chỉ được tính một lần.",
    )
    tasks: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="Các nhiệm vụ của kế hoạch mà hoạt động phục vụ (số thứ tự)."
    )
    note: Optional = Field(None, description="Ghi chú; bắt buộc với loại other (khác) để nói rõ là hoạt động gì.")
    aid_type: AidType | None = Field(
        None,
        description="Chỉ với viện trợ (bắt buộc): project (dự án), non_project (phi dự án), emergency (cứu trợ khẩn "
        "cấp).",
        json_schema_extra=_enum_descriptions(_AID_DESCRIPTIONS),
    )
    pledged: Money | None = Field(None, description="Chỉ với viện trợ (bắt buộc): giá trị cam kết.")
    disbursed: Money | None = Field(None, description="Chỉ với viện trợ: giá trị giải ngân trong kỳ.")

    @model_validator(mode="after")
    def _kind_rules(self) -> "Activity":
        """The fields each kind needs or may not have, every breach at once, each at its field."""
        kind, problems = self.kind, []

        def problem(field: str, vi: str, en: str, value: Any = None) -> None:
            problems.append(InitErrorDetails(type=bilingual_error(vi, en), loc=(field,), input=value))

        if self.end is not None and self.end < self.start:
            problem("end", "ngày kết thúc trước ngày bắt đầu", "the end is before the start", self.end)
        seen: set[str] = set()
        for index, code in enumerate(self.countries):
            if code in seen:
                found = bilingual_error(f"nước {code} được ghi hai lần", f"country {code} is listed twice")
                problems.append(InitErrorDetails(type=found, loc=("countries", index), input=code))
            seen.add(code)
        if kind in NEEDS_COUNTRIES and not self.countries:
            problem(
                "countries",
                f"hoạt động loại {kind} phải ghi countries: mã nước ISO của phía nước ngoài, ví dụ [JP]",
                f"a {kind} activity needs countries: the foreign side's ISO codes, e.g. [JP]",
            )
        if kind in NEEDS_PARTNER and not self.partner:
            problem(
                "partner",
                f"hoạt động loại {kind} phải ghi partner: tên đối tác nước ngoài",
                f"a {kind} activity needs partner: the foreign side's name",
            )
        if kind == "aid":
            for name, what in (("aid_type", "project, non_project hoặc emergency"), ("pledged", "giá trị cam kết")):
                if getattr(self, name) is None:
                    problem(name, f"viện trợ phải ghi {name} ({what})", f"aid needs {name}")
        else:
            for name in ("aid_type", "pledged", "disbursed"):
                if getattr(self, name) is not None:
                    problem(
                        name,
                        f"{name} chỉ dùng cho viện trợ (kind: aid): xóa dòng này hoặc đổi kind",
                        f"{name} applies only to aid (kind: aid): remove it or change kind",
                    )
        if self.count is not None and kind != "media":
            problem(
                "count",
                "count (số tin, bài) chỉ dùng cho tuyên truyền (kind: media); số người ghi ở people",
                "count (items) applies only to media (kind: media); people go in people",
                self.count,
            )
        if kind == "other" and not self.note:
            problem(
                "note",
                "hoạt động loại other (khác) phải ghi note: nói rõ là hoạt động gì",
                "an activity of kind other needs a note saying what it was",
            )
        if problems:
            raise ValidationError.from_exception_data("Activity", problems)
        return self
