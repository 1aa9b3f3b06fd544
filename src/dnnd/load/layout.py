"""Where a plan repository keeps its files: finding it, reading its files safely, listing plan/updates/ and
the focal point's report texts (plan/reports/).

Nothing here imports pydantic or the models: `dnnd validate` reads the repository's state through this
module alone when the snapshot already holds the verdict for it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dnnd import files
from dnnd.errors import DataError, Problem, UsageError, whole_file
from dnnd.i18n import Text
from dnnd.load.decoding import MAX_FILE_BYTES

PLAN_FILE = "plan/plan.yaml"
AGENCIES_FILE = "plan/agencies.yaml"
TASKS_FILE = "plan/tasks.yaml"
EVENTS_FILE = "plan/events.yaml"
LOCKS_FILE = "plan/locks.yaml"
PLAN_FILES = (PLAN_FILE, AGENCIES_FILE, TASKS_FILE, EVENTS_FILE, LOCKS_FILE)
UPDATES_DIR = "plan/updates"
UPDATE_NAME = re.compile(r"([0-9]{4})-Q([1-4])\.yaml")
REPORT_TEXTS_DIR = "plan/reports"
REPORT_TEXT_NAME = re.compile(r"([0-9]{4})(-Q[1-4]|-H[12])?\.yaml")
ALLOWED_EXTRA = frozenset({".gitkeep"})
BUDGETS_DIR = "plan/budgets"
APPRAISALS_FOLDER = "appraisals"  # plan/budgets/appraisals/<YYYY>.yaml: Sở Tài chính's, not an agency's
BUDGET_NAME = re.compile(r"([0-9]{4})\.yaml")

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
    """Bytes of a regular file of the repository, refusing devices, fifos, anything over the size limit, and
    a path that leads through a link out of the repository."""
    path = root / rel
    if os.path.lexists(path) and not files.inside(root, path):
        raise DataError([whole_file(rel, files.outside_message(rel))])
    return files.read_regular(path, rel, MAX_FILE_BYTES)


def read_bytes(path: Path | str, rel: str) -> bytes:
    """An update file's bytes: a regular file, not a link, at most one byte over the size limit (which
    decode_text then reports); anything else is refused with a problem naming `rel`."""
    return files.read_regular(path, rel, MAX_FILE_BYTES, follow_links=False)


# each entry of plan/updates/: its name, its (name, is file, is link)s when it is a real folder (else None),
# and whether it is a link
Listing = list[tuple[str, list[tuple[str, bool, bool]] | None, bool]]


def list_updates(root: Path) -> Listing:
    """What plan/updates/ holds, one level of folders deep, in name order. A link, to a folder or not, is
    listed as a link and never followed; nothing is listed when plan/updates/ itself leads out of `root`."""
    base = root / UPDATES_DIR
    if not base.is_dir() or not files.inside(root, base):
        return []
    listing: Listing = []
    shared: dict[tuple[str, bool, bool], tuple[str, bool, bool]] = {}  # "2021-Q3.yaml" of every agency: one tuple
    with os.scandir(base) as folders:
        found = sorted((entry.name, entry.is_dir(follow_symlinks=False), entry.is_symlink()) for entry in folders)
    for name, is_folder, is_link in found:
        if not is_folder:
            listing.append((name, None, is_link))
            continue
        with os.scandir(base / name) as entries:  # the directory entries know their type: no stat per file
            inner = sorted((entry.name, entry.is_file(follow_symlinks=False), entry.is_symlink()) for entry in entries)
        listing.append((name, [shared.setdefault(item, item) for item in inner], False))
    return listing


def listed_names(listing: Listing) -> list[str]:
    return [
        f"{folder}/{name}/{int(is_file)}{int(is_link)}" if entries is not None else f"{folder}//{int(link)}"
        for folder, entries, link in listing
        for name, is_file, is_link in entries or [("", False, False)]
    ]


def candidates(listing: Listing) -> list[str]:
    """Every file named like an update, whatever its folder: what the snapshot's key must cover."""
    return [
        f"{UPDATES_DIR}/{folder}/{name}"
        for folder, entries, _ in listing
        for name, is_file, _ in entries or ()
        if is_file and UPDATE_NAME.fullmatch(name)
    ]


def list_report_texts(root: Path) -> list[tuple[str, bool]]:
    """The entries of plan/reports/ (the focal point's own text of each report) as (rel, is a regular file), in
    name order; nothing when the folder is missing or leads out of `root`. Links are never followed."""
    base = root / REPORT_TEXTS_DIR
    if not base.is_dir() or not files.inside(root, base):
        return []
    with os.scandir(base) as entries:
        found = sorted((entry.name, entry.is_file(follow_symlinks=False)) for entry in entries)
    return [(f"{REPORT_TEXTS_DIR}/{name}", is_file) for name, is_file in found if name not in ALLOWED_EXTRA]


def list_budget_files(root: Path) -> list[tuple[str, bool]]:
    """The entries of plan/budgets/ and of each folder in it (an agency's estimates, or `appraisals/`) as (rel,
    is a regular file), in name order; a folder is listed as not a file when it is one level too deep or
    leads out of `root`. Nothing when plan/budgets/ is missing. Links are never followed."""
    base = root / BUDGETS_DIR
    if not base.is_dir() or not files.inside(root, base):
        return []
    found: list[tuple[str, bool]] = []
    with os.scandir(base) as entries:
        folders = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries)
    for name, is_folder in folders:
        rel = f"{BUDGETS_DIR}/{name}"
        if name in ALLOWED_EXTRA:
            continue
        if not is_folder:
            found.append((rel, False))
            continue
        with os.scandir(base / name) as entries:
            inner = sorted((entry.name, entry.is_file(follow_symlinks=False)) for entry in entries)
        found.extend((f"{rel}/{file}", is_file) for file, is_file in inner if file not in ALLOWED_EXTRA)
    return found


def read_budget_files(root: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of every file in plan/budgets/ (rel → bytes), and a problem for each entry that is not a
    regular file or cannot be read; nothing when the folder is missing."""
    base = root / BUDGETS_DIR
    if os.path.lexists(base) and (not files.inside(root, base) or not base.is_dir()):
        message = (
            files.outside_message(BUDGETS_DIR)
            if not files.inside(root, base)
            else Text(f"{BUDGETS_DIR} phải là thư mục", f"{BUDGETS_DIR} must be a folder")
        )
        return {}, [whole_file(BUDGETS_DIR, message)]
    found: dict[str, bytes] = {}
    problems: list[Problem] = []
    for rel, is_file in list_budget_files(root):
        if not is_file:
            message = Text(
                f"{BUDGETS_DIR}/ chỉ chứa thư mục của từng cơ quan (và appraisals/), mỗi thư mục các tệp <năm>.yaml: "
                "hãy bỏ hoặc chuyển mục này",
                f"{BUDGETS_DIR}/ holds only each agency's folder (and appraisals/) of <year>.yaml files: remove or move this",
            )
            problems.append(whole_file(rel, message))
            continue
        try:
            found[rel] = read_bytes(root / rel, rel)
        except DataError as exc:
            problems.extend(exc.problems)
    return found, problems
