"""The caches' file: a checksummed JSON body under a key, read back only when format, key and checksum agree."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dnnd.cache import store

BODY = {"plan/updates/lhhn/2020-Q3.yaml\0abc": ["lhhn", "2020-Q3", None, []], "ghi chú": "Đã xong."}


def test_a_saved_body_reads_back_under_its_key_only(tmp_path: Path) -> None:
    path = tmp_path / "dnnd-cache.json"
    store.save(path, "key-1", BODY)
    assert store.load(path, "key-1") == BODY
    assert store.load(path, "key-2") == {}
    assert [item.name for item in tmp_path.iterdir()] == ["dnnd-cache.json"]  # no temporary file left


def test_the_file_is_a_header_line_then_the_compact_body(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    store.save(path, "k", {"a": "Đã xong.", "b": [1, None]})
    head, body = path.read_bytes().split(b"\n")
    assert body == '{"a":"Đã xong.","b":[1,null]}'.encode()
    assert json.loads(head) == {"format": 1, "key": "k", "sha256": hashlib.sha256(body).hexdigest()}


@pytest.mark.parametrize(
    "damage",
    [
        lambda head, body: head + b"\n" + body.replace(b"2020-Q3", b"2020-Q4"),  # checksum no longer agrees
        lambda head, body: head.replace(b'"format": 1', b'"format": 2') + b"\n" + body,
        lambda head, body: head + b"\n" + body[:-1],
        lambda head, body: b"[1, 2]\n" + body,
        lambda head, body: b"\xff\xfe\n",
        lambda head, body: b"",
    ],
)
def test_a_file_that_cannot_be_trusted_gives_nothing(tmp_path: Path, damage: Callable[[bytes, bytes], bytes]) -> None:
    path = tmp_path / "cache.json"
    store.save(path, "k", BODY)
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(damage(head, body))
    assert store.load(path, "k") == {}


def test_a_body_that_is_not_a_mapping_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    body = b"[1,2]"
    path.write_bytes(
        json.dumps({"format": 1, "key": "k", "sha256": hashlib.sha256(body).hexdigest()}).encode() + b"\n" + body
    )
    assert store.load(path, "k") == {}
    assert store.load(tmp_path / "missing.json", "k") == {}


def test_a_cache_that_cannot_be_written_is_simply_not_kept(tmp_path: Path) -> None:
    store.save(tmp_path / "no-such-dir" / "cache.json", "k", BODY)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("value", "disabled"), [(None, False), ("", False), ("0", False), (" 0 ", False), ("1", True), ("yes", True)]
)
def test_dnnd_no_cache_disables_the_caches(monkeypatch: pytest.MonkeyPatch, value: str | None, disabled: bool) -> None:
    if value is None:
        monkeypatch.delenv("DNND_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("DNND_NO_CACHE", value)
    assert store.disabled() is disabled


def test_sections_are_read_back_one_by_one_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "sections.json"
    store.save_sections(path, "k1", {"2020-Q3": b"[1]", "2020-Q4": b"[2,3]", "2021-Q1": b"[]"})
    assert store.load_sections(path, "k1", ["2020-Q4", "2019-Q1"]) == {"2020-Q4": b"[2,3]"}
    assert store.load_sections(path, "k1", None) == {"2020-Q3": b"[1]", "2020-Q4": b"[2,3]", "2021-Q1": b"[]"}
    assert store.load_sections(path, "another key", None) is None
    assert store.load_sections(tmp_path / "missing.json", "k1", None) is None


def test_a_damaged_section_is_not_served(tmp_path: Path) -> None:
    path = tmp_path / "sections.json"
    store.save_sections(path, "k1", {"2020-Q3": b"[1]", "2020-Q4": b"[2,3]"})
    path.write_bytes(path.read_bytes().replace(b"[2,3]", b"[2,4]"))
    assert store.load_sections(path, "k1", ["2020-Q3"]) == {"2020-Q3": b"[1]"}  # the others are not read
    assert store.load_sections(path, "k1", ["2020-Q4"]) is None
    path.write_bytes(b"not json\n")
    assert store.load_sections(path, "k1", None) is None
