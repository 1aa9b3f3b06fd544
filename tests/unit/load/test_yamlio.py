"""dnnd.load.yamlio on broken bytes: every refusal names the file, the line and the column, and says what to do."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
import yaml

from dnnd.errors import DataError
from dnnd.load.decoding import MAX_FILE_BYTES, MAX_PROBLEMS_PER_FILE, decode_text
from dnnd.load.yamlio import (
    MAX_DEPTH,
    load_yaml,
    parse_yaml,
    quoted,
    text_value,
)

REL = "plan/updates/lhhn/2020-Q3.yaml"


def problems(raw: bytes, lang: str = "vi") -> list[str]:
    """Every problem load_yaml reports for `raw`, rendered as the CLI prints it."""
    with pytest.raises(DataError) as info:
        load_yaml(raw, REL)
    return [problem.render(lang) for problem in info.value.problems]


def only(raw: bytes, lang: str = "vi") -> str:
    found = problems(raw, lang)
    assert len(found) == 1, found
    return found[0]


# ----- syntax ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "where", "hint"),
    [
        pytest.param(b"agency: lhhn\nentries:\n\t- task: 5\n", "3:1", "dùng dấu cách để thụt lề", id="tab-indent"),
        pytest.param(b"entries:\n  - task: 5\n\tstatus: done\n", "3:1", "dùng dấu cách để thụt lề", id="tab-in-item"),
        pytest.param(b"entries:\n \ttask: 5\n", "2:2", "dùng dấu cách để thụt lề", id="space-then-tab"),
        pytest.param(b'agency: lhhn\nsummary: "Xong\nperiod: 2020-Q3\n', "2:10", "ngoặc kép", id="unclosed-quote"),
        pytest.param(b"agency: lhhn\nsummary: 'Xong\n", "2:10", "ngoặc kép", id="unclosed-single-quote"),
        pytest.param(b"lead: [sngv, lhhn\n", "1:7", "'[' hoặc '{' mà chưa đóng", id="unclosed-bracket"),
        pytest.param(b"entries:\n  - task: 5\n     status: done\n", "3:12", "ngoặc kép", id="deeper-indent"),
        pytest.param(b"entries:\n  - task: 5\n    status: done\n   summary: x\n", "4:4", "thụt lề", id="shallower"),
        pytest.param(b"agency: lhhn\n  period: 2020-Q3\n", "2:9", "ngoặc kép", id="indented-key"),
        pytest.param("summary: Ghi chú: đã xong\n".encode(), "1:17", "ngoặc kép", id="colon-in-value"),
        pytest.param(b"agency: lhhn\n---\nagency: sngv\n", "2:1", "xóa dòng '---' thứ hai", id="two-documents"),
        pytest.param(b"agency: lhhn\nperiod 2020-Q3\nentries: []\n", "2:1", "cần dấu ':'", id="missing-colon"),
    ],
)
def test_syntax_error_names_line_and_column(raw: bytes, where: str, hint: str) -> None:
    message = only(raw)
    assert message.startswith(f"{REL}:{where}: lỗi cú pháp YAML: ")
    assert "(thông báo gốc: " in message  # the parser's English words come last
    assert hint in message


def test_syntax_error_in_english() -> None:
    message = only(b"agency: lhhn\nentries:\n\t- task: 5\n", lang="en")
    assert message.startswith(f"{REL}:3:1: YAML syntax error (")
    assert message.endswith("indent with spaces, not tabs")


# ----- duplicate keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"agency: lhhn\nperiod: 2020-Q3\nagency: sngv\n", f"{REL}:3:1: khóa 'agency' lặp lại (đã có ở dòng 1)"),
        (
            b"entries:\n  - task: 5\n    status: done\n    summary: a\n    status: blocked\n",
            f"{REL}:5:5: khóa 'status' lặp lại (đã có ở dòng 3)",
        ),
        (b"reporter:\n  name: An\n  phone: '1'\n  name: Binh\n", f"{REL}:4:3: khóa 'name' lặp lại (đã có ở dòng 2)"),
        (b"a: 1\n'a': 2\n", f"{REL}:2:1: khóa 'a' lặp lại (đã có ở dòng 1)"),
    ],
    ids=["top-level", "in-list-item", "nested-mapping", "quoted-twin"],
)
def test_duplicate_key_names_the_key_and_its_first_line(raw: bytes, expected: str) -> None:
    message = only(raw)
    assert message.startswith(expected)
    assert "gộp nội dung" in message


def test_same_key_in_different_list_items_is_fine() -> None:
    doc = load_yaml(b"entries:\n  - task: 5\n  - task: 6\n", REL)
    assert doc.data == {"entries": [{"task": 5}, {"task": 6}]}


def test_every_duplicate_is_reported_up_to_the_limit() -> None:
    raw = b"".join(b"a: %d\n" % number for number in range(MAX_PROBLEMS_PER_FILE + 10))
    found = problems(raw)
    assert len(found) == MAX_PROBLEMS_PER_FILE
    assert found[0].startswith(f"{REL}:2:1: khóa 'a' lặp lại (đã có ở dòng 1)")


def test_duplicate_key_in_english() -> None:
    message = only(b"a: 1\nb: 2\na: 3\n", lang="en")
    assert message.startswith(f"{REL}:3:1: key 'a' appears twice (first on line 1)")


# ----- encodings --------------------------------------------------------------------------------

TEXT = "agency: lhhn\nsummary: Đã tổ chức hội nghị tại Khánh Hòa\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (TEXT.encode("utf-16"), f"{REL}: tệp được lưu theo mã UTF-16;"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), f"{REL}: tệp được lưu theo mã UTF-16;"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), f"{REL}: tệp được lưu theo mã UTF-16;"),
        (TEXT.encode("utf-16-le"), f"{REL}: tệp chứa byte 0: có lẽ được lưu theo mã UTF-16"),
        (TEXT.encode("utf-16-be"), f"{REL}: tệp chứa byte 0: có lẽ được lưu theo mã UTF-16"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), f"{REL}: tệp được lưu theo mã UTF-32;"),
    ],
    ids=["utf16-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom", "utf32-bom"],
)
def test_utf16_and_utf32_are_refused(raw: bytes, expected: str) -> None:
    message = only(raw)
    assert message.startswith(expected)
    assert "UTF-8" in message


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Vietnamese Windows writes them: base letter plus a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            out += unicodedata.normalize("NFC", base + "".join(marks[:-1])).encode("cp1258")
            out += marks[-1].encode("cp1258")
    return out


@pytest.mark.parametrize(
    ("raw", "where", "byte"),
    [
        pytest.param(_cp1258("agency: lhhn\nsummary: Đã tổ chức\n"), "2:10", "0xD0", id="windows-1258"),
        # "Khánh Hòa" in TCVN3 (ABC): á is 0xB8, ò is 0xDF.
        pytest.param(b"agency: lhhn\nperiod: 2020-Q3\nsummary: Kh\xb8nh H\xdfa\n", "3:12", "0xB8", id="tcvn3"),
        # A UTF-8 file with one pasted TCVN3 word: the column counts characters, as an editor does, not bytes.
        pytest.param("summary: Hòa Đà ".encode() + b"\xb8\n", "1:17", "0xB8", id="mixed"),
    ],
)
def test_legacy_vietnamese_encoding_is_refused_with_line_and_column(raw: bytes, where: str, byte: str) -> None:
    message = only(raw)
    assert message.startswith(f"{REL}:{where}: tệp không phải UTF-8 (byte {byte}); có lẽ tệp dùng bảng mã cũ")
    assert "TCVN3, VNI, Windows-1258" in message


def test_utf8_bom_and_crlf_are_accepted() -> None:
    raw = codecs.BOM_UTF8 + "agency: lhhn\r\nperiod: 2020-Q3\r\nsummary: Đã xong\r\n".encode()
    doc = load_yaml(raw, REL)
    assert doc.data == {"agency": "lhhn", "period": "2020-Q3", "summary": "Đã xong"}
    assert doc.values[("summary",)] == (3, 10)


def test_nfd_input_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "name: Ủy ban nhân dân tỉnh Khánh Hòa\n")
    assert nfd != unicodedata.normalize("NFC", nfd)
    doc = load_yaml(nfd.encode(), REL)
    assert doc.data == {"name": "Ủy ban nhân dân tỉnh Khánh Hòa"}
    assert unicodedata.is_normalized("NFC", doc.data["name"])


# ----- forbidden characters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x07", "U+0007"),
        ("\x1b", "U+001B"),
        ("\x85", "U+0085"),
        ("\u202e", "U+202E"),
        ("\x00", "U+0000"),
        ("\u2028", "U+2028"),
        ("\ufeff", "U+FEFF"),
    ],
    ids=["bell", "escape", "next-line", "right-to-left-override", "nul-late", "line-separator", "inner-bom"],
)
def test_control_character_is_refused_with_line_and_column(char: str, code: str) -> None:
    raw = ("agency: lhhn\n" + "# " + "x" * 5000 + "\n" + f"summary: Đã {char}xong\n").encode()
    message = only(raw)
    assert message.startswith(f"{REL}:3:13: ký tự điều khiển {code} không được phép")
    assert message.endswith("hãy xóa nó")


def test_every_control_character_is_listed() -> None:
    found = problems(b"a: \x07\nb: x\x1by\n")
    assert [line.split(": ký tự")[0] for line in found] == [f"{REL}:1:4", f"{REL}:2:5"]


def test_tab_and_newlines_are_not_control_characters() -> None:
    assert load_yaml(b'summary: "a\tb"\r\nnote: x\n', REL).data == {"summary": "a\tb", "note": "x"}


# ----- tags, aliases, size ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        (
            b"summary: !!python/object/apply:os.system ['echo pwned']\n",
            "tag:yaml.org,2002:python/object/apply:os.system",
        ),
        (
            b"summary: !!python/object:collections.OrderedDict {}\n",
            "tag:yaml.org,2002:python/object:collections.OrderedDict",
        ),
        (b"summary: !!python/name:os.system ''\n", "tag:yaml.org,2002:python/name:os.system"),
        (b"summary: !custom x\n", "!custom"),
        (b"summary: !!set {a, b}\n", "tag:yaml.org,2002:set"),
        (b"summary: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary"),
    ],
    ids=["python-apply", "python-object", "python-name", "local", "set", "binary"],
)
def test_tags_are_refused(raw: bytes, tag: str) -> None:
    assert only(raw).startswith(f"{REL}:1:10: thẻ YAML '{tag}' không được dùng")


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    message = only("\n".join(lines).encode())
    assert message.startswith(f"{REL}:")
    assert "tệp có quá nhiều giá trị" in message


def test_a_few_aliases_are_fine() -> None:
    assert load_yaml(b"a: &x 1\nb: *x\n", REL).data == {"a": 1, "b": 1}


@pytest.mark.parametrize(
    "raw",
    [
        b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n",
        b"a: " + b"[" * 100_000,
        b"".join(b"  " * level + b"k%d:\n" % level for level in range(MAX_DEPTH + 5)),
        b"- " * 100_000,
    ],
    ids=["flow", "flow-unclosed-huge", "block", "block-huge"],
)
def test_deep_nesting_is_refused(raw: bytes) -> None:
    message = only(raw)
    assert message.startswith(f"{REL}:")
    assert "cấu trúc lồng quá sâu" in message


def test_file_over_the_size_limit_is_refused() -> None:
    raw = b"summary: " + b"x" * MAX_FILE_BYTES + b"\n"
    assert only(raw).startswith(f"{REL}: tệp quá lớn ({len(raw):,} byte; tối đa {MAX_FILE_BYTES:,})")


def test_file_at_the_size_limit_is_read() -> None:
    raw = b"summary: " + b"x" * (MAX_FILE_BYTES - 10) + b"\n"
    assert len(load_yaml(raw, REL).data["summary"]) == MAX_FILE_BYTES - 10


# ----- scalars ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("off", "off"),
        ("0123", "0123"),
        ("0905123456", "0905123456"),
        ("1:30", "1:30"),
        ("2020-02-30", "2020-02-30"),
        ("1.5", "1.5"),
        ("0x1F", "0x1F"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("2020-Q3", "2020-Q3"),
        ("'12'", "12"),
        ('"true"', "true"),
        ("'2020-09-01'", "2020-09-01"),
        ("true", True),
        ("False", False),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("2020-09-01", "2020-09-01"),
        ("~", None),
        ("null", None),
        ("", None),
    ],
)
def test_only_a_small_schema_is_typed(text: str, value: object) -> None:
    data = parse_yaml(f"value: {text}\n", REL).data
    assert data == {"value": value}
    assert type(data["value"]) is type(value)


def test_keys_stay_text() -> None:
    assert parse_yaml("1: a\ntrue: b\nno: c\n", REL).data == {"1": "a", "true": "b", "no": "c"}


@pytest.mark.parametrize("raw", [b"", b"\n\n", "# chỉ có chú thích\n".encode(), codecs.BOM_UTF8])
def test_empty_file_has_no_data(raw: bytes) -> None:
    doc = load_yaml(raw, REL)
    assert doc.data is None
    assert doc.locate(("agency",)) == (None, None)


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("agency: lhhn\nentries:\n  - task: 5\n    status: done\n", REL)
    assert doc.values[("entries", 0, "status")] == (4, 13)
    assert doc.keys[("entries", 0, "status")] == (4, 5)
    assert doc.locate(("entries", 0, "summary")) == (3, 5)
    assert doc.locate(("entries", 0, "status"), key=True) == (4, 5)


def test_a_key_must_be_a_plain_word() -> None:
    assert only(b"? [a, b]\n: 1\n").startswith(f"{REL}:1:3: khóa phải là một từ đơn giản")


@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u200e", "\u2060", "\ue000"])
def test_invisible_and_private_use_characters_are_refused(char: str) -> None:
    with pytest.raises(DataError) as caught:
        load_yaml(f"summary: Đã{char}làm\n".encode(), REL)
    assert f"U+{ord(char):04X}" in caught.value.problems[0].render("vi")


def test_emoji_with_joiners_are_text() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert load_yaml(f"summary: {family}\n".encode(), REL).data == {"summary": family}


def test_a_stray_zero_byte_in_utf8_text_is_a_control_character_with_its_place() -> None:
    message = only("agency: lhhn\nsummary: C\x00ó.\n".encode(), lang="en")
    assert message == (
        f"{REL}:2:11: control character U+0000 is not allowed (it corrupts Word output or hides text): delete it"
    )


# ----- texts dnnd writes for people to edit ------------------------------------------------------


def read_back(text: str) -> object:
    """`text` written by text_value as task 5's text in a report text, then read as dnnd reads the file."""
    first, *block = text_value(text, 4)
    written = "period: 2020-Q4\ntasks:\n  5: " + "\n".join([first, *block]) + "\nsummary: Sau.\n"
    data = load_yaml(written.encode(), REL).data
    assert data["summary"] == "Sau."  # the block ends where it should
    return data["tasks"]["5"]


