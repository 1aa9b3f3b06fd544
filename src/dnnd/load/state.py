"""What a plan repository holds on disk, read without pydantic, and how the caches recognise it.

Finding the repository, reading its files safely, listing plan/updates/, and the keys of the caches:
the per-file cache's (dnnd's code, the repository, the plan files' bytes) and the snapshot's (that, the
listing, and git's view of the update files' content). `dnnd validate` answers from here alone when the
snapshot already holds the verdict for this state, so nothing here imports pydantic or the models.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dnnd.cache import snapshot
from dnnd.cache import store as cache
from dnnd.errors import DataError, Problem, UsageError, whole_file
from dnnd.i18n import Text
from dnnd.load.yamlio import MAX_FILE_BYTES, too_large

if TYPE_CHECKING:
    from dnnd.plan.models import Agency

PLAN_FILE = "plan/plan.yaml"
AGENCIES_FILE = "plan/agencies.yaml"
TASKS_FILE = "plan/tasks.yaml"
EVENTS_FILE = "plan/events.yaml"
LOCKS_FILE = "plan/locks.yaml"
PLAN_FILES = ("plan/plan.yaml", "plan/agencies.yaml", "plan/tasks.yaml", "plan/events.yaml", "plan/locks.yaml")
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


def update_paths(listing: Listing, agencies: Mapping[str, Agency] | None) -> tuple[list[str], list[Problem]]:
    """The rel of each update file, and a problem for anything else under plan/updates/."""
    found: list[str] = []
    problems: list[Problem] = []
    reporting = sorted(agency_id for agency_id, agency in (agencies or {}).items() if agency.reports)
    for folder, files in listing:
        rel_folder = f"{UPDATES_DIR}/{folder}"
        if folder in ALLOWED_EXTRA:
            continue
        if files is None:
            problems.append(
                whole_file(
                    rel_folder,
                    Text(
                        f"tệp không đúng chỗ: báo cáo phải nằm trong {UPDATES_DIR}/<mã cơ quan>/<năm>-Q<quý>.yaml",
                        f"file in the wrong place: updates go in {UPDATES_DIR}/<agency id>/<year>-Q<n>.yaml",
                    ),
                )
            )
            continue
        agency = agencies.get(folder) if agencies is not None else None
        if agencies is not None and (agency is None or not agency.reports):
            why_vi = "không có cơ quan mã này" if agency is None else "cơ quan này không báo cáo"
            why_en = "no agency has this id" if agency is None else "this agency does not report"
            problems.append(
                whole_file(
                    rel_folder,
                    Text(
                        f"thư mục '{folder}' không hợp lệ ({why_vi}); tên thư mục phải là mã một cơ quan báo cáo: "
                        f"{', '.join(reporting)}",
                        f"folder '{folder}' is not valid ({why_en}); it must be the id of a reporting agency: "
                        f"{', '.join(reporting)}",
                    ),
                )
            )
            continue
        for name, is_file, is_link in files:
            rel = f"{rel_folder}/{name}"
            if is_file and UPDATE_NAME.fullmatch(name):
                found.append(rel)
            elif name in ALLOWED_EXTRA:
                continue
            elif UPDATE_NAME.fullmatch(name):
                problems.append(whole_file(rel, _not_a_file(is_link)))
            else:
                problems.append(whole_file(rel, _misnamed(name)))
    return found, problems


def _not_a_file(is_link: bool) -> Text:
    if is_link:
        return Text(
            "đây là liên kết (symlink), không phải tệp: hãy thay bằng một tệp có nội dung báo cáo",
            "this is a symbolic link, not a file: replace it with a file holding the update",
        )
    return Text(
        "đây không phải tệp thường (thư mục, thiết bị hay ống dẫn): hãy thay bằng một tệp báo cáo",
        "this is not a regular file (a folder, device or pipe): replace it with an update file",
    )


def _misnamed(name: str) -> Text:
    guess = re.fullmatch(r"([0-9]{4})[-_ ]?[qQ]([1-4])\.ya?ml", name, re.IGNORECASE)
    if guess:
        right = f"{guess[1]}-Q{guess[2]}.yaml"
        return Text(f"tên tệp không đúng: đổi tên thành {right}", f"wrong file name: rename it to {right}")
    return Text(
        "tệp không đúng chỗ: mỗi báo cáo quý là một tệp tên <năm>-Q<quý>.yaml, ví dụ 2020-Q3.yaml",
        "unexpected file: each quarterly update is a file named <year>-Q<n>.yaml, e.g. 2020-Q3.yaml",
    )


def candidates(listing: Listing) -> list[str]:
    """Every file named like an update, whatever its folder: what the snapshot's key must cover."""
    return [
        f"{UPDATES_DIR}/{folder}/{name}"
        for folder, files in listing
        for name, is_file, _ in files or ()
        if is_file and UPDATE_NAME.fullmatch(name)
    ]


class CacheKeys:
    """Where this repository's caches live, and the keys of this run: the snapshot's from the index, git's
    report and the listing; each update file's blob id (for the per-file cache) only when asked."""

    def __init__(self, places: cache.GitPlaces, files_key: str, listing: Listing, root: Path) -> None:
        self.cache_file = places.cache_file
        self.snapshot_file = snapshot.snapshot_file(places.cache_file)
        self.files_key = files_key
        self.candidates = candidates(listing)
        self.worktree = cache.Worktree(root, places, UPDATES_DIR) if self.candidates else None
        state = self.worktree.digest(self.candidates) if self.worktree is not None else "no update files"
        self.snapshot_key = None if state is None else snapshot.key_of(files_key, listed_names(listing), state)

    @functools.cached_property
    def ids(self) -> dict[str, str]:
        return self.worktree.content_ids(self.candidates) if self.worktree is not None else {}


@dataclass
class RepositoryState:
    """The plan files' bytes (and the problems of those that could not be read), the listing of
    plan/updates/, and the caches' keys (None when the caches are not to be used or cannot be)."""

    root: Path
    plan_bytes: dict[str, bytes]
    problems: list[Problem] = field(default_factory=list)
    listing: Listing = field(default_factory=list)
    keys: CacheKeys | None = None


def read_state(root: Path, use_cache: bool) -> RepositoryState:
    """Read the plan files and list the update folders; with the caches, ask git for the update files' state."""
    found = RepositoryState(root, {})
    for rel in PLAN_FILES:
        if rel not in OPTIONAL_FILES or (root / rel).exists():
            try:
                found.plan_bytes[rel] = read_file(root, rel)
            except DataError as exc:
                found.problems.extend(exc.problems)
    found.listing = list_updates(root)
    if use_cache and not found.problems and not cache.disabled():
        places = cache.locate(root)
        if places is not None:
            found.keys = CacheKeys(places, cache.key_of(root, found.plan_bytes.items()), found.listing, root)
    return found


def recorded_verdict(state: RepositoryState) -> snapshot.Verdict | None:
    """What `dnnd validate` found the last time the repository was in this very state, if the snapshot has it."""
    if state.keys is None or state.keys.snapshot_key is None:
        return None
    return snapshot.read_verdict(cache.load(state.keys.snapshot_file, state.keys.snapshot_key))
