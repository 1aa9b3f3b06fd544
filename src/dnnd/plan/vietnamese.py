"""How Vietnamese documents and tables write dates, numbers, sums of money and periods: the one place for them.

Dates are day/month/year (`05/02/2021`); the place-and-date line of a document follows Nghị định
30/2020/NĐ-CP (leading zero for days below 10 and for months 1 and 2); periods read as the reports name
them (`quý IV năm 2020`, `6 tháng đầu năm 2020`, `năm 2020`). Numbers group thousands with a dot and
write decimals with a comma (`1.500.000`, `1,5`); large sums may be written in tỷ (10⁹) or triệu (10⁶)
when that is exact (`1,5 tỷ đồng`), as the provinces' reports write them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dnnd.plan.periods import Period

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
BLANK = "\u00a0"  # a space Word keeps, where the clerk writes by hand


def dmy(day: dt.date) -> str:
    """'05/02/2021'."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"  # not strftime: pages write tens of thousands


def dmy_or_blank(value: object) -> str:
    """`dmy` of a date, or '' for anything else (a missing date in a table cell)."""
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else ""


def dmy_hm(moment: dt.datetime) -> str:
    """'15/12/2020 16:00', on the clock of `moment`'s own time zone."""
    return moment.strftime("%d/%m/%Y %H:%M")


def document_number(number: int | None) -> str:
    """'05' for 5 (numbers below 10 take a leading zero); blank space for the clerk when not yet issued."""
    return f"{number:02d}" if number is not None else BLANK * 6


def place_date(place: str, day: dt.date | None, year: int) -> str:
    """'Khánh Hòa, ngày 05 tháng 02 năm 2021' (leading zero for days below 10 and months 1-2), or blanks."""
    if day is None:
        blank = BLANK * 4
        return f"{place}, ngày{blank}tháng{blank}năm {year}"
    return f"{place}, {long_date(day)}"


def blank_date(year: int) -> str:
    """'   /   /2021': a date the clerk fills in at issuance."""
    return f"{BLANK * 3}/{BLANK * 3}/{year}"


def period_phrase(period: Period) -> str:
    """'quý IV năm 2020', '6 tháng đầu năm 2020', 'năm 2020'."""
    if period.kind == "quarter":
        return f"quý {ROMAN[period.first_quarter]} năm {period.year}"
    if period.kind == "half":
        return f"6 tháng {'đầu' if period.first_quarter == 1 else 'cuối'} năm {period.year}"
    return f"năm {period.year}"


def grouped(number: int) -> str:
    """'1.500.000' for 1500000 (thousands grouped with a dot)."""
    return f"{number:,}".replace(",", ".")


def decimal(number: Decimal | int, places: int = 2) -> str:
    """'23.150' or '168,43': grouped, with at most `places` decimals after a comma, trailing zeros dropped."""
    value = Decimal(number).quantize(Decimal(1).scaleb(-places)) if places else Decimal(round(number))
    whole, _, fraction = f"{value:f}".partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if whole.startswith("-") else ""
    text = sign + grouped(abs(int(whole)))
    return f"{text},{fraction}" if fraction else text


_LARGE = ((10**9, "tỷ"), (10**6, "triệu"))


def money(amount: int, currency: str) -> str:
    """'1.500.000.000 đồng', or in the largest unit the sum reaches (tỷ, triệu; for other currencies triệu)
    when it is exact there to two decimals: '1,5 tỷ đồng', '300 triệu đồng', '4,86 triệu USD', '20.000 USD'.
    Never a rounded figure."""
    unit = "đồng" if currency == "VND" else currency
    for size, name in _LARGE if currency == "VND" else _LARGE[1:]:
        if amount >= size:
            if amount % (size // 100) == 0:
                return f"{decimal(Decimal(amount) / size)} {name} {unit}"
            break
    return f"{grouped(amount)} {unit}"


def count(number: int, leading_zero: bool = False) -> str:
    """'9', or '09' where a province writes counts below 10 with a leading zero."""
    return f"{number:02d}" if leading_zero and 0 <= number < 10 else grouped(number)


def change(delta: int, unit: str, against: str, leading_zero: bool = False) -> str:
    """'tăng 1 đoàn so với quý trước', 'giảm 2 đoàn so với …', 'bằng quý trước'."""
    if delta == 0:
        return f"bằng {against}"
    return f"{'tăng' if delta > 0 else 'giảm'} {count(abs(delta), leading_zero)} {unit} so với {against}"


def previous_phrase(period: Period) -> str:
    """How a report names the period before `period`: 'quý trước', '6 tháng đầu năm', 'năm trước'."""
    if period.kind == "quarter":
        return "quý trước"
    if period.kind == "half":
        return "6 tháng đầu năm" if period.first_quarter == 3 else f"6 tháng cuối năm {period.year - 1}"
    return "năm trước"


YEAR_AGO_PHRASE = "cùng kỳ năm trước"


def long_date(day: dt.date) -> str:
    """'ngày 05 tháng 02 năm 2021' (the date as a sentence writes it, after Nghị định 30/2020/NĐ-CP)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
