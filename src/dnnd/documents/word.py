"""Write the report and the reminder letter as Word documents from the templates (docxtpl).

Agency text is data: it is XML-escaped by jinja, split into paragraphs before rendering, and its
underscores are encoded so that docxtpl's own rewriting (`{_{` -> `{{` and friends) cannot touch it;
the encoding is undone in the rendered document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from dnnd.errors import DnndError
from dnnd.i18n import Text

_ESCAPE = "\ue000"
_DECODE = re.compile(_ESCAPE + "(.)", re.DOTALL)
_CODES = {"0": _ESCAPE, "1": "_"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _encode(value: Any) -> Any:
    """Plain data for the template, with every string protected from docxtpl's rewriting."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: _encode(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, str):
        return value.replace(_ESCAPE, _ESCAPE + "0").replace("_", _ESCAPE + "1")
    return value


def _decode_parts(document: Any) -> None:
    """Undo `_encode` in every text node of the body, headers and footers."""
    parts = [document.element]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    for root in parts:
        for node in root.iter(f"{_W}t"):
            if node.text and _ESCAPE in node.text:
                node.text = _DECODE.sub(lambda match: _CODES.get(match[1], match[1]), node.text)


def template_path(root: Path, name: str) -> Path:
    """The plan repository's own templates/<name> if it has one, else the template shipped with dnnd."""
    own = root / "templates" / name
    if own.is_file():
        return own
    return Path(str(resources.files("dnnd.templates") / name))


@dataclasses.dataclass(frozen=True)
class Provenance:
    """What the document records in its core properties, so that it can be traced and reproduced."""

    plan_id: str
    period: str
    commit: str
    title: str
    created: dt.datetime


def render(template: Path, context: object, provenance: Provenance) -> bytes:
    """The rendered .docx bytes; a broken template is reported with its path."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined, TemplateError

    try:
        document = DocxTemplate(str(template))
        document.render(_encode(context), Environment(autoescape=True, undefined=StrictUndefined))
    except TemplateError as error:
        raise DnndError(Text(f"mẫu {template} có lỗi: {error}", f"template {template} is broken: {error}")) from None
    _decode_parts(document.docx)
    properties = document.docx.core_properties
    properties.title = provenance.title
    properties.subject = f"dnnd {provenance.period}"
    properties.identifier = provenance.plan_id
    properties.keywords = f"plan={provenance.plan_id}; period={provenance.period}"
    properties.comments = f"plan={provenance.plan_id}; period={provenance.period}; commit={provenance.commit}"
    properties.author = properties.last_modified_by = "dnnd"
    properties.created = properties.modified = provenance.created
    properties.revision = 1
    with tempfile.SpooledTemporaryFile() as buffer:
        document.save(buffer)
        buffer.seek(0)
        return buffer.read()


def write_new(path: Path, content: bytes, *, force: bool) -> None:
    """Write `content` to `path` atomically; never overwrite an existing file without `force`."""
    if path.exists() and not force:
        raise DnndError(
            Text(
                f"tệp {path} đã có (có thể văn thư đã sửa nó): dùng --force để ghi đè, hoặc -o để chọn tên khác",
                f"{path} already exists (the clerk may have edited it): use --force to overwrite, or -o for another name",
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dnnd-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        umask = os.umask(0)  # mkstemp makes the file private (0600); give it the mode any new file would get
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
