"""Write the report and the reminder letter as Word documents from the templates (docxtpl).

Agency text is data: it is XML-escaped by jinja, split into paragraphs before rendering, and its
underscores are encoded so that docxtpl's own rewriting (`{_{` -> `{{` and friends) cannot touch it;
the encoding is undone in the rendered document. A template is code that may come in by pull request: it
is rendered in Jinja's immutable sandbox, with its size, output and time bounded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import signal
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from dnnd.errors import DnndError
from dnnd.files import inflated_size, inside, outside_message, write_atomic
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


def _fit_looped_columns(body: Any) -> None:
    """Give a table whose columns came from a `{%tc for %}` loop a grid that holds them: docxtpl copies the
    looped cell's width to every new cell, so their widths add up to more than the page and LibreOffice
    draws some of them a few points wide. The first column keeps its width; the others share the rest."""
    for table in body.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        rows = table.findall(f"{_W}tr")
        if grid is None or not rows:
            continue
        columns = {len(row.findall(f"{_W}tc")) for row in rows}
        widths = [int(column.get(f"{_W}w", "0")) for column in grid.findall(f"{_W}gridCol")]
        first = rows[0].find(f"{_W}tc/{_W}tcPr/{_W}tcW")
        cells = [cell.find(f"{_W}tcPr/{_W}tcW") for cell in rows[0].findall(f"{_W}tc")]
        stated = sum(int(cell.get(f"{_W}w", "0")) for cell in cells if cell is not None)
        if len(columns) != 1 or first is None or stated <= sum(widths) * 1.05:
            continue
        count, total, lead = columns.pop(), sum(widths), int(first.get(f"{_W}w", "0"))
        share = (total - lead) // max(count - 1, 1)
        new = [lead, *[share] * (count - 1)]
        for column in list(grid):
            grid.remove(column)
        for width in new:
            column = grid.makeelement(f"{_W}gridCol", {f"{_W}w": str(width)})
            grid.append(column)
        for row in rows:
            for cell, width in zip(row.findall(f"{_W}tc"), new, strict=True):
                found = cell.find(f"{_W}tcPr/{_W}tcW")
                if found is not None:
                    found.set(f"{_W}w", str(width))
                    found.set(f"{_W}type", "dxa")


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
    """The plan repository's own templates/<name> if it has one, else the template shipped with dnnd; one
    that leads through a link out of the repository is refused."""
    own = root / "templates" / name
    if os.path.lexists(own) and not inside(root, own):
        raise DnndError(outside_message(f"templates/{name}"))
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


MAX_OUTPUT_CHARS = 50_000_000  # of XML a template may produce: a report of thousands of tasks stays far below
RENDER_SECONDS = 60
MAX_TEMPLATE_BYTES = 200_000_000  # inflated, all parts together


class _Refused(Exception):
    """A template went past a limit while rendering."""

    def __init__(self, why: Text) -> None:
        super().__init__(why.en)
        self.why = why


def _environment() -> Any:
    """Jinja in its immutable sandbox: a template cannot reach Python's internals, change what it is given,
    or count beyond the sandbox's range limit; its output is bounded."""
    from jinja2 import StrictUndefined, Template
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedTemplate(Template):
        def render(self, *args: Any, **kwargs: Any) -> str:
            parts, size = [], 0
            for part in self.generate(*args, **kwargs):
                size += len(part)
                if size > MAX_OUTPUT_CHARS:
                    raise _Refused(
                        Text(
                            f"kết quả vượt quá {MAX_OUTPUT_CHARS:,} ký tự (có vòng lặp quá lớn?)",
                            f"the output exceeds {MAX_OUTPUT_CHARS:,} characters (a loop too large?)",
                        )
                    )
                parts.append(part)
            return "".join(parts)

    environment = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    environment.template_class = BoundedTemplate
    return environment


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Stop a render that runs longer than `seconds` (in the main thread, where a signal can reach it)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Refused(
            Text(f"chạy quá {seconds} giây (có vòng lặp quá lớn?)", f"ran over {seconds} s (a loop too large?)")
        )

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check_archive(template: Path) -> None:
    """A Word template is a zip archive: refuse one that inflates beyond MAX_TEMPLATE_BYTES, before reading it."""
    try:
        inflated = inflated_size(template)
    except (zipfile.BadZipFile, OSError) as error:
        raise _broken(
            template, Text("không phải tệp Word (.docx) đọc được", f"not a readable Word file ({error})")
        ) from None
    if inflated > MAX_TEMPLATE_BYTES:
        raise _broken(
            template,
            Text(
                f"giải nén ra {inflated:,} byte, quá {MAX_TEMPLATE_BYTES:,}",
                f"inflates to {inflated:,} bytes, over {MAX_TEMPLATE_BYTES:,}",
            ),
        )


def _broken(template: Path, why: Text) -> DnndError:
    return DnndError(Text(f"mẫu {template} có lỗi: {why.vi}", f"template {template} is broken: {why.en}"))


def render(template: Path, context: object, provenance: Provenance) -> bytes:
    """The rendered .docx bytes. The template is rendered in a sandbox with limits (a plan repository's
    own template comes in by pull request); a broken or refused template is reported with its path."""
    from docx.opc.exceptions import OpcError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError
    from lxml.etree import LxmlError

    _check_archive(template)
    try:
        document = DocxTemplate(str(template))
        with _time_limit(RENDER_SECONDS):
            document.render(_encode(context), _environment())
    except SecurityError as error:
        raise _broken(
            template,
            Text(f"dùng một cấu trúc không được phép ({error})", f"uses a construct that is not allowed ({error})"),
        ) from None
    except _Refused as refused:
        raise _broken(template, refused.why) from None
    except (TemplateError, OverflowError) as error:
        raise _broken(template, Text(str(error), str(error))) from None
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, OpcError) as error:
        raise _broken(template, Text(f"không đọc được ({error})", f"cannot be read ({error})")) from None
    _decode_parts(document.docx)
    _fit_looped_columns(document.docx.element)
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


def refuse_existing(path: Path, *, force: bool) -> None:
    """A usage error when `path` exists and `force` was not given: an issued document is never overwritten."""
    if os.path.lexists(path) and not force:
        raise DnndError(
            Text(
                f"tệp {path} đã có (có thể văn thư đã sửa nó): dùng --force để ghi đè, hoặc -o để chọn tên khác",
                f"{path} already exists (the clerk may have edited it): use --force to overwrite, or -o for another name",
            )
        )


def write_new(path: Path, content: bytes, *, force: bool, root: Path | None = None) -> Path:
    """Write `content` to `path` atomically (inside the repository `root` when it is the default place);
    never overwrite an existing file without `force`."""
    refuse_existing(path, force=force)
    return write_atomic(path, content, root=root)
