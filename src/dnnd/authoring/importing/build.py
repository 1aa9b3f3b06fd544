"""`dnnd import`: a new plan repository from a decision document, with what could not be understood listed."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dnnd.authoring.importing.agency_names import Registry, name_key, new_id
from dnnd.authoring.importing.decision import DecisionInfo, read_decision
from dnnd.authoring.importing.source import Block, Para, read_source
from dnnd.authoring.importing.table import RawTask, read_task_table
from dnnd.errors import DataError, DnndError, Problem, UsageError, whole_file
from dnnd.files import read_regular, write_atomic
from dnnd.i18n import Text
from dnnd.load.decoding import MAX_FILE_BYTES
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, PLAN_FILE, TASKS_FILE, find_root
from dnnd.load.yamlio import dump_yaml, load_yaml
from dnnd.plan.schedules import AfterEvents, parse_timing
from dnnd.repository import load_repository

_KINDS = (
    ("các ", "group"),
    ("bộ ", "external"),
    ("thủ tướng", "external"),
    ("chính phủ", "external"),
    ("ban ", "party"),
    ("báo ", "press"),
    ("đài ", "press"),
    ("cổng ", "press"),
    ("ủy ban mặt trận", "front"),
    ("mặt trận", "front"),
    ("hội đồng nhân dân", "council"),  # before "hội ": a council is not an association
    ("hội ", "association"),
    ("liên hiệp", "association"),
    ("liên đoàn", "association"),
    ("tỉnh đoàn", "association"),
    ("văn phòng", "office"),
    ("ủy ban nhân dân", "local"),
    ("ubnd", "local"),
)


_COPIED = ("id", "name", "short_name", "kind", "aliases")


@dataclass
class ImportResult:
    out: Path
    tasks: int = 0
    matched: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    parsed: int = 0
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _registry_entries(path: Path | None) -> list[dict[str, Any]]:
    """The agencies to match names against: --agencies FILE, else the current plan's, else the built-in registry."""
    if path is None:
        try:
            path = find_root(Path.cwd()) / AGENCIES_FILE
        except UsageError:
            path = None
    try:
        raw = (
            read_regular(path, str(path), MAX_FILE_BYTES)  # a regular file, bounded: never a fifo or a device
            if path is not None
            else (resources.files("dnnd.authoring.importing") / "registry.yaml").read_bytes()
        )
    except DataError as error:
        raise UsageError(
            Text(f"--agencies: {error.problems[0].render('vi')}", f"--agencies: {error.problems[0].render('en')}")
        ) from None
    data = load_yaml(raw, str(path or "registry.yaml")).data
    if not isinstance(data, dict) or not isinstance(data.get("agencies"), list):
        raise UsageError(Text(f"{path}: cần danh sách 'agencies:'", f"{path}: needs an 'agencies:' list"))
    return [entry for entry in data["agencies"] if isinstance(entry, dict) and "id" in entry and "name" in entry]


def _kind(name: str) -> str:
    key = name_key(name)
    return next((kind for prefix, kind in _KINDS if key.startswith(prefix)), "department")


def _short(name: str) -> str:
    words = [word for word in re.findall(r"\w+", name) if word.casefold() not in ("và", "các", "của", "tỉnh")]
    return "".join(word[0].upper() for word in words) or name


class _Agencies:
    """Agencies of the new plan: matched in the registry, or created with a warning that names them."""

    def __init__(self, entries: list[dict[str, Any]], result: ImportResult) -> None:
        self.entries = {entry["id"]: entry for entry in entries}
        self.registry = Registry.of((entry["id"], entry["name"], entry.get("aliases") or []) for entry in entries)
        self.used: dict[str, dict[str, Any]] = {}
        self.taken = set(self.entries)
        self.result = result

    def resolve(self, name: str, where: str, kind: str | None = None) -> str:
        found = self.registry.match(name)
        if found is not None:
            if found not in self.used:
                self.result.matched.append(found)
                # only what names the agency: a registry's successions and dates belong to its own plan
                entry = self.entries[found]
                self.used[found] = {key: entry[key] for key in _COPIED if entry.get(key)}
            return found
        agency_id = new_id(name, self.taken)
        entry = {"id": agency_id, "name": name, "short_name": _short(name), "kind": kind or _kind(name)}
        self.used[agency_id] = entry
        self.registry.by_key[name_key(name)] = agency_id
        self.result.created.append(agency_id)
        self.result.warnings.append(
            f"{where}: cơ quan mới '{name}' (không có trong danh mục), đặt mã '{agency_id}': "
            "hãy kiểm tra tên, mã và loại trong plan/agencies.yaml"
        )
        return agency_id

    def resolve_list(self, cell: str, where: str) -> list[str]:
        names, warnings = self.registry.split(cell)
        self.result.warnings.extend(f"{where}: {warning}" for warning in warnings)
        return list(dict.fromkeys(self.resolve(name, where) for name in names))


