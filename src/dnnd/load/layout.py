"""Where a plan repository keeps its files: finding it, reading its files safely, listing plan/updates/.

Nothing here imports pydantic or the models: `dnnd validate` reads the repository's state through this
module alone when the snapshot already holds the verdict for it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from dnnd.errors import DataError, UsageError, whole_file
from dnnd.i18n import Text
from dnnd.load.yamlio import MAX_FILE_BYTES, too_large

PLAN_FILE = "plan/plan.yaml"
AGENCIES_FILE = "plan/agencies.yaml"
TASKS_FILE = "plan/tasks.yaml"
EVENTS_FILE = "plan/events.yaml"
LOCKS_FILE = "plan/locks.yaml"
PLAN_FILES = (PLAN_FILE, AGENCIES_FILE, TASKS_FILE, EVENTS_FILE, LOCKS_FILE)
UPDATES_DIR = "plan/updates"
UPDATE_NAME = re.compile(r"([0-9]{4})-Q([1-4])\.yaml")
ALLOWED_EXTRA = frozenset({".gitkeep"})

OPTIONAL_FILES = (EVENTS_FILE, LOCKS_FILE)


def find_root(start: Path, explicit: Path | None = None) -> Path:
    """The plan repository: `explicit` (or DNND_REPO) if given, else the nearest parent holding plan/plan.yaml."""
    chosen = explicit or (Path(os.environ["DNND_REPO"]) if os.environ.get("DNND_REPO") else None)
    if chosen is not None:
        if (chosen / PLAN_FILE).is_file():
            return chosen.resolve()
        raise UsageError(
            Text(
                f"'{chosen}' không phải kho kế hoạch: không có tệp {PLAN_FILE}",
                f"'{chosen}' is not a plan repository: it has no {PLAN_FILE}",
            )
        )
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / PLAN_FILE).is_file():
            return folder
    raise UsageError(
        Text(
            f"không tìm thấy kho kế hoạch: không có {PLAN_FILE} trong '{here}' hay các thư mục cha. "
            "Hãy chuyển vào thư mục kho kế hoạch, hoặc dùng --repo THƯ_MỤC (hay biến DNND_REPO)",
            f"no plan repository found: no {PLAN_FILE} in '{here}' or its parents. "
            "Change into the plan repository, or use --repo DIR (or DNND_REPO)",
        )
    )


def read_file(root: Path, rel: str) -> bytes:
    """Bytes of a regular file of the repository, refusing devices, fifos and anything over the size limit."""
    return read_bytes(root / rel, rel)


def read_bytes(path: Path | str, rel: str) -> bytes:
    """A regular file's bytes, at most one byte over the size limit (which decode_text then reports);
    devices, fifos and missing files are refused with a problem naming `rel`.

    One open and one fstat per file, no pathlib: this runs for every update file. The file is opened
    without blocking, so a fifo is refused instead of hanging."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise DataError([whole_file(rel, Text("thiếu tệp này", "this file is missing"))]) from None
    except OSError as error:
        raise _unreadable(rel, error) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise DataError([whole_file(rel, Text("không phải tệp thường", "not a regular file"))])
        if info.st_size > MAX_FILE_BYTES:
            raise DataError([whole_file(rel, too_large(info.st_size))])
        data = os.read(handle, info.st_size + 1)  # a buffer of the file's size: the limit's would cost a megabyte
        if len(data) != info.st_size:  # a short read, or the file changed meanwhile: read on, within the limit
            parts = [data]
            while part := os.read(handle, MAX_FILE_BYTES + 1 - sum(map(len, parts))):
                parts.append(part)
            data = b"".join(parts)
        return data
    except OSError as error:
        raise _unreadable(rel, error) from None
    finally:
        os.close(handle)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _unreadable(rel: str, error: OSError) -> DataError:
    return DataError(
        [
            whole_file(
                rel,
                Text(f"không đọc được tệp: {error.strerror}", f"cannot read the file: {error.strerror}"),
            )
        ]
    )


Listing = list[tuple[str, list[tuple[str, bool, bool]] | None]]  # folder name, its (name, is file, is link)s


def list_updates(root: Path) -> Listing:
    """What plan/updates/ holds, one level of folders deep, in name order (None for a non-folder)."""
    base = root / UPDATES_DIR
    if not base.is_dir():
        return []
    listing: Listing = []
    for folder in sorted(base.iterdir()):
        if not folder.is_dir():
            listing.append((folder.name, None))
            continue
        with os.scandir(folder) as entries:  # the directory entries know their type: no stat per file
            files = sorted((entry.name, entry.is_file(follow_symlinks=False), entry.is_symlink()) for entry in entries)
        listing.append((folder.name, files))
    return listing


def listed_names(listing: Listing) -> list[str]:
    return [
        f"{folder}/{name}/{int(is_file)}{int(is_link)}" if files is not None else folder
        for folder, files in listing
        for name, is_file, is_link in files or [("", False, False)]
    ]


def candidates(listing: Listing) -> list[str]:
    """Every file named like an update, whatever its folder: what the snapshot's key must cover."""
    return [
        f"{UPDATES_DIR}/{folder}/{name}"
        for folder, files in listing
        for name, is_file, _ in files or ()
        if is_file and UPDATE_NAME.fullmatch(name)
    ]
