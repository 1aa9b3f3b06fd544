"""The site's pages: rendered with links relative to each page, in NFC, and written to a folder that is refused
unless it is empty or an earlier build of a dnnd site."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from dnnd.dashboard.pages import GENERATOR, STYLESHEET, PageWriter, write_pages
from dnnd.dashboard.words import Writer
from dnnd.errors import DnndError, UsageError

OLD = 1_000_000_000  # a modification time long past (2001)


def rendered(*rels: str, heading: str = "Diễn biến", lang: str = "vi") -> dict[str, bytes]:
    pages = PageWriter("Kế hoạch đối ngoại nhân dân", Writer(lang), "14/12/2020")
    for rel in rels:
        pages.add(rel, "trend.html.j2", "trend", "Diễn biến", heading=heading, lead_in="Từng quý.", charts=[])
    return pages.finish()


def site(pages: dict[str, str]) -> dict[str, bytes]:
    """Pages as a build gives them: each names dnnd as its generator."""
    return {rel: f"{GENERATOR}{text}".encode() for rel, text in pages.items()}


def test_a_page_links_to_the_others_relative_to_its_own_folder() -> None:
    pages = rendered("index.html", "nhiem-vu/1.html")
    top, nested = pages["index.html"].decode(), pages["nhiem-vu/1.html"].decode()
    assert '<link rel="stylesheet" href="style.css">' in top and 'href="co-quan/index.html"' in top
    assert '<link rel="stylesheet" href="../style.css">' in nested
    assert 'href="../index.html"' in nested and 'href="../dien-bien.html" aria-current="page"' in nested
    assert 'href="/' not in top + nested and "://" not in top + nested


def test_a_page_is_in_nfc_whatever_form_its_text_came_in() -> None:
    decomposed = unicodedata.normalize("NFD", "Tình hình thực hiện quý IV")
    assert decomposed != "Tình hình thực hiện quý IV"
    html = rendered("index.html", heading=decomposed)["index.html"].decode("utf-8")
    assert f"<h1>{unicodedata.normalize('NFC', decomposed)}</h1>" in html
    assert unicodedata.is_normalized("NFC", html)


def test_a_page_has_its_language_its_generator_and_its_titles() -> None:
    html = rendered("dien-bien.html", lang="en")["dien-bien.html"].decode()
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">') and GENERATOR in html[:2000]
    assert "<title>Diễn biến · Kế hoạch đối ngoại nhân dân</title>" in html
    assert ">Trend</a>" in html and "Data as of 14/12/2020." in html


def test_finishing_adds_the_stylesheet_and_orders_the_pages() -> None:
    pages = rendered("nhiem-vu/1.html", "index.html")
    assert list(pages) == ["index.html", "nhiem-vu/1.html", STYLESHEET]
    assert pages[STYLESHEET].strip() and b"<html" not in pages[STYLESHEET]


def test_the_pages_are_written_under_the_folder_which_is_made_when_missing(tmp_path: Path) -> None:
    out = tmp_path / "site" / "nested"
    assert write_pages(rendered("index.html", "nhiem-vu/1.html"), out) == 3
    assert sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file()) == [
        "index.html", "nhiem-vu/1.html", "style.css",
    ]  # fmt: skip
    assert (out / "nhiem-vu" / "1.html").read_bytes() == rendered("nhiem-vu/1.html")["nhiem-vu/1.html"]


def test_an_unchanged_page_keeps_its_time_and_a_changed_one_is_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_pages(site({"index.html": "a", "same.html": "b"}), out)
    for name in ("index.html", "same.html"):
        os.utime(out / name, (OLD, OLD))
    write_pages(site({"index.html": "changed", "same.html": "b"}), out)
    assert (out / "same.html").stat().st_mtime == OLD
    assert (out / "index.html").stat().st_mtime != OLD
    assert (out / "index.html").read_bytes() == f"{GENERATOR}changed".encode()


def test_a_page_an_earlier_build_left_is_removed_and_files_not_pages_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_pages(site({"index.html": "a", "co-quan/stc.html": "b", "co-quan/sngv.html": "c"}), out)
    (out / "CNAME").write_text("dnnd.example\n", encoding="utf-8")
    assert write_pages(site({"index.html": "a", "co-quan/sngv.html": "c"}), out) == 2
    assert not (out / "co-quan" / "stc.html").exists()
    assert (out / "co-quan" / "sngv.html").is_file() and (out / "CNAME").is_file()


@pytest.mark.parametrize(
    "existing",
    [{"notes.txt": "mine"}, {"index.html": "<html><title>My site</title></html>"}, {"sub/index.html": "x"}],
    ids=["other-files", "another-site", "only-a-subfolder"],
)
def test_a_folder_holding_anything_but_a_dnnd_site_is_refused_and_left_alone(
    tmp_path: Path, existing: dict[str, str]
) -> None:
    out = tmp_path / "folder"
    for rel, text in existing.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    before = sorted(path.relative_to(out) for path in out.rglob("*"))
    with pytest.raises(UsageError) as raised:
        write_pages(rendered("index.html", "nhiem-vu/1.html"), out)
    assert "not a dnnd site" in raised.value.message.en
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before
    assert (out / next(iter(existing))).read_text(encoding="utf-8") == next(iter(existing.values()))


def test_an_empty_folder_is_written_into_and_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert write_pages(site({"index.html": "a"}), tmp_path / "empty") == 1
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        write_pages(site({"index.html": "a"}), tmp_path / "file")
    assert "is not a folder" in raised.value.message.en


def test_inside_the_repository_no_page_is_written_through_a_link_leading_out(tmp_path: Path) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    out = root / "site"
    write_pages(site({"index.html": "a"}), out, root)
    (out / "nhiem-vu").symlink_to(outside, target_is_directory=True)
    with pytest.raises(DnndError):
        write_pages(site({"index.html": "a", "nhiem-vu/1.html": "b"}), out, root)
    assert list(outside.iterdir()) == []
