"""Reading update files: the fast path agrees with the positional loader, and parallel loading with serial."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dnnd.load import fastpath, records, update_files
from dnnd.load.git import content_id
from dnnd.load.yamlio import decode_text, parse_yaml
from tests.conftest import MakeRepo

GOOD = """agency: lhhn
period: 2020-Q3
reporter:
  name: Nguyễn Văn A
  phone: "0905123456"
entries:
  - task: 5
    status: done
    done_on: 2020-09-01
    summary: >-
      Đã phối hợp hướng dẫn,
      tổ chức hội nghị.
    documents:
      - number: 45/LHHN-VP
        date: 2020-07-01
        title: Kế hoạch
"""


def test_fast_path_gives_what_the_positional_loader_gives() -> None:
    text = decode_text(GOOD.encode(), "x")
    assert fastpath.parse(text) == parse_yaml(text, "x").data


@pytest.mark.parametrize(
    "text",
    [
        "agency: lhhn\nagency: snv\n",  # duplicate key: the fast parser would keep the last silently
        "entries:\n  - task: 5\n    task: 6\n",
        "phone: 0905123456\n",  # YAML 1.2 reads a number, our schema keeps the text
        "ratio: 1.50\n",
        "task: 0x1F\n",
        "a: &x 1\nb: *x\n",
        "a: !!python/object:os.system x\n",
        "documents: [{number: 1, date: 2020-01-01}]\n",
        "---\na: 1\n",
        "? a\n: 1\n",
        "summary: |\n  dòng một\n  khóa: giá trị\n",
        "1: a\n",
        "flag: yes\nother: true\nx: 1.0e3\n",
    ],
)
def test_fast_path_declines_what_it_might_read_differently(text: str) -> None:
    assert fastpath.parse(text) is None


def test_fast_path_is_only_used_when_it_agrees(make_repo: MakeRepo) -> None:
    raw = "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: in_progress\n    summary: 0905\n"
    assert update_files.read_update(raw.encode(), "x").entries[0].summary == "0905"


def test_parallel_loading_gives_the_serial_result(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes | None] = {}
    for year in range(2021, 2031):
        for quarter in range(1, 5):
            files[f"plan/updates/lhhn/{year}-Q{quarter}.yaml"] = (
                f"agency: lhhn\nperiod: {year}-Q{quarter}\nentries:\n  - task: 5\n    status: in_progress\n"
                f"    summary: Quý {quarter} năm {year}.\n"
            )
    files["plan/updates/lhhn/2031-Q1.yaml"] = "agency: lhhn\nperiod: 2031-Q1\nentries:\n  - task: 99\n"
    root = make_repo(files)
    rels = sorted(rel for rel in files)
    serial = list(update_files.parse_many(root, rels))
    monkeypatch.setattr(update_files, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(update_files, "SMALLEST_CHUNK", 3)  # several chunks, the invalid file in a later one
    monkeypatch.setattr(update_files.os, "cpu_count", lambda: 2)
    assert list(update_files.parse_many(root, rels)) == serial
    assert [parsed.plain is None and parsed.problems != [] for parsed in serial].index(True) == len(rels) - 1
    assert serial[0].content_id == content_id((root / rels[0]).read_bytes())  # what was read, by content


def test_chunks_shrink_towards_the_end_and_cover_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    bounds = update_files.chunk_bounds(24_000, 2)
    sizes = [end - start for start, end in bounds]
    assert bounds[0][0] == 0 and bounds[-1][1] == 24_000
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(bounds))
    assert sizes[0] == 3_000 and sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == update_files.SMALLEST_CHUNK and len(bounds) < 50
    monkeypatch.setattr(update_files, "SMALLEST_CHUNK", 1)
    assert update_files.chunk_bounds(3, 2) == [(0, 1), (1, 2), (2, 3)]


def test_without_a_cache_no_blob_id_is_computed(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"plan/updates/lhhn/2020-Q3.yaml": GOOD})
    with_ids = list(update_files.parse_many(root, ["plan/updates/lhhn/2020-Q3.yaml"]))
    monkeypatch.setattr(update_files, "content_id", lambda raw: pytest.fail("hashed"))
    without = list(update_files.parse_many(root, ["plan/updates/lhhn/2020-Q3.yaml"], with_ids=False))
    assert [parsed._replace(content_id=None) for parsed in with_ids] == without
    assert with_ids[0].content_id is not None and without[0].plain is not None


def test_records_round_trip(tmp_path: Path) -> None:
    plain = records.to_plain(update_files.read_update(GOOD.encode(), "x"))
    record = records.from_plain(plain)
    assert record.entries[0].done_on is not None and record.entries[0].documents[0].number == "45/LHHN-VP"
    assert record.reporter is not None and record.reporter.phone == "0905123456"