def _tasks(
    raw: list[RawTask], agencies: _Agencies, result: ImportResult
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    numbers = [task.number for task in raw]
    whole = all(re.fullmatch(r"\d+", number) for number in numbers) and len(set(numbers)) == len(numbers)
    tasks: list[dict[str, Any]] = []
    events: dict[str, dict[str, Any]] = {}
    for index, task in enumerate(raw, start=1):
        entry: dict[str, Any] = {
            "id": int(task.number) if whole else index,
            "title": task.title,
            "lead": agencies.resolve_list(task.lead, task.where),
            "support": agencies.resolve_list(task.support, task.where),
            "timing": task.timing,
        }
        if not whole:
            entry["ref"] = task.number
        if task.section:
            entry["section"] = task.section
        if task.notes:
            entry["notes"] = task.notes
        schedule = parse_timing(task.timing)
        if schedule is None:
            result.warnings.append(
                f"{task.where}: không hiểu thời gian '{task.timing}' của nhiệm vụ {entry['id']}: "
                "đã giữ nguyên; hãy thêm khóa schedule hoặc after cho nhiệm vụ này"
            )
        else:
            result.parsed += 1
        if isinstance(schedule, AfterEvents):
            for issuer_name in schedule.issuers:
                issuer = agencies.resolve(issuer_name, task.where, kind="external")
                events.setdefault(
                    f"huong-dan-{issuer}",
                    {
                        "id": f"huong-dan-{issuer}",
                        "name": f"Hướng dẫn của {agencies.used[issuer]['name']}",
                        "issuer": issuer,
                        "occurred_on": None,
                    },
                )
        tasks.append(entry)
    if not whole and raw:
        result.warnings.append(
            "STT không phải số nguyên duy nhất (có mục I, II hoặc số 1.1…): nhiệm vụ được đánh số "
            "1..N theo thứ tự, số gốc giữ ở ref"
        )
    return tasks, events


def _duties(info: DecisionInfo, agencies: _Agencies, result: ImportResult) -> list[dict[str, Any]]:
    duties = []
    for heading, items in info.duties:
        ids = []
        for part in re.split(r"\s+và\s+(?=các |sở |ban |ủy |liên )|\s*;\s*", heading, flags=re.IGNORECASE):
            agency_id = agencies.registry.lookup(part)
            if agency_id is None and name_key(part).endswith("liên quan"):
                agency_id = agencies.registry.lookup("Các cơ quan, đơn vị, địa phương liên quan")
            if agency_id is None:
                result.warnings.append(f"mục Tổ chức thực hiện '{heading}': không xác định được cơ quan '{part}'")
            else:
                ids.append(agencies.resolve(agencies.registry.names.get(agency_id, part), heading))
        duties.append({"heading": heading, "agencies": list(dict.fromkeys(ids)), "items": items or [heading]})
    return duties


def _focal(info: DecisionInfo, tasks: list[dict[str, Any]], duties: list[dict[str, Any]]) -> str | None:
    for duty in duties:
        if any("đầu mối" in item for item in duty["items"]) and duty["agencies"]:
            return str(duty["agencies"][0])
    counts: dict[str, int] = {}
    for task in tasks:
        for agency_id in task["lead"]:
            counts[agency_id] = counts.get(agency_id, 0) + 1
    return max(counts, key=lambda key: counts[key]) if counts else None


def _dump(root: Path, rel: str, header: str, data: dict[str, Any]) -> None:
    text = dump_yaml(data, width=10_000)
    write_atomic(root / rel, (header + text).encode("utf-8"), root=root)


def _paragraphs(blocks: list[Block]) -> list[Para]:
    """The paragraphs in document order, with the cells of small tables (the two-column header of a decision,
    the signature block) read as paragraphs too."""
    paragraphs: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            paragraphs.append(block)
        elif max((len(row) for row in block.rows), default=0) < 5:
            for column in range(max(len(row) for row in block.rows)):
                for row, where in zip(block.rows, block.where, strict=True):
                    if column < len(row) and (column == 0 or row[column] != row[column - 1]):
                        paragraphs.extend(Para(line, where) for line in row[column].split("\n") if line.strip())
    return paragraphs


def _report_settings(info: DecisionInfo, focal: dict[str, Any] | None) -> dict[str, Any]:
    issuer = info.issuer or ""
    parent = re.sub(r"(?i)^ủy ban nhân dân", "UBND", issuer).upper()
    unit = None
    if info.proposal and focal is not None:
        code = re.search(r"số \S+/([^\s/-]+)-([A-ZĐ0-9]+)", info.proposal)
        if code and code[1] == focal["short_name"]:
            unit = code[2]
    settings = {
        "parent_agency": parent or None,
        "issuing_agency": focal["name"].upper() if focal else None,
        "abbreviation": focal["short_name"] if focal else None,
        "place": info.place,
        "addressee": issuer or None,
    }
    if unit:
        settings["drafting_unit"] = unit
    return settings


def _slug(text: str) -> str:
    from dnnd.authoring.importing.agency_names import _ascii

    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def plan_document(
    info: DecisionInfo, focal_id: str | None, focal: dict[str, Any] | None, duties: list[dict[str, Any]]
) -> dict[str, Any]:
    number = re.sub(r"\D+", "", (info.number or "").split("/")[0])
    year = info.date.year if info.date else ""
    signer = {"authority": info.signer_authority, "title": info.signer_title, "name": info.signer_name}
    decision = {
        "number": info.number,
        "date": info.date,
        "issuer": info.issuer,
        "title": info.title,
        "signer": {key: value for key, value in signer.items() if value is not None},
        "legal_bases": info.legal_bases,
    }
    if info.proposal:
        decision["proposal"] = info.proposal
    province = re.search(r"(?i)\b(?:tỉnh|thành phố)\s+(.+)$", info.issuer or "")
    plan: dict[str, Any] = {
        "id": "-".join(filter(None, (_slug(info.place or ""), number, str(year)))) or "ke-hoach",
        "title": info.plan_title or info.title,
        **({"province": province[1].strip()} if province else {}),
        "decision": decision,
        "focal_point": focal_id,
        "purposes": info.purposes,
        "requirements": info.requirements,
        "duties": duties,
    }
    if info.closing:
        plan["closing"] = info.closing
    plan["report"] = _report_settings(info, focal)
    return plan


def import_decision(
    document: Path, out: Path, agencies_file: Path | None = None, dnnd_source: str | None = None
) -> ImportResult:
    """Write a new plan repository in `out` from `document`; its validation problems are in the result."""
    if (out / PLAN_FILE).exists() or ((out / "plan").is_dir() and any((out / "plan").iterdir())):
        raise UsageError(
            Text(
                f"{out / 'plan'} đã có: dnnd import không ghi đè kế hoạch nào; chọn thư mục khác",
                f"{out / 'plan'} already exists: dnnd import never overwrites a plan; choose another folder",
            )
        )
    source = read_source(document)
    result = ImportResult(out, warnings=list(source.warnings))
    info = read_decision(_paragraphs(source.blocks))
    result.warnings.extend(info.warnings)
    table = read_task_table(source.blocks)
    if table is None:
        raise UsageError(
            Text(
                f"{document}: không tìm thấy bảng nhiệm vụ (cần các cột STT, nhiệm vụ, chủ trì, phối hợp, thời gian)",
                f"{document}: no task table found (it needs columns STT, nhiệm vụ, chủ trì, phối hợp, thời gian)",
            )
        )
    result.warnings.extend(table.warnings)
    agencies = _Agencies(_registry_entries(agencies_file), result)
    tasks, events = _tasks(table.tasks, agencies, result)
    result.tasks = len(tasks)
    duties = _duties(info, agencies, result)
    focal_id = _focal(info, tasks, duties)
    if focal_id is None:
        result.warnings.append("không xác định được cơ quan đầu mối: hãy điền focal_point trong plan/plan.yaml")
    focal = agencies.used.get(focal_id or "")
    source_note = f"# Nhập từ {document.name} bằng `dnnd import`; hãy đối chiếu với văn bản gốc.\n"
    files = {
        PLAN_FILE: plan_document(info, focal_id, focal, duties),
        AGENCIES_FILE: {"agencies": list(agencies.used.values())},
        TASKS_FILE: {"tasks": tasks},
        EVENTS_FILE: {"events": list(events.values())},
    }
    result.problems = _write_repository(out, source_note, files, dnnd_source)
    return result


def _write_repository(
    out: Path, header: str, files: dict[str, dict[str, Any]], dnnd_source: str | None = None
) -> list[Problem]:
    """Build the repository in a temporary folder inside `out`, check it, then move it into place, plan/
    last: an interrupted import leaves no half-written plan to block the next run. Its problems."""
    from dnnd.authoring.new_repository import add_repository_files, make_folder

    make_folder(out)
    for stale in out.glob(f"{_WORK_PREFIX}*"):  # left by an import that was killed
        shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(dir=out, prefix=_WORK_PREFIX))
    try:
        for rel, data in files.items():
            _dump(work, rel, header, data)
        add_repository_files(work, dnnd_source)
        problems: list[Problem] = []
        try:
            load_repository(work)
        except DataError as error:
            problems = error.problems
        except DnndError as error:
            problems = [whole_file(PLAN_FILE, error.message)]
        _move_into(work, out)
        return problems
    finally:
        shutil.rmtree(work, ignore_errors=True)


_WORK_PREFIX = ".dnnd-import-"


def _move_into(source: Path, target: Path) -> None:
    """Move what `source` holds into `target`, keeping what `target` has already; plan/ last."""
    for entry in sorted(source.iterdir(), key=lambda path: path.name == "plan"):
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        elif not os.path.lexists(destination):
            os.rename(entry, destination)
