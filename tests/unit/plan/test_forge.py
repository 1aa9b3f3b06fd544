"""The forge of plan.yaml and the URL of its new-file page: each pattern, each value encoded where it stands,
Vietnamese text that decodes back to itself, and the patterns and addresses refused."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pydantic import ValidationError

from dnnd.plan.forge import GITEA_NEW_FILE, GITHUB_NEW_FILE, GITLAB_NEW_FILE, Forge, new_file_url

PATH = "plan/updates/snv/2020-Q4.yaml"
TEXT = '# Báo cáo của Sở Nội vụ: 15/09/2020–14/12/2020\nagency: snv\nsummary: "A & B = C + D #1 100%"\n'


def _forge(**fields: str) -> Forge:
    return Forge.model_validate({"url": "https://github.com/khanhhoa/dnnd", **fields})


def test_defaults_are_githubs_new_file_page_on_main() -> None:
    forge = _forge()
    assert (forge.branch, forge.new_file, forge.fills_text) == ("main", GITHUB_NEW_FILE, True)
    url = new_file_url(forge, PATH, "agency: snv\n")
    assert url == f"https://github.com/khanhhoa/dnnd/new/main?filename={PATH}&value=agency%3A+snv%0A"


def test_vietnamese_text_and_reserved_characters_decode_back_exactly() -> None:
    url = new_file_url(_forge(), PATH, TEXT)
    assert url.isascii() and " " not in url and "\n" not in url
    query = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert query == {"filename": [PATH], "value": [TEXT]}
    assert "%E1%BB%99" in url  # ộ, as UTF-8


def test_gitea_and_gitlab_patterns() -> None:
    gitea = new_file_url(_forge(url="https://git.khanhhoa.gov.vn/sngv/dnnd", new_file=GITEA_NEW_FILE), PATH, TEXT)
    assert gitea.startswith(f"https://git.khanhhoa.gov.vn/sngv/dnnd/_new/main/?filename={PATH}&value=%23+B%C3%A1o")
    assert parse_qs(urlsplit(gitea).query)["value"] == [TEXT]
    gitlab = _forge(url="https://gitlab.com/khanhhoa/dnnd", new_file=GITLAB_NEW_FILE, branch="master")
    assert not gitlab.fills_text
    assert new_file_url(gitlab, PATH, TEXT) == f"https://gitlab.com/khanhhoa/dnnd/-/new/master?file_name={PATH}"


def test_a_value_in_the_urls_path_is_encoded_for_a_path() -> None:
    forge = _forge(new_file="{url}/new/{branch}/{dir}?filename={name}&value={text}")
    url = new_file_url(forge, "plan/cập nhật/a b.yaml", "a b")
    assert (
        url == "https://github.com/khanhhoa/dnnd/new/main/plan/c%E1%BA%ADp%20nh%E1%BA%ADt?filename=a+b.yaml&value=a+b"
    )
    assert unquote(urlsplit(url).path) == "/khanhhoa/dnnd/new/main/plan/cập nhật"


def test_the_repository_url_loses_its_trailing_slash() -> None:
    assert _forge(url=" https://github.com/khanhhoa/dnnd/ ").url == "https://github.com/khanhhoa/dnnd"


@pytest.mark.parametrize(
    "url",
    ["http://github.com/khanhhoa/dnnd", "github.com/khanhhoa/dnnd", "https://github.com/a b", "https://x/?q=1", ""],
)
def test_an_address_that_is_not_an_https_repository_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="https"):
        _forge(url=url)


@pytest.mark.parametrize(
    "pattern",
    [
        "{url}/new/{branch}?filename={file}",  # an unknown placeholder
        "{url}/new/{branch}?filename={path!r}",
        "{url}/new/{branch}?filename={path:>9}",
        "{url}/new/{branch}?filename={path",
        "https://github.com/x/new/main?filename={path}",  # not from {url}
        "{url}/new/{branch}?value={text}",  # no path nor name
    ],
)
def test_a_pattern_dnnd_cannot_fill_is_refused(pattern: str) -> None:
    with pytest.raises(ValidationError, match=r"the pattern"):
        _forge(new_file=pattern)


def test_a_branch_with_spaces_is_refused_and_braces_may_be_doubled() -> None:
    with pytest.raises(ValidationError):
        _forge(branch="my branch")
    forge = _forge(new_file="{url}/new/{branch}?filename={path}&x={{y}}")
    assert new_file_url(forge, PATH, "").endswith("&x={y}")


def test_without_text_the_parameter_that_would_carry_it_is_left_out() -> None:
    assert new_file_url(_forge(), PATH, None) == f"https://github.com/khanhhoa/dnnd/new/main?filename={PATH}"
    gitea = _forge(url="https://git.khanhhoa.gov.vn/sngv/dnnd", new_file=GITEA_NEW_FILE)
    assert new_file_url(gitea, PATH, None) == f"https://git.khanhhoa.gov.vn/sngv/dnnd/_new/main/?filename={PATH}"
    first = _forge(new_file="{url}/new/{branch}?value={text}&filename={path}")
    assert new_file_url(first, PATH, None) == f"https://github.com/khanhhoa/dnnd/new/main?filename={PATH}"
    assert new_file_url(_forge(), PATH, "").endswith("&value=")  # an empty text is still a text
