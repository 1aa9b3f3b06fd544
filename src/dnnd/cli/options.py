"""The options commands share, and their parsing into the typed values the core takes: periods from
--quarter/--half/--year/--as-of, days, the output format.

Annotations here are real objects, not strings: typer reads them on every run (see `app`).
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dnnd.cli.help_screens import bilingual
from dnnd.i18n import Text
from dnnd.output import formats

if TYPE_CHECKING:
    from dnnd.evaluate.status_report import PeriodChoice
    from dnnd.plan.periods import Kind, Period

    class Format(StrEnum):
        """The output formats (found at run time in `dnnd.output.formats`)."""

else:
    Format = StrEnum("Format", {name: name for name in formats.names()})

DEFAULT_FORMAT = Format(formats.DEFAULT)

AgencyOption = Annotated[
    str | None,
    typer.Option(
        "--agency",
        help=bilingual(
            Text(
                "Chỉ các nhiệm vụ mà cơ quan này chủ trì hoặc phối hợp.",
                "Only the tasks this agency leads or supports.",
            )
        ),
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        help=bilingual(
            Text(
                "Dạng kết quả: table, json, csv (cho máy đọc) hoặc xlsx (Excel, cần -o TỆP).",
                "Output format: table, json, csv (for programs) or xlsx (Excel, needs -o FILE).",
            )
        ),
    ),
]
QuarterOption = Annotated[
    str | None, typer.Option("--quarter", help=bilingual(Text("Quý, ví dụ 2020-Q3.", "A quarter, e.g. 2020-Q3.")))
]
HalfOption = Annotated[
    str | None, typer.Option("--half", help=bilingual(Text("Sáu tháng, ví dụ 2020-H1.", "A half-year, e.g. 2020-H1.")))
]
YearOption = Annotated[
    str | None, typer.Option("--year", help=bilingual(Text("Năm, ví dụ 2020.", "A year, e.g. 2020.")))
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help=bilingual(Text("Tính đến ngày này (YYYY-MM-DD).", "As of this day (YYYY-MM-DD)."))),
]
LateOption = Annotated[
    bool,
    typer.Option(
        "--late",
        help=bilingual(
            Text(
                "Cho biết báo cáo nào vào nhánh chính muộn (đọc lịch sử git, nhánh main).",
                "Tell which updates reached the main branch late (reads the git history of main).",
            )
        ),
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help=bilingual(
            Text(
                "Ngày ban hành văn bản (YYYY-MM-DD); bỏ trống để văn thư điền.",
                "The document's date of issue (YYYY-MM-DD); leave it out for the clerk to fill in.",
            )
        ),
    ),
]
ReportingAgencyOption = Annotated[
    str,
    typer.Option(
        "--agency", help=bilingual(Text("Mã cơ quan báo cáo, ví dụ lhhn.", "The reporting agency's id, e.g. lhhn."))
    ),
]
UpdateQuarterOption = Annotated[
    str | None,
    typer.Option(
        "--quarter",
        help=bilingual(
            Text(
                "Quý báo cáo, ví dụ 2020-Q3; mặc định: kỳ đang báo cáo.",
                "The quarter reported on, e.g. 2020-Q3; by default: the period being reported.",
            )
        ),
    ),
]
NumberOption = Annotated[
    int | None,
    typer.Option(
        "--number",
        min=1,
        help=bilingual(
            Text(
                "Số văn bản do văn thư cấp; bỏ trống để điền sau.",
                "The document's number, given by the clerk; leave it out to fill in later.",
            )
        ),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help=bilingual(
            Text(
                "Tệp sẽ ghi (mặc định trong reports/ của kho).",
                "The file to write (by default in the repository's reports/).",
            )
        ),
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help=bilingual(Text("Ghi đè tệp đã có.", "Overwrite a file that exists.")))
]
PeriodArgument = Annotated[
    str,
    typer.Argument(
        help=bilingual(
            Text(
                "Kỳ: quý 2020-Q3, sáu tháng 2020-H1 hoặc năm 2020.",
                "A period: quarter 2020-Q3, half-year 2020-H1 or year 2020.",
            )
        )
    ),
]

_EXAMPLES = {"quarter": "2020-Q3", "half": "2020-H1", "year": "2020"}


def day(option: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option as a date in the years a plan can span (None when not given)."""
    from dnnd.errors import UsageError
    from dnnd.plan.periods import plausible_year

    if value is None:
        return None
    try:
        chosen = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            Text(
                f"{option} '{value}' không phải ngày dạng YYYY-MM-DD, ví dụ 2020-12-16",
                f"{option} '{value}' is not a date YYYY-MM-DD, e.g. 2020-12-16",
            )
        ) from None
    if not plausible_year(chosen.year):
        raise _out_of_range(f"{option} {chosen.isoformat()}", chosen.year)
    return chosen


