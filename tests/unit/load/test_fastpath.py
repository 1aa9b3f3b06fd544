"""The fast path's own rules: what it screens out, the values it refuses, and its count of key lines."""

from __future__ import annotations

import pytest

from dnnd.load import fastpath
from dnnd.load.yamlio import parse_yaml

PLAIN = "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: in_progress\n    summary: Đã làm.\n"


def test_a_plain_update_is_read_with_our_schema() -> None:
    text = PLAIN + "    documents: []\n    note: no\n    phone: +84\n    done_on: 2020-09-01\n    occurrence:\n"
    assert fastpath.parse(text) == {
        "agency": "lhhn",
        "period": "2020-Q3",
        "entries": [
            {
                "task": 5,
                "status": "in_progress",
                "summary": "Đã làm.",
                "documents": [],
                "note": "no",
                "phone": 84,
                "done_on": "2020-09-01",
                "occurrence": None,
            }
        ],
    }


@pytest.mark.parametrize(
    "text",
    [
        "documents: [ ]\n",  # only an empty [] or {} alone at the end of its line passes
        "countries: [JP,\n  KR]\n",  # a flow collection over several lines
        "countries: [JP, 'KR']\n",  # quoted items
        "documents: [{number: 1}]\n",  # nested
        "pledged: {amount: 1.5e9, currency: VND}\n",  # a number our schema would read otherwise
        "countries: [JP, 0x1F]\n",
        "pledged: {amount: 1, amount: 2}\n",  # a duplicate key inside a flow mapping
        "summary: x &y\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "<<: x\n",
        "entries:\n  - 0.5\n",
        "entries:\n  -  -.inf\n",
        "phone: -0123\n",
        "? agency\n: lhhn\n",  # an explicit key and value
        "entries:\n  - ? task\n    : 5\n",
        "a: 1\n---\nb: 2\n",
        "--- \na: 1\n",
    ],
)
def test_risky_syntax_is_screened_out(text: str) -> None:
    assert fastpath.parse(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "summary: '[x'\n",  # brackets inside a quoted text are text to both parsers
        "activities:\n  - kind: aid\n    countries: [JP, KR]\n    pledged: {amount: 1500000000, currency: VND}\n",
        "activities:\n  - countries: []\n    tasks: [7, 12]\n",
        '# document: {number: "1/QĐ", title: "x"}\nevents: []\n',  # a comment line, whatever it holds
        "summary: |\n  # note: {a: b} [c\n",  # in a block scalar: text
    ],
)
def test_one_line_flow_collections_of_plain_words_read_as_our_parser_reads_them(text: str) -> None:
    assert fastpath.parse(text) == parse_yaml(text, "x.yaml").data


@pytest.mark.parametrize(
    ("value", "fast"),
    [("999999999999999999", True), ("-999999999999999999", True), ("1000000000000000000", False)],
)
def test_integers_of_nineteen_digits_are_left_to_yamlio(value: str, fast: bool) -> None:
    text = f"task: {value}\n"
    assert fastpath.parse(text) == (parse_yaml(text, "x").data if fast else None)


def test_an_escaped_control_character_is_refused_an_escaped_tab_is_not() -> None:
    assert fastpath.parse('summary: "a\\tb"\n') == {"summary": "a\tb"}
    assert fastpath.parse('summary: "a\\u200bb"\n') is None
    assert fastpath.parse('"a\\x01": 1\n') is None


@pytest.mark.parametrize("text", ["1: a\n", "true: a\n", "null: a\n", "- a: 1\n", "just text\n", ""])
def test_only_a_mapping_with_text_keys_is_vouched_for(text: str) -> None:
    assert fastpath.parse(text) is None


def test_comment_lines_do_not_count_as_key_lines() -> None:
    text = "# ghi chú: quý III\nagency: lhhn  # đơn vị: LHHN\n  # khóa: giá trị\nperiod: 2020-Q3\n"
    assert fastpath.parse(text) == {"agency": "lhhn", "period": "2020-Q3"}


def test_a_duplicate_key_in_a_file_with_windows_line_endings_is_declined() -> None:
    text = PLAIN.replace("summary: Đã làm.\n", "summary: A\n    summary: B\n").replace("\n", "\r\n")
    assert fastpath.parse(text) is None
