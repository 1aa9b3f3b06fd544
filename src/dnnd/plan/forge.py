"""The forge (GitHub, Gitea, GitLab) that hosts the plan repository, as `forge:` in plan.yaml says, and the URL
of its "new file" page for an update file, pre-filled when the forge can. Pure functions, no I/O.

The URL is built from a pattern with placeholders, so that any forge fits without code:

- GitHub (the default): `{url}/new/{branch}?filename={path}&value={text}`;
- Gitea and Forgejo (which read `filename` and `value` as GitHub does since go-gitea/gitea#16556, 2021):
  `{url}/_new/{branch}/?filename={path}&value={text}`;
- GitLab: `{url}/-/new/{branch}?file_name={path}` pre-fills the name only: the editor of recent versions ignores
  the `content` parameter (gitlab-org/gitlab#532221, #594214), so the pattern has no {text} and the clerk
  writes the file (or uses the Excel form).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, quote_plus

from pydantic import Field, StringConstraints, field_validator

from dnnd.plan import model_rules
from dnnd.plan.model_rules import ForgeFacts, pattern_fields
from dnnd.plan.model_types import Model, rule_validator

GITHUB_NEW_FILE = "{url}/new/{branch}?filename={path}&value={text}"
GITEA_NEW_FILE = "{url}/_new/{branch}/?filename={path}&value={text}"
GITLAB_NEW_FILE = "{url}/-/new/{branch}?file_name={path}"


class Forge(Model, ForgeFacts):
    url: str = Field(
        json_schema_extra={"pattern": r"^https://\S+$"},
        description="Địa chỉ trang web của kho trên nền tảng git, bắt đầu bằng https://, ví dụ "
        "'https://github.com/so-ngoai-vu-khanh-hoa/dnnd'.",
    )
    branch: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9._/-]*$")] = Field(
        "main", description="Nhánh chính của kho, nơi các báo cáo được gộp vào; mặc định main."
    )
    new_file: str = Field(
        GITHUB_NEW_FILE,
        description="Mẫu đường dẫn mở trang tạo tệp mới của nền tảng; các chỗ thay thế: {url} (địa chỉ kho), {branch} "
        "(nhánh), {path} (đường dẫn tệp trong kho), {dir} và {name} (thư mục và tên tệp), {text} (nội dung điền sẵn). "
        f"Mặc định là mẫu của GitHub: '{GITHUB_NEW_FILE}'; Gitea, Forgejo: '{GITEA_NEW_FILE}'; GitLab: "
        f"'{GITLAB_NEW_FILE}' (chỉ điền sẵn tên tệp: trình soạn thảo của GitLab bản mới bỏ qua nội dung gửi kèm).",
    )

    _https_repository = field_validator("url")(rule_validator(model_rules.https_repository))
    _known_placeholders = field_validator("new_file")(rule_validator(model_rules.known_placeholders))


def new_file_url(forge: Forge, path: str, text: str | None) -> str:
    """The URL of the forge's page that creates the file at `path` with `text`: each value percent-encoded (as
    UTF-8) for where it stands, in the URL's path (a space as %20) or in its query (a space as +, as forms send
    it, and '&', '=', '+', '#' encoded); the folders' '/' kept. With no `text` (an address short enough to print
    and type), the query parameter that would carry it is left out."""
    folder, _, name = path.rpartition("/")
    values = {"branch": forge.branch, "path": path, "dir": folder, "name": name, "text": text or ""}
    out: list[str] = []
    in_query = False
    opened = False  # a '?' kept where a parameter was left out: the next parameter's '&' is not wanted
    for literal, field, _, _ in pattern_fields(forge.new_file):
        if opened and literal.startswith("&"):
            literal = literal[1:]
        opened = False
        if field == "text" and text is None and (in_query or "?" in literal):
            cut = max(literal.rfind("&"), literal.rfind("?"))  # where '&value=' (or '?value=') begins
            opened = literal[cut] == "?"
            out.append(literal[: cut + 1] if opened else literal[:cut])
            in_query = True
            continue
        out.append(literal)
        in_query = in_query or "?" in literal
        if field == "url":
            out.append(forge.url)
        elif field is not None:
            out.append(quote_plus(values[field], safe="/") if in_query else quote(values[field], safe="/"))
    return "".join(out)