def _out_of_range(given: str, year: int) -> Exception:
    from dnnd.errors import UsageError
    from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR

    return UsageError(
        Text(
            f"{given}: năm {year} nằm ngoài phạm vi tính được ({FIRST_YEAR}–{LAST_YEAR})",
            f"{given}: the year {year} is out of range ({FIRST_YEAR}–{LAST_YEAR})",
        )
    )


def period_of(option: str, value: str, kind: "Kind") -> "Period":
    """--quarter, --half or --year as a period of that kind."""
    from dnnd.errors import UsageError
    from dnnd.plan.periods import parse_period, period_option, plausible_year

    period = parse_period(value, kind)
    if period is not None and not plausible_year(period.year):
        raise _out_of_range(f"{option} {value}", period.year)
    if period is None:
        example = _EXAMPLES[kind]
        other = parse_period(value)  # a period of another kind: name the option it belongs to
        hint = "" if other is None else f" {period_option(other)}"
        raise UsageError(
            Text(
                f"{option} '{value}' không đúng dạng; ví dụ: {option} {example}"
                + (f" (kỳ này dùng{hint})" if hint else ""),
                f"{option} '{value}' is not valid; for example: {option} {example}" + (f" (use{hint})" if hint else ""),
            )
        )
    return period


def quarter_of(value: str | None) -> "Period | None":
    """--quarter as a quarter (None when not given)."""
    return period_of("--quarter", value, "quarter") if value is not None else None


def period_choice(quarter: str | None, half: str | None, year: str | None, as_of: str | None) -> "PeriodChoice":
    """At most one of --quarter, --half, --year and --as-of, as the core's choice of period."""
    from dnnd.errors import UsageError
    from dnnd.evaluate.status_report import PeriodChoice

    options: list[tuple[str, str | None, Kind]] = [
        ("--quarter", quarter, "quarter"),
        ("--half", half, "half"),
        ("--year", year, "year"),
    ]
    given = [choice for choice in options if choice[1] is not None]
    if len(given) > 1:
        raise UsageError(
            Text(
                "chỉ chọn một trong --quarter, --half, --year (--as-of đi kèm được: đánh giá kỳ đó vào ngày ấy)",
                "choose only one of --quarter, --half, --year (--as-of may join one: that period on that day)",
            )
        )
    if given:
        option, value, kind = given[0]
        assert value is not None
        return PeriodChoice(period=period_of(option, value, kind), as_of=day("--as-of", as_of))
    return PeriodChoice(as_of=day("--as-of", as_of))


def period_argument(text: str) -> "Period":
    """A period of any kind, given as an argument (`dnnd lock 2020-H2`)."""
    from dnnd.errors import UsageError
    from dnnd.plan.periods import parse_period, plausible_year

    period = parse_period(text)
    if period is not None and not plausible_year(period.year):
        raise _out_of_range(text, period.year)
    if period is None:
        raise UsageError(
            Text(
                f"kỳ '{text}' không đúng dạng: dùng 2020-Q3, 2020-H1 hoặc 2020",
                f"period '{text}' is not valid: use 2020-Q3, 2020-H1 or 2020",
            )
        )
    return period


def status_code(value: str | None) -> str | None:
    """--status as a task status code: the code, or its name in full or short, in Vietnamese or English
    ('Quá hạn chưa hoàn thành', 'qua han chua xong', 'Overdue'), whatever the case and diacritics (None when
    not given)."""
    from dnnd.errors import UsageError
    from dnnd.plan.vocabulary import STATUS_SHORT_LABELS, TASK_STATUS_LABELS, code_named

    if value is None:
        return None
    code = code_named(value, TASK_STATUS_LABELS) or code_named(value, STATUS_SHORT_LABELS)
    if code is None:
        raise UsageError(
            Text(
                f"--status '{value}' không có; chọn một trong: "
                + ", ".join(f"{known} ({label.vi})" for known, label in TASK_STATUS_LABELS.items()),
                f"no status '{value}'; use one of: "
                + ", ".join(f"{known} ({label.en})" for known, label in TASK_STATUS_LABELS.items()),
            )
        )
    return code
