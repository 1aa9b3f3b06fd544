"""Reading and writing files safely, for every layer above.

Reading: regular files only (no device, fifo or folder), bounded in size, opened without blocking, and,
inside a plan repository, never through a link that leads out of it. Writing: never through a link
inside the repository, into a folder that is inside it, and atomically: a temporary file beside the
target, flushed to disk, then renamed over it, so that an interrupted or failed write (a full disk, a
read-only folder) leaves the old file whole and no temporary file behind. Paths the user names on the
command line (`-o`, `--out`, `--agencies`) are honoured wherever they lead.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from dnnd.errors import DataError, DnndError, whole_file
from dnnd.i18n import Text

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NO_LINK = getattr(os, "O_NOFOLLOW", 0)


def inside(root: Path | str, path: Path | str) -> bool:
    """Whether `path`, with every link on the way resolved, is `root` or within it."""
    base = os.path.realpath(root)
    found = os.path.realpath(path)
    return found == base or found.startswith(base.rstrip(os.sep) + os.sep)


def outside_message(rel: str) -> Text:
    return Text(
        f"{rel} đi qua một liên kết (symlink) ra ngoài kho kế hoạch: dnnd không đọc hay ghi ngoài kho; hãy thay "
        "liên kết bằng tệp hoặc thư mục thật",
        f"{rel} leads through a link (symlink) out of the plan repository: dnnd neither reads nor writes outside "
        "it; replace the link with a real file or folder",
    )


def too_large(size: int, limit: int) -> Text:
    return Text(
        f"tệp quá lớn ({size:,} byte; tối đa {limit:,}): hãy tách nội dung hoặc bỏ phần thừa",
        f"file too large ({size:,} bytes; at most {limit:,}): split it or remove what is not needed",
    )


def read_regular(path: Path | str, rel: str, limit: int, *, follow_links: bool = True) -> bytes:
    """A regular file's bytes, at most one byte over `limit` (a file that grew while read; the caller
    reports it); over `limit` already when opened, devices, fifos,
    folders, missing files and, with `follow_links` false, a link are refused with a problem naming `rel`.

    One open and one fstat per file, no pathlib: this runs for every update file."""
    try:
        handle = os.open(path, _OPEN_FLAGS | (0 if follow_links else _NO_LINK))
    except FileNotFoundError:
        raise DataError([whole_file(rel, Text("thiếu tệp này", "this file is missing"))]) from None
    except OSError as error:
        if not follow_links and os.path.islink(path):
            raise DataError([whole_file(rel, outside_message(rel))]) from None
        raise _unreadable(rel, error) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise DataError([whole_file(rel, Text("không phải tệp thường", "not a regular file"))])
        if info.st_size > limit:
            raise DataError([whole_file(rel, too_large(info.st_size, limit))])
        data = os.read(handle, info.st_size + 1)  # a buffer of the file's size: the limit's would cost more
        if len(data) != info.st_size:  # a short read, or the file changed meanwhile: read on, within the limit
            parts = [data]
            while part := os.read(handle, limit + 1 - sum(map(len, parts))):
                parts.append(part)
            data = b"".join(parts)
        return data
    except OSError as error:
        raise _unreadable(rel, error) from None
    finally:
        os.close(handle)


def _unreadable(rel: str, error: OSError) -> DataError:
    return DataError(
        [whole_file(rel, Text(f"không đọc được tệp: {error.strerror}", f"cannot read the file: {error.strerror}"))]
    )


def write_atomic(path: Path, data: bytes, *, root: Path | None = None, durable: bool = True) -> Path:
    """Write `data` to `path` atomically (flushed to disk unless not `durable`: a cache) and return `path`.
    With `root` (a path inside the repository): refuse a link at `path` and any folder on the way that leads
    out of `root`. A user-named path (no `root`) is written where its links lead. Raises DnndError naming
    the path when it cannot be written."""
    target = Path(os.path.realpath(path))
    if root is not None:
        if os.path.islink(path):
            raise DnndError(outside_message(str(path)) if not inside(root, path) else _is_link(path))
        existing = next(folder for folder in (path.parent, *path.parent.parents) if os.path.lexists(folder))
        if not inside(root, existing):
            raise DnndError(outside_message(str(path)))
        target = path
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".dnnd-", suffix=target.suffix)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        umask = os.umask(0)  # mkstemp makes the file private (0600); give it the mode any new file would get
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise DnndError(
            Text(
                f"không ghi được {path}: {error.strerror or error}",
                f"cannot write {path}: {error.strerror or error}",
            )
        ) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return path


def _is_link(path: Path) -> Text:
    return Text(
        f"{path} là một liên kết (symlink): dnnd không ghi qua liên kết; hãy thay nó bằng một tệp thường",
        f"{path} is a link (symlink): dnnd does not write through links; replace it with a regular file",
    )


def inflated_size(path: Path) -> int:
    """What a zip archive (a .docx, an .xlsx) holds once inflated, from its directory, before reading any part
    of it; raises zipfile.BadZipFile or OSError when it is not one."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())
