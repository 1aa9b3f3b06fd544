"""`dnnd links` output: the JSON records (a URL, or null and why), the CSV rows, and each URL whole on its own
line of the console, never folded."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.evaluate.forge_links import ForgeLinks, forge_links
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.output.formats.csv import to_csv
from dnnd.output.links_view import LINK_FIELDS, LinksOutput
from dnnd.plan.periods import quarter
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo
from tests.forge_helpers import with_forge

Q4 = quarter(2020, 4)


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(with_forge()), use_cache=False)


def _links(repo: Repository, agency: str | None = None) -> ForgeLinks:
    return forge_links(repo, PeriodChoice(Q4), today=dt.date(2021, 3, 1), agency_id=agency)


def test_records_give_the_url_or_null_and_the_reason_in_the_language_asked(repo: Repository) -> None:
    records = {item["agency"]: item for item in LinksOutput(repo, _links(repo), "en").document()["links"]}
    assert records["stttt"]["url"].startswith("https://github.com/khanhhoa/dnnd/new/main?filename=plan/updates/stttt/")
    assert records["stttt"]["reason"] is None and records["stttt"]["tasks"] == [8, 11]
    assert records["lhhn"]["url"] is None and records["lhhn"]["reason"].startswith("the link is too long")
    assert (records["lhhn"]["quarter"], records["lhhn"]["path"]) == ("2020-Q4", "plan/updates/lhhn/2020-Q4.yaml")
    document = LinksOutput(repo, _links(repo), "vi").document()
    assert document["period"] == "2020-Q4" and document["as_of"] == dt.date(2020, 12, 14)


def test_csv_has_the_link_fields(repo: Repository) -> None:
    fields, rows = LinksOutput(repo, _links(repo, "btg"), "vi").csv()
    assert fields == LINK_FIELDS == ("agency", "name", "quarter", "path", "url", "reason")
    lines = to_csv(rows, fields).splitlines()
    assert (
        lines[1].startswith("btg,Ban Tuyên giáo Tỉnh ủy,2020-Q4,plan/updates/btg/2020-Q4.yaml,https://")
        and len(lines) == 2
    )


def test_the_table_prints_each_url_whole_on_its_line(
    repo: Repository, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = _links(repo)
    LinksOutput(repo, result, "vi").print_table("vi")
    lines = capsys.readouterr().out.splitlines()
    urls = [link.url for link in result.links if link.url is not None]
    assert len(urls) >= 3 and all(url in lines for url in urls)
    text = " ".join(" ".join(lines).split())
    assert "Ban Tuyên giáo Tỉnh ủy (btg), 2020-Q4, plan/updates/btg/2020-Q4.yaml:" in text
    assert "Liên hiệp các tổ chức hữu nghị tỉnh (lhhn), 2020-Q4: đường dẫn quá dài" in text
    assert "dùng biểu mẫu Excel `dnnd form --agency lhhn --quarter 2020-Q4`" in text
