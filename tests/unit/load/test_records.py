"""Update records: git's blob id of a content, the JSON form the cache stores, and reading it back."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.load import records
from dnnd.load.records import DocumentRecord, EntryRecord, ReporterRecord, UpdateRecord
from dnnd.plan.models import Update

DONE = [5, "done", "2020-09-01", "Đã xong.", "Thiếu kinh phí.", None, [["45/LHHN-VP", "2020-07-01", "Kế hoạch"]], 2020]


def test_a_model_becomes_a_plain_list_in_field_order() -> None:
    update = Update.model_validate(
        {
            "agency": "lhhn",
            "period": "2020-Q3",
            "reporter": {"name": "Nguyễn Văn A", "phone": "0258"},
            "entries": [{"task": 5, "status": "in_progress", "summary": "Đang làm."}],
        }
    )
    assert records.to_plain(update) == [
        "lhhn",
        "2020-Q3",
        ["Nguyễn Văn A", None, "0258", None],
        [[5, "in_progress", None, "Đang làm.", None, None, [], None]],
        [],
    ]


def test_the_plain_form_reads_back_into_records() -> None:
    record = records.from_plain(["lhhn", "2020-Q4", None, [DONE], []])
    document = DocumentRecord("45/LHHN-VP", dt.date(2020, 7, 1), "Kế hoạch")
    entry = EntryRecord.of(5, "done", dt.date(2020, 9, 1), "Đã xong.", "Thiếu kinh phí.", None, (document,), 2020)
    assert record == UpdateRecord("lhhn", "2020-Q4", None, (entry,), ())
    assert records.entry_to_plain(record.entries[0]) == DONE


def test_a_reporter_reads_back_as_its_record() -> None:
    record = records.from_plain(["snv", "2021-Q1", ["B", "Chuyên viên", None, "b@snv.example"], [], []])
    assert record.reporter == ReporterRecord("B", "Chuyên viên", None, "b@snv.example")
    assert record.entries == ()


@pytest.mark.parametrize(
    "plain",
    [
        ["lhhn", "2020-Q3", None],  # a field missing
        ["lhhn", "2020-Q3", None, [DONE[:7]]],  # an entry without its occurrence
        ["lhhn", "2020-Q3", None, [[*DONE[:2], "01/09/2020", *DONE[3:]]]],  # not an ISO date
        [5, "2020-Q3", None, []],  # an agency that is not text
        "lhhn",
    ],
)
def test_a_damaged_plain_form_gives_no_record(plain: list[object]) -> None:
    assert records.record_or_none(plain) is None


def test_no_plain_form_gives_no_record() -> None:
    assert records.record_or_none(None) is None


def test_an_activity_becomes_a_plain_list_and_reads_back_as_its_record() -> None:
    aid = {"kind": "aid", "title": "Nước sạch", "start": "2020-11-20", "countries": ["KR"], "partner": "GNI"}
    aid |= {"aid_type": "project", "pledged": {"amount": 20000, "currency": "USD"}, "ref": "12/QĐ-UBND"}
    update = Update.model_validate({"agency": "lhhn", "period": "2020-Q4", "entries": [], "activities": [aid]})
    plain = records.to_plain(update)[4]
    assert plain == [
        [
            "aid",
            "Nước sạch",
            "2020-11-20",
            None,
            ["KR"],
            "GNI",
            None,
            None,
            "12/QĐ-UBND",
            [],
            None,
            "project",
            [20000, "USD"],
            None,
        ]
    ]
    record = records.activity_from_plain(plain[0])
    assert (record.start, record.countries, record.pledged) == (dt.date(2020, 11, 20), ("KR",), (20000, "USD"))
    assert record.pledged is not None and record.pledged.currency == "USD"


def test_an_entrys_texts_are_kept_as_utf8_and_read_as_text() -> None:
    entry = records.entry_from_plain([5, "done", "2020-09-01", "Đã tổ chức hội nghị.", None, "Đề xuất.", [], None])
    assert entry.summary_utf8 == "Đã tổ chức hội nghị.".encode() and entry.difficulties_utf8 is None
    assert (entry.summary, entry.difficulties, entry.proposals) == ("Đã tổ chức hội nghị.", None, "Đề xuất.")
    assert entry == EntryRecord.of(5, "done", dt.date(2020, 9, 1), "Đã tổ chức hội nghị.", proposals="Đề xuất.")


def test_a_worker_sends_the_texts_as_utf8_and_the_cache_stores_them_as_text() -> None:
    entry = {"task": 5, "status": "in_progress", "summary": "Đang làm.", "proposals": "Đề xuất."}
    update = Update.model_validate({"agency": "lhhn", "period": "2020-Q3", "entries": [entry]})
    sent = records.to_plain(update, utf8=True)
    assert sent[3] == [[5, "in_progress", None, "Đang làm.".encode(), None, "Đề xuất.".encode(), [], None]]
    assert records.jsonable(sent) == records.to_plain(update)
    assert records.from_plain(sent) == records.from_plain(records.to_plain(update))