@pytest.mark.parametrize(
    "text",
    [
        "Một dòng.",
        "Dòng 1\nDòng 2\n\nĐoạn 2, sau một dòng trống",
        "Ghi chú: đã xong # không phải chú thích",
        "# cả dòng như chú thích",
        "- như một mục\n  thụt lề ở dòng sau",
        "null",
        "123",
        "'nháy đơn' và \"nháy kép\"",
        "\ndòng đầu trống",
    ],
)
def test_text_value_writes_a_literal_block_that_reads_back_the_same(text: str) -> None:
    written = text_value(text, 4)
    assert written[0] == "|-"
    assert all(line == "" or line.startswith("    ") for line in written[1:])
    assert read_back(text) == text


@pytest.mark.parametrize(
    "text",
    ["  thụt lề ở đầu", "\n  dòng sau thụt lề", "xuống dòng ở cuối\n", "", "   ", "a\r\nb"],
)
def test_text_value_quotes_what_a_block_would_change(text: str) -> None:
    written = text_value(text, 4)
    assert len(written) == 1 and written[0].startswith('"') and written[0].endswith('"')
    assert "\n" not in written[0]  # one line
    assert read_back(text) == text


def test_quoted_is_one_json_string_with_letters_as_they_are() -> None:
    assert quoted("Đã xong: 100%") == '"Đã xong: 100%"'
    assert quoted('a "b"\\c\n\td') == '"a \\"b\\"\\\\c\\n\\td"'
    assert parse_yaml(f"value: {quoted('a: b # c')}\n", REL).data == {"value": "a: b # c"}


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\ufeff"])
def test_quoted_escapes_what_yaml_would_read_as_a_line_break_or_refuse(char: str) -> None:
    written = quoted(f"trước{char}sau")
    assert written == f'"trước\\u{ord(char):04x}sau"'
    assert char not in written
    assert yaml.safe_load(f"value: {written}\n") == {"value": f"trước{char}sau"}
    assert decode_text(written.encode(), REL) == written  # nothing dnnd's reader refuses or counts as a line


def test_text_value_as_a_top_level_value_reads_back_the_same() -> None:
    text = "Đoạn 1: mở đầu.\n\n  Đoạn 2 thụt lề.\nKết # hết"
    written = "summary: " + "\n".join(text_value(text, 2)) + "\nperiod: 2020-Q4\n"
    assert text_value(text, 2)[1] == "  Đoạn 1: mở đầu."
    assert load_yaml(written.encode(), REL).data == {"summary": text, "period": "2020-Q4"}
