"""The registry of output formats: the names in the help's order, each an importable module, and `emit`."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from dnnd.output import formats


class Result:
    """A Tabular that records what each format asks of it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def document(self) -> dict[str, Any]:
        return {"kỳ": "2020-Q4"}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return ("kỳ",), [{"kỳ": "2020-Q4"}]

    def print_table(self, lang: str) -> None:
        self.calls.append(f"table {lang}")

    def notices(self, lang: str) -> list[str]:
        return []


def test_names_are_table_json_csv_then_xlsx_in_the_helps_order() -> None:
    assert formats.names() == ["table", "json", "csv", "xlsx"]
    assert formats.names()[0] == formats.DEFAULT


def test_every_name_is_a_module_with_a_write_function() -> None:
    for name in formats.names():
        module = importlib.import_module(f"dnnd.output.formats.{name}")
        assert callable(module.write), name


def test_a_new_module_is_listed_after_the_first_three_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("yaml", "html"):
        (tmp_path / f"{name}.py").write_text("def write(result, lang, output):\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(formats, "__path__", [*formats.__path__, str(tmp_path)])
    assert formats.names() == ["table", "json", "csv", "html", "xlsx", "yaml"]


def test_emit_hands_the_result_to_the_module_named(monkeypatch: pytest.MonkeyPatch) -> None:
    result, seen = Result(), []
    module = types.ModuleType("dnnd.output.formats.probe")
    module.write = lambda given, lang, output: seen.append((given, lang, output))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dnnd.output.formats.probe", module)
    formats.emit(result, "probe", "en", Path("out.x"))
    formats.emit(result, "table", "vi")
    assert seen == [(result, "en", Path("out.x"))]
    assert result.calls == ["table vi"]


def test_emit_of_an_unknown_format_fails_to_import() -> None:
    with pytest.raises(ModuleNotFoundError):
        formats.emit(Result(), "xml", "vi")
