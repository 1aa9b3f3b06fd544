"""The `table` format: the result's own table for people, and nothing of the machine formats."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from dnnd.output.formats import table
from dnnd.output.plan_view import AgenciesOutput


class Result:
    def __init__(self) -> None:
        self.tables: list[str] = []

    def document(self) -> dict[str, Any]:
        raise AssertionError("a table needs no document")

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        raise AssertionError("a table needs no rows")

    def print_table(self, lang: str) -> None:
        self.tables.append(lang)

    def notices(self, lang: str) -> list[str]:
        raise AssertionError("the table tells its own warnings")


def test_write_prints_the_table_in_the_language_asked_for() -> None:
    result = Result()
    table.write(result, "en", None)
    assert result.tables == ["en"]


def test_write_prints_to_stdout_only(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    table.write(AgenciesOutput([]), "en", None)
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].strip() == "Agencies"
    assert captured.err == ""
