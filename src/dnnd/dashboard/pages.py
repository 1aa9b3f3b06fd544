"""The dashboard's pages rendered from the templates in `templates/site/` (shipped in the package), and
written to a folder.

A page links only to pages and the stylesheet beside it, by relative paths: the folder works from
`file://`, offline, and under any address it is published at. Nothing in a page depends on the time it was
built, so the same repository gives the same bytes.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from dnnd.dashboard.words import Writer
from dnnd.errors import DnndError, UsageError
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.plan.vocabulary import REPORTING_STATES

NAVIGATION = (
    ("index.html", "overview"),
    ("dien-bien.html", "trend"),
    ("co-quan/index.html", "agencies"),
    ("nhiem-vu/index.html", "tasks"),
)
STYLESHEET = "style.css"
GENERATOR = '<meta name="generator" content="dnnd">'


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("dnnd.templates", "site"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def state_styles() -> str:
    """The colour of each reporting state's cells and marks (`.c-<code>`), from the vocabulary, with white or
    black text, whichever reads better on it."""
    rules = []
    for state in REPORTING_STATES:
        red, green, blue = (int(state.colour[index : index + 2], 16) for index in (1, 3, 5))
        ink = "#000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#fff"
        rules.append(f".c-{state.code} {{ background: {state.colour}; color: {ink}; }}")
    return " ".join(rules)


class PageWriter:
    """Renders the pages of one site: its plan's title, language and evaluation day on every page."""

    def __init__(
        self, plan_title: str, writer: Writer, as_of: str, navigation: tuple[tuple[str, str], ...] = NAVIGATION
    ) -> None:
        self.shared = {
            "lang": writer.lang,
            "plan_title": plan_title,
            "w": writer.words,
            "num": writer.number,
            "nav": navigation,
            "as_of": as_of,
            "state_styles": state_styles(),
        }
        self.pages: dict[str, bytes] = {}

    def add(self, rel: str, template: str, current: str, title: str, **context: Any) -> None:
        """Render `template` as the page at `rel` (a path with '/')."""
        root = "../" * rel.count("/")
        html = (
            _environment()
            .get_template(template)
            .render(self.shared, root=root, current=current, title=title, **context)
        )
        self.pages[rel] = unicodedata.normalize("NFC", html).encode("utf-8")

    def finish(self) -> dict[str, bytes]:
        """Every page, and the stylesheet they share."""
        self.pages[STYLESHEET] = resources.files("dnnd.templates").joinpath("site", STYLESHEET).read_bytes()
        return dict(sorted(self.pages.items()))


def write_pages(pages: Mapping[str, bytes], out: Path, root: Path | None = None) -> int:
    """Write the pages under `out`, each atomically, and remove the pages an earlier build of the site left
    that this one no longer has (an agency's page after it left the plan); a folder holding anything but a
    dnnd site is refused rather than written into; with `root` (the default folder, inside the repository)
    no link may lead out of it. Returns how many files the site has."""
    _check_folder(out)
    for rel, data in pages.items():
        target = out / rel
        try:
            if target.read_bytes() == data:
                continue  # unchanged: leave its time alone, so a publisher sees only what changed
        except OSError:
            pass
        write_atomic(target, data, root=root)
    for folder, _, names in os.walk(out):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), out).replace(os.sep, "/")
            if name.endswith(".html") and rel not in pages:
                os.remove(os.path.join(folder, name))
    return len(pages)


def _check_folder(out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise UsageError(Text(f"{out} không phải là thư mục", f"{out} is not a folder"))
    index = out / "index.html"
    try:
        ours = GENERATOR.encode() in index.read_bytes()[:2000]
    except FileNotFoundError:
        ours = not any(out.iterdir())
    except OSError as error:
        raise DnndError(
            Text(f"không đọc được {index}: {error.strerror}", f"cannot read {index}: {error.strerror}")
        ) from error
    if not ours:
        raise UsageError(
            Text(
                f"thư mục {out} đã có nội dung không phải trang do dnnd dựng: hãy chọn thư mục khác (-o) hoặc thư mục trống",
                f"{out} holds files that are not a dnnd site: choose another folder (-o) or an empty one",
            )
        )
