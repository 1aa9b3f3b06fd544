"""How Vietnamese documents and tables write dates, document numbers and periods: the one place for them.

Dates are day/month/year (`05/02/2021`); the place-and-date line of a document follows Nghị định
30/2020/NĐ-CP (leading zero for days below 10 and for months 1 and 2); periods read as the reports name
them (`quý IV năm 2020`, `6 tháng đầu năm 2020`, `năm 2020`).
"""

from __future__ import annotations

import datetime as dt

from dnnd.plan.periods import Period

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
BLANK = "\u00a0"  # a space Word keeps, where the clerk writes by hand


def dmy(day: dt.date) -> str:
    """'05/02/2021'."""
    return day.strftime("%d/%m/%Y")


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
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


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
