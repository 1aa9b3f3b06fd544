"""`dnnd links`: for each agency and quarter `dnnd missing` names, the URL that opens the update on the forge,
pre-filled with what `dnnd new-update` writes; the Excel form when it is too long."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.conftest import MakeRepo, RunCli
from tests.forge_helpers import with_forge

Q4 = ("--quarter", "2020-Q4")


def _links(run_cli: RunCli, repo: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli("links", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    links: list[dict[str, Any]] = json.loads(result.stdout)["links"]
    return links


def test_json_gives_each_missing_agency_its_url_or_why_not(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(with_forge())
    links = _links(run_cli, repo, *Q4)
    missing = json.loads(run_cli("missing", *Q4, "--format", "json", repo=repo).stdout)["missing"]
    assert [(link["agency"], link["quarter"]) for link in links] == [(m["agency"], m["period"]) for m in missing]
    assert all(set(link) == {"agency", "name", "quarter", "path", "url", "reason", "tasks"} for link in links)
    by_agency = {link["agency"]: link for link in links}
    assert (
        by_agency["btg"]["url"].startswith("https://github.com/khanhhoa/dnnd/new/main?filename=")
        and not by_agency["btg"]["reason"]
    )
    assert by_agency["sngv"]["url"] is None
    assert "`dnnd form --agency sngv --quarter 2020-Q4`" in by_agency["sngv"]["reason"]


def test_a_github_url_decodes_to_exactly_the_path_and_the_scaffold(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(with_forge())
    [link] = _links(run_cli, repo, *Q4, "--agency", "btg")
    assert run_cli("new-update", "--agency", "btg", *Q4, repo=repo).exit_code == 0
    scaffold = (repo / "plan/updates/btg/2020-Q4.yaml").read_text(encoding="utf-8")
    parts = urlsplit(link["url"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/khanhhoa/dnnd/new/main")
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query == {"filename": ["plan/updates/btg/2020-Q4.yaml"], "value": [scaffold]}
    assert link["path"] == "plan/updates/btg/2020-Q4.yaml" and "Ban Tuyên giáo Tỉnh ủy" in scaffold


def test_a_half_gives_a_link_per_missing_quarter_of_the_agency(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(with_forge())
    links = _links(run_cli, repo, "--half", "2020-H2", "--agency", "stttt")
    assert [(link["agency"], link["quarter"]) for link in links] == [("stttt", "2020-Q3"), ("stttt", "2020-Q4")]
    assert [link["path"] for link in links] == ["plan/updates/stttt/2020-Q3.yaml", "plan/updates/stttt/2020-Q4.yaml"]
    unknown = run_cli("links", *Q4, "--agency", "khong", repo=repo)
    assert unknown.exit_code == 2 and "không có cơ quan mã 'khong'" in unknown.output


def test_without_a_forge_section_the_message_says_what_to_add(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("links", *Q4, repo=make_repo())
    assert result.exit_code == 2 and result.stdout == ""
    assert "plan/plan.yaml chưa có mục forge:" in result.output and "url: https://github.com/" in result.output
    english = run_cli("--lang", "en", "links", *Q4, repo=make_repo(name="other"))
    assert english.exit_code == 2 and "plan/plan.yaml has no forge: section" in english.output


def test_a_forge_section_plan_yaml_refuses_is_a_validation_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(with_forge("forge:\n  url: http://github.com/khanhhoa/dnnd\n  new_file: '{url}/new/{x}'\n"))
    result = run_cli("validate", repo=repo)
    assert result.exit_code == 1
    assert "forge.url" in result.output and "không phải địa chỉ https" in result.output
    assert "forge.new_file" in result.output and "có chỗ thay thế không dùng được" in result.output
