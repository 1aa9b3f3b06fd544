"""Activities counted once each: merged by kind and ref across agencies, in the quarter of their start."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from dnnd.load.activities import CountedActivity, activity_warnings, count_activities, from_plain, ref_key, to_plain
from dnnd.load.records import ActivityRecord, MoneyRecord, UpdateRecord
from dnnd.plan.periods import Convention

D = dt.date
CUTOFF: Convention = "cutoff"
CALENDAR: Convention = "calendar"
OCTOBER_5 = D(2020, 10, 5)


def activity(kind: str = "event", start: dt.date = OCTOBER_5, **fields: Any) -> ActivityRecord:
    """An activity record with every field not given empty."""
    empty: dict[str, Any] = dict.fromkeys(ActivityRecord._fields)
    empty.update(countries=(), tasks=(), title="Hội nghị hữu nghị")
    return ActivityRecord(**{**empty, "kind": kind, "start": start, **fields})


def report(agency: str, period: str, *activities: ActivityRecord) -> tuple[str, UpdateRecord]:
    """A (rel, record) pair, as the repository gives them."""
    return f"plan/updates/{agency}/{period}.yaml", UpdateRecord(agency, period, None, (), activities)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("12/QĐ-UBND", "12/qđ-ubnd"),
        ("12/QĐ-UBND", "  12/QĐ-UBND\t"),
        ("Công văn 45/SNgV", "công   văn\n45/sngv"),
    ],
    ids=["case", "outer-spaces", "inner-spaces"],
)
def test_refs_that_differ_only_in_spacing_or_case_have_one_key(one: str, other: str) -> None:
    assert ref_key("event", one) == ref_key("event", other)


@pytest.mark.parametrize(
    ("one", "other"),
    [(("event", "12/QĐ-UBND"), ("aid", "12/QĐ-UBND")), (("event", "12/QĐ-UBND"), ("event", "13/QĐ-UBND"))],
    ids=["kind", "number"],
)
def test_another_kind_or_another_number_is_another_key(one: tuple[str, str], other: tuple[str, str]) -> None:
    assert ref_key(*one) != ref_key(*other)


def test_one_activity_reported_by_two_agencies_is_counted_once_with_both_reports_merged() -> None:
    first = activity(
        start=D(2020, 10, 5), end=D(2020, 10, 7), countries=("JP", "KR"), tasks=(5, 2), people=10, ref="1/KH"
    )
    second = activity(
        title="Hội nghị (sngv)", start=D(2020, 10, 3), end=D(2020, 10, 10), countries=("KR", "US"), tasks=(3, 2),
        people=25, ref=" 1/kh ", note="Phối hợp",
    )  # fmt: skip
    [counted] = count_activities([report("lhhn", "2020-Q4", first), report("sngv", "2020-Q4", second)], CUTOFF)
    assert (counted.start, counted.end, counted.people) == (D(2020, 10, 3), D(2020, 10, 10), 25)
    assert (counted.countries, counted.tasks) == (("JP", "KR", "US"), (2, 3, 5))
    assert (counted.agencies, counted.period) == (("lhhn", "sngv"), "2020-Q4")
    assert (counted.title, counted.ref, counted.note) == ("Hội nghị hữu nghị", "1/KH", None)


def test_an_end_or_people_missing_from_the_first_report_is_taken_from_a_later_one() -> None:
    first = activity(ref="2/KH")
    second = activity(ref="2/KH", end=D(2020, 10, 9), people=12)
    [counted] = count_activities([report("lhhn", "2020-Q4", first, second)], CUTOFF)
    assert (counted.end, counted.people, counted.agencies) == (D(2020, 10, 9), 12, ("lhhn",))


def test_agencies_are_named_once_each_in_the_order_of_their_first_report() -> None:
    same = activity(ref="3/KH")
    updates = [
        report("sngv", "2020-Q4", same),
        report("lhhn", "2020-Q4", same),
        report("sngv", "2021-Q1", same),
        report("snv", "2021-Q1", same),
    ]
    [counted] = count_activities(updates, CUTOFF)
    assert counted.agencies == ("sngv", "lhhn", "snv")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (activity(), activity()),
        (activity(ref="4/KH"), activity()),
        (activity(ref="4/KH"), activity(kind="training", ref="4/KH")),
        (activity(ref="4/KH"), activity(ref="5/KH")),
    ],
    ids=["no-ref", "one-ref", "other-kind", "other-ref"],
)
def test_activities_without_a_common_kind_and_ref_are_counted_apart(
    first: ActivityRecord, second: ActivityRecord
) -> None:
    counted = count_activities([report("lhhn", "2020-Q4", first), report("sngv", "2020-Q4", second)], CUTOFF)
    assert [(item.kind, item.ref, item.agencies) for item in counted] == [
        (first.kind, first.ref, ("lhhn",)),
        (second.kind, second.ref, ("sngv",)),
    ]


@pytest.mark.parametrize(
    ("start", "convention", "period"),
    [
        (D(2020, 9, 14), CUTOFF, "2020-Q3"),
        (D(2020, 9, 15), CUTOFF, "2020-Q4"),
        (D(2020, 12, 14), CUTOFF, "2020-Q4"),
        (D(2020, 12, 15), CUTOFF, "2021-Q1"),
        (D(2020, 12, 31), CUTOFF, "2021-Q1"),
        (D(2020, 12, 15), CALENDAR, "2020-Q4"),
        (D(2020, 9, 30), CALENDAR, "2020-Q3"),
    ],
)
def test_an_activity_is_counted_in_the_quarter_whose_window_holds_its_start(
    start: dt.date, convention: Convention, period: str
) -> None:
    [counted] = count_activities([report("lhhn", "2021-Q1", activity(start=start))], convention)
    assert counted.period == period


def test_a_merged_activity_is_counted_in_the_quarter_of_its_earliest_start() -> None:
    december = report("lhhn", "2021-Q1", activity(start=D(2020, 12, 16), ref="6/KH"))
    earlier = report("sngv", "2020-Q4", activity(start=D(2020, 12, 10), ref="6/KH"))
    [counted] = count_activities([december, earlier], CUTOFF)
    assert (counted.start, counted.period, counted.agencies) == (D(2020, 12, 10), "2020-Q4", ("lhhn", "sngv"))


def test_activities_come_in_the_order_of_their_first_report() -> None:
    updates = [
        report("lhhn", "2020-Q4", activity(title="A", ref="7/KH"), activity(title="B")),
        report("sngv", "2020-Q4", activity(title="C"), activity(title="A again", ref="7/KH")),
    ]
    assert [item.title for item in count_activities(updates, CUTOFF)] == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("start", "counted_in"),
    [(D(2020, 12, 14), "2020-Q4"), (D(2020, 10, 2), "2020-Q4"), (D(2020, 9, 1), "2020-Q3")],
)
def test_an_activity_before_its_files_window_is_a_late_report_warned_of(start: dt.date, counted_in: str) -> None:
    rel, update = report(
        "lhhn", "2021-Q1", activity(start=D(2021, 1, 10)), activity(title=" Đoàn\n  Nhật Bản ", start=start)
    )
    [warning] = activity_warnings([(rel, update)], CUTOFF)
    assert (warning.path, warning.line, warning.field) == (rel, None, "activities[1]")
    assert warning.message.en == (
        f"activity 'Đoàn Nhật Bản' started on {start.isoformat()}, before this file's period 2021-Q1: "
        f"a late report, counted in {counted_in}"
    )
    assert f"được tính vào kỳ {counted_in}" in warning.message.vi


@pytest.mark.parametrize("start", [D(2020, 12, 15), D(2021, 3, 14)])
def test_an_activity_within_its_files_window_is_not_warned_of(start: dt.date) -> None:
    assert activity_warnings([report("lhhn", "2021-Q1", activity(start=start))], CUTOFF) == []


def test_one_activity_reported_with_different_starts_is_warned_of_at_each_later_start() -> None:
    updates = [
        report("lhhn", "2020-Q4", activity(start=D(2020, 10, 5), ref="8/QĐ")),
        report("sngv", "2020-Q4", activity(start=D(2020, 10, 3), ref="8/qđ")),
        report("snv", "2020-Q4", activity(), activity(start=D(2020, 10, 7), ref=" 8/QĐ")),
    ]
    warnings = activity_warnings(updates, CUTOFF)
    assert [(item.path, item.field) for item in warnings] == [
        ("plan/updates/lhhn/2020-Q4.yaml", "activities[0].start"),
        ("plan/updates/snv/2020-Q4.yaml", "activities[1].start"),
    ]
    assert warnings[0].message.en == (
        "activity event 8/QĐ is reported with different start dates (lhhn 05/10/2020, sngv 03/10/2020, "
        "snv 07/10/2020): it counts once, from the earliest, 2020-10-03"
    )


@pytest.mark.parametrize(
    "updates",
    [
        [report("lhhn", "2020-Q4", activity(ref="9/KH")), report("sngv", "2020-Q4", activity(ref="9/kh"))],
        [report("lhhn", "2020-Q4", activity()), report("sngv", "2020-Q4", activity(start=D(2020, 10, 9)))],
        [report("lhhn", "2020-Q4", activity(ref="9/KH")), report("sngv", "2020-Q4", activity(start=D(2020, 10, 9), ref="10/KH"))],
        [report("lhhn", "2020-Q4"), report("sngv", "2020-Q4")],
    ],
    ids=["same-start", "no-ref", "other-ref", "no-activities"],
)  # fmt: skip
def test_reports_that_agree_on_the_start_or_are_not_one_activity_are_not_warned_of(
    updates: list[tuple[str, UpdateRecord]],
) -> None:
    assert activity_warnings(updates, CUTOFF) == []


AID = activity(
    kind="aid", title="Viện trợ", start=D(2020, 12, 20), end=D(2021, 6, 30), countries=("JP", "KR"),
    partner="JICA", people=3, ref="1/VT", tasks=(4, 7), note="Dự án", aid_type="project",
    pledged=MoneyRecord(1000, "USD"), disbursed=MoneyRecord(250, "USD"),
)  # fmt: skip
MEDIA = activity(kind="media", items=4)


@pytest.mark.parametrize("record", [AID, MEDIA], ids=["every-field", "few-fields"])
def test_a_counted_activity_reads_back_from_its_json_form(record: ActivityRecord) -> None:
    [counted] = count_activities([report("lhhn", "2021-Q1", record)], CUTOFF)
    plain = json.loads(json.dumps(to_plain(counted)))
    assert from_plain(plain) == counted
    assert isinstance(from_plain(plain), CountedActivity)
    assert plain[2] == record.start.isoformat()
    assert len(plain) == len(CountedActivity._fields)


@pytest.mark.parametrize(
    ("change", "error"),
    [(lambda plain: plain[:-1], ValueError), (lambda plain: [*plain[:2], "20/12/2020", *plain[3:]], ValueError)],
    ids=["a-field-missing", "not-an-iso-date"],
)
def test_a_damaged_json_form_does_not_read(change: Any, error: type[Exception]) -> None:
    [counted] = count_activities([report("lhhn", "2021-Q1", AID)], CUTOFF)
    with pytest.raises(error):
        from_plain(change(json.loads(json.dumps(to_plain(counted)))))


def test_counting_some_quarters_gives_those_quarters_of_counting_all() -> None:
    updates = [
        report("lhhn", "2021-Q1", activity(start=D(2020, 12, 16), ref="6/KH"), activity(start=D(2021, 1, 5))),
        report("sngv", "2020-Q4", activity(start=D(2020, 12, 10), ref="6/KH"), activity(start=D(2020, 11, 2))),
        report("snv", "2020-Q3", activity(start=D(2020, 8, 1)), activity(start=D(2020, 8, 2), ref="9/KH")),
    ]
    everything = count_activities(updates, CUTOFF)
    for quarters in ({"2020-Q4"}, {"2021-Q1"}, {"2020-Q3", "2021-Q1"}, set()):
        some = count_activities(updates, CUTOFF, quarters)
        assert some == [item for item in everything if item.period in quarters]
    merged = count_activities(updates, CUTOFF, {"2020-Q4"})[0]
    assert merged.agencies == ("lhhn", "sngv")  # its later report, in 2021-Q1, still merged into it
