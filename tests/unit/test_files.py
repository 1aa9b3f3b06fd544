"""Reading and writing files safely: regular files only, bounded, never through a link out of the
repository, atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dnnd.errors import DataError, DnndError
from dnnd.files import inflated_size, inside, read_regular, write_atomic


def test_inside_resolves_links(tmp_path: Path) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    (root / "plan").mkdir(parents=True)
    outside.mkdir()
    os.symlink(outside, root / "plan" / "away")
    os.symlink(root / "plan", root / "here")
    assert inside(root, root / "plan" / "x.yaml") and inside(root, root / "here" / "x.yaml")
    assert not inside(root, root / "plan" / "away" / "x.yaml") and not inside(root, tmp_path / "repository")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("fifo", "không phải tệp thường"),
        ("big", "tệp quá lớn (11 byte; tối đa 10): hãy tách nội dung hoặc bỏ phần thừa"),
    ],
)
def test_read_regular_refuses_what_is_not_a_small_regular_file(tmp_path: Path, make: str, message: str) -> None:
    path = tmp_path / "f"
    if make == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(b"x" * 11)
    with pytest.raises(DataError) as raised:
        read_regular(path, "plan/f", 10)
    assert raised.value.problems[0].render("vi") == f"plan/f: {message}"


def test_read_regular_can_refuse_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").write_bytes(b"x")
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert read_regular(tmp_path / "link", "l", 10) == b"x"
    with pytest.raises(DataError):
        read_regular(tmp_path / "link", "l", 10, follow_links=False)


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "plan" / "locks.yaml"
    assert write_atomic(target, "mới\n".encode(), root=tmp_path) == target
    assert target.read_text(encoding="utf-8") == "mới\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    assert [path.name for path in target.parent.iterdir()] == ["locks.yaml"]


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_write_atomic_never_writes_through_a_link_inside_the_repository(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere / "locks.yaml", root / "locks.yaml")
    os.symlink(elsewhere, root / "reports")
    for target in (root / "locks.yaml", root / "reports" / "r.docx"):
        with pytest.raises(DnndError):
            write_atomic(target, b"x", root=root)
    assert list(elsewhere.iterdir()) == []


def test_a_failed_write_names_the_path_and_keeps_the_old_file(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("cũ", encoding="utf-8")
    with pytest.raises(DnndError) as raised:
        write_atomic(tmp_path / "a-file" / "x", b"x")
    assert raised.value.message.vi.startswith(f"không ghi được {tmp_path / 'a-file' / 'x'}:")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "cũ"


def test_inflated_size_is_read_from_the_directory(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a", b" " * 100_000)
        archive.writestr("b", b"xy")
    assert inflated_size(tmp_path / "a.zip") == 100_002
