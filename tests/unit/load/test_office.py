"""Finding LibreOffice's soffice: DNND_SOFFICE first, else soffice or libreoffice on PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from dnnd.load.office import find_soffice


def program(folder: Path, name: str) -> Path:
    """An executable file `name` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is the whole PATH, and DNND_SOFFICE unset."""
    monkeypatch.delenv("DNND_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    (tmp_path / "bin").mkdir()
    return tmp_path / "bin"


def test_soffice_on_path_is_preferred_to_libreoffice(bin_dir: Path) -> None:
    assert find_soffice() is None
    libreoffice = program(bin_dir, "libreoffice")
    assert find_soffice() == str(libreoffice)
    soffice = program(bin_dir, "soffice")
    assert find_soffice() == str(soffice)


def test_the_configured_file_wins_over_path(bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program(bin_dir, "soffice")
    chosen = program(tmp_path / "lo" / "program", "soffice")
    monkeypatch.setenv("DNND_SOFFICE", str(chosen))
    assert find_soffice() == str(chosen)


def test_a_configured_name_is_looked_up_on_path(bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program(bin_dir, "soffice-7.6")
    monkeypatch.setenv("DNND_SOFFICE", "soffice-7.6")
    assert find_soffice() == "soffice-7.6"


def test_a_configured_program_that_is_not_there_is_none(
    bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program(bin_dir, "soffice")  # not used instead: the setting names another one
    monkeypatch.setenv("DNND_SOFFICE", str(tmp_path / "no-such-dir" / "soffice"))
    assert find_soffice() is None


def test_an_empty_setting_falls_back_to_path(bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    soffice = program(bin_dir, "soffice")
    monkeypatch.setenv("DNND_SOFFICE", "")
    assert find_soffice() == str(soffice)
