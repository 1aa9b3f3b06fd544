"""Golden outputs: what every command prints (and writes) on the sample repository and on broken inputs.

Recorded before the code was reorganised, so that a move that changes no behaviour changes no byte of
them. A change of output made on purpose regenerates them in the same commit, and the commit says so:

    python -m tests.acceptance.golden_cases          # rewrites tests/acceptance/golden/*.txt from the current code

Each case builds its repositories under a temporary folder, runs dnnd through the CLI, and records the
exit code, standard output and standard error (the temporary folder's path and today's date masked), and
the text of the files it wrote. A Word document is recorded as its text and its core properties.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from tests.git_helpers import FOCAL, branch, commit, init, submit, update

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT / "examples" / "khanhhoa-2020"
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass
class Run:
    """One dnnd command of a case: its arguments, where it runs, the files to record after it."""

    args: list[str]
    columns: int = 200
    records: tuple[str, ...] = ()


Setup = Callable[[Path], list[Run]]
CASES: dict[str, Setup] = {}


def case(name: str) -> Callable[[Setup], Setup]:
    def register(setup: Setup) -> Setup:
        CASES[name] = setup
        return setup

    return register


def example(tmp: Path, name: str = "example") -> Path:
    root = tmp / name
    shutil.copytree(EXAMPLE, root)
    return root


def _repo(root: Path, *args: str) -> list[str]:
    return ["--repo", str(root), *args]


# ----- the sample repository: status, missing, tasks, agencies, show -----------------------------------


@case("status")
def _status(tmp: Path) -> list[Run]:
    root = example(tmp)
    runs = []
    for period in (["--quarter", "2020-Q3"], ["--quarter", "2020-Q4"], ["--year", "2020"], ["--half", "2020-H2"]):
        for fmt in ("table", "json", "csv"):
            runs.append(Run(_repo(root, "status", *period, "--format", fmt)))
    runs += [
        Run(_repo(root, "status", "--as-of", "2020-11-20")),
        Run(_repo(root, "status", "--quarter", "2021-Q1", "--format", "json")),
        Run(_repo(root, "status", "--quarter", "2020-Q4", "--agency", "lhhn")),
        Run(_repo(root, "status", "--quarter", "2020-Q4", "--status", "overdue", "--format", "json")),
        Run(_repo(root, "status", "--quarter", "2020-Q4", "--lang", "en")),
        Run(_repo(root, "status", "--quarter", "2020-Q4"), columns=100),
        Run(_repo(root, "status", "--quarter", "2025-Q3", "--format", "csv")),
    ]
    return runs


@case("missing")
def _missing(tmp: Path) -> list[Run]:
    root = example(tmp)
    return [
        *(Run(_repo(root, "missing", "--quarter", "2020-Q4", "--format", fmt)) for fmt in ("table", "json", "csv")),
        Run(_repo(root, "missing", "--year", "2020", "--lang", "en")),
        Run(_repo(root, "missing", "--quarter", "2020-Q4", "--agency", "stttt")),
        Run(_repo(root, "missing", "--quarter", "2020-Q3", "--agency", "sngv")),
    ]


@case("plan")
def _plan(tmp: Path) -> list[Run]:
    root = example(tmp)
    return [
        *(Run(_repo(root, "tasks", "--format", fmt)) for fmt in ("table", "json", "csv")),
        Run(_repo(root, "tasks", "--agency", "lhhn", "--lang", "en")),
        *(Run(_repo(root, "agencies", "--format", fmt)) for fmt in ("table", "json", "csv")),
        Run(_repo(root, "agencies", "--as-of", "2025-06-01")),
        Run(_repo(root, "show", "4")),
        Run(_repo(root, "show", "14", "--lang", "en")),
        Run(_repo(root, "show", "99")),
        Run(_repo(root, "validate")),
        Run(_repo(root, "validate", "--lang", "en")),
    ]


# ----- broken inputs ------------------------------------------------------------------------------------

BROKEN_UPDATES: dict[str, bytes | None] = {
    "plan/updates/lhhn/2020-Q3.yaml": b"agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 2\n    status: [done\n",
    "plan/updates/snv/2020-Q4.yaml": (
        "agency: snv\nperiod: 2020-Q4\nentries:\n  - task: 99\n    status: in_progress\n    summary: Đã làm.\n"
        "  - task: 2\n    status: in_progress\n    summary: Một.\n  - task: 2\n    status: in_progress\n"
        "    summary: Hai.\n  - task: 1\n    status: in_progress\n    summary: Không phải của Sở.\n"
    ).encode(),
    "plan/updates/xyz/2020-Q3.yaml": b"agency: xyz\nperiod: 2020-Q3\nentries: []\n",
    "plan/updates/sngv/2020q4.yaml": b"agency: sngv\n",
    "plan/updates/bdv/2020-Q4.yaml": (
        b"agency: snv\nperiod: 2020-Q3\nentries:\n  - task: 2\n    status: finished\n    summary: Xong.\n"
        b"    done_on: 12/11/2020\n    extra: 1\n"
    ),
    "plan/updates/mttq/2020-Q4.yaml": "agency: mttq\nsummary: Đã làm\n".encode("latin-1", "replace") + b"\xd0\xe3\n",
    "plan/updates/baokh/2020-Q4.yaml": (
        b"agency: baokh\nperiod: 2020-Q4\nentries:\n  - task: 8\n    status: done\n    summary: Xong.\n"
        b"    occurrence: 2020\n  - task: 11\n    status: in_progress\n    done_on: 2020-11-01\n    summary: ''\n"
    ),
    "plan/updates/README.md": b"notes\n",
    "plan/updates/stttt/2025-Q3.yaml": (
        "agency: stttt\nperiod: 2025-Q3\nentries:\n  - task: 8\n    status: in_progress\n"
        "    summary: Sau khi thôi hoạt động.\n"
    ).encode(),
}


def broken(tmp: Path, name: str = "broken") -> Path:
    root = example(tmp, name)
    for rel, content in BROKEN_UPDATES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
    return root


@case("broken-updates")
def _broken_updates(tmp: Path) -> list[Run]:
    root = broken(tmp)
    return [
        Run(_repo(root, "validate")),
        Run(_repo(root, "validate", "--lang", "en")),
        Run(_repo(root, "status", "--quarter", "2020-Q4")),
        Run(_repo(root, "status", "--quarter", "2020-Q4", "--format", "json")),
        Run(_repo(root, "missing", "--quarter", "2020-Q4", "--format", "csv")),
        Run(_repo(root, "show", "2")),
    ]


BROKEN_PLAN: dict[str, str] = {
    "plan/tasks.yaml": (
        "tasks:\n  - id: 1\n    title: Một\n    lead: [sngv, nobody]\n    support: [sngv]\n    timing: Khi nào rảnh\n"
        "  - id: 1\n    title: Hai\n    lead: [sngv, sngv]\n    timing: Quý V/2020\n"
        "  - id: 3\n    title: Ba\n    lead: [sngv]\n    timing: Thường xuyên\n    within_days: 3\n"
        "  - id: 4\n    title: Bốn\n    lead: [sngv]\n    timing: Sau khi có hướng dẫn của Bộ Tư pháp\n"
        "  - id: 5\n    title: Năm\n    lead: [sngv]\n    timing: x\n    after: [khong-co]\n"
    ),
    "plan/events.yaml": (
        "events:\n  - id: e1\n    name: Một\n    issuer: bng\n    occurred_on: null\n"
        "  - id: e1\n    name: Hai\n    issuer: nobody\n    occurred_on: 2020-01-01\n"
    ),
    "plan/plan.yaml": "",
}


@case("broken-plan")
def _broken_plan(tmp: Path) -> list[Run]:
    root = example(tmp)
    plan = (root / "plan" / "plan.yaml").read_text(encoding="utf-8")
    for rel, text in BROKEN_PLAN.items():
        (root / rel).write_text(text or plan.replace("focal_point: sngv", "focal_point: lienquan"), encoding="utf-8")
    agencies = root / "plan" / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(
        text + "  - id: sngv\n    name: Trùng\n    short_name: T\n    kind: department\n    until: 2020-01-01\n"
        "    successor: [{agency: nobody, tasks: [99]}, {agency: snv}, {agency: lhhn}]\n",
        encoding="utf-8",
    )
    other = example(tmp, "syntax")
    (other / "plan" / "agencies.yaml").write_text("agencies:\n  - id: sngv\n   name: x\n", encoding="utf-8")
    (other / "plan" / "locks.yaml").write_bytes(b"\xff\xfel\x00o\x00")
    return [
        Run(_repo(root, "validate")),
        Run(_repo(root, "status", "--lang", "en")),
        Run(_repo(other, "validate")),
        Run(_repo(other, "missing", "--quarter", "2020-Q4")),
    ]


@case("usage")
def _usage(tmp: Path) -> list[Run]:
    root = example(tmp)
    return [
        Run(_repo(root, "status", "--quarter", "2020-Q5")),
        Run(_repo(root, "status", "--quarter", "2020-Q3", "--year", "2020")),
        Run(_repo(root, "status", "--as-of", "20/11/2020")),
        Run(_repo(root, "status", "--as-of", "9999-12-31")),
        Run(_repo(root, "status", "--status", "late")),
        Run(_repo(root, "status", "--agency", "khong")),
        Run(_repo(root, "status", "--format", "xml")),
        Run(_repo(root, "status", "--nothing")),
        Run(_repo(root, "statsu")),
        Run(_repo(root, "statsu", "--lang", "en")),
        Run(_repo(root, "--lang", "fr", "status")),
        Run(_repo(root, "report", "--quarter")),  # bare `report` writes the period being reported: date-dependent
        Run(_repo(root, "report", "--half", "2020-H3")),
        Run(_repo(root, "remind", "--quarter", "2020-Q4", "--date", "2020-12-10", "--deadline", "2020-12-01")),
        Run(_repo(root, "log", "--quarter", "2020")),
        Run(["--repo", str(tmp / "nowhere"), "status"]),
        Run(_repo(root, "show", "x")),
        Run(_repo(root, "report", "--quarter", "2020-Q4", "--number", "0")),
        Run(_repo(root, "new-update", "--agency", "lienquan", "--quarter", "2020-Q3")),
        Run(_repo(root, "new-update", "--agency", "stttt", "--quarter", "2025-Q3")),
        Run(_repo(root, "new-update", "--agency", "lhhn", "--quarter", "2020-Q3")),
        Run(_repo(root, "new-update", "--agency", "lhhn", "--quarter", "2019-Q1")),
        Run(_repo(root, "lock", "2020-Q9")),
        Run(_repo(root, "unlock", "2020-Q3")),
    ]


@case("help")
def _help(tmp: Path) -> list[Run]:
    commands = [
        "validate",
        "status",
        "rollup",
        "missing",
        "stats",
        "report",
        "remind",
        "new-update",
        "schema",
        "codeowners",
        "check-changes",
        "lock",
        "unlock",
        "log",
        "import",
        "init",
        "tasks",
        "agencies",
        "show",
    ]
    english = [Run(["--help", "--lang", "en"]), Run(["report", "--help", "--lang", "en"])]
    return [Run(["--help"]), *(Run([command, "--help"]) for command in commands), Run([]), *english]


# ----- documents ----------------------------------------------------------------------------------------


@case("documents")
def _documents(tmp: Path) -> list[Run]:
    root = example(tmp)
    out = tmp / "out"
    return [
        Run(
            _repo(
                root,
                "report",
                "--quarter",
                "2020-Q4",
                "--date",
                "2020-12-16",
                "--number",
                "125",
                "-o",
                f"{out}/q4.docx",
            ),
            records=("out/q4.docx",),
        ),
        Run(_repo(root, "report", "--quarter", "2020-Q4", "-o", f"{out}/q4.docx")),
        Run(
            _repo(root, "report", "--year", "2020", "--date", "2020-12-20", "-o", f"{out}/y.docx"),
            records=("out/y.docx",),
        ),
        Run(
            _repo(root, "report", "--half", "2020-H2", "--date", "2020-12-18", "-o", f"{out}/h.docx"),
            records=("out/h.docx",),
        ),
        Run(
            _repo(
                root, "remind", "--quarter", "2020-Q4", "--date", "2020-12-10", "--number", "7", "-o", f"{out}/r.docx"
            ),
            records=("out/r.docx",),
        ),
        Run(
            _repo(
                root,
                "remind",
                "--quarter",
                "2020-Q3",
                "--date",
                "2020-09-20",
                "--deadline",
                "2020-09-30",
                "-o",
                f"{out}/r3.docx",
            ),
            records=("out/r3.docx",),
        ),
        Run(_repo(root, "remind", "--quarter", "2020-Q4", "--date", "2020-12-10", "-o", f"{out}/r.docx")),
    ]


@case("stats")
def _stats(tmp: Path) -> list[Run]:
    root = example(tmp)
    return [
        Run(_repo(root, "stats", "--quarter", "2020-Q4")),
        Run(_repo(root, "stats", "--quarter", "2020-Q4", "--format", "json")),
        Run(_repo(root, "stats", "--year", "2020", "--format", "csv")),
        Run(_repo(root, "stats", "--quarter", "2020-Q4", "--agency", "lhhn", "--lang", "en")),
        Run(_repo(root, "stats", "--quarter", "2020-Q3", "--agency", "xyz")),
    ]


# ----- the pull-request workflow and set-up ---------------------------------------------------------------


def _history(tmp: Path) -> Path:
    root = example(tmp, "history")
    shutil.rmtree(root / "plan" / "updates")
    init(root, "2020-06-01T09:00:00+07:00")
    lhhn = (EXAMPLE / "plan/updates/lhhn/2020-Q4.yaml").read_text(encoding="utf-8")
    snv = (EXAMPLE / "plan/updates/snv/2020-Q4.yaml").read_text(encoding="utf-8")
    submit(
        root,
        "lhhn-q4",
        {"plan/updates/lhhn/2020-Q4.yaml": lhhn},
        committed="2020-12-14T10:00:00+07:00",
        merged="2020-12-15T16:00:00+07:00",
    )
    submit(
        root,
        "snv-q4",
        {"plan/updates/snv/2020-Q4.yaml": snv},
        committed="2020-12-17T10:00:00+07:00",
        merged="2020-12-18T23:30:00+07:00",
    )
    submit(
        root,
        "lhhn-q4b",
        {"plan/updates/lhhn/2020-Q4.yaml": lhhn + "# sửa\n"},
        committed="2020-12-19T10:00:00+07:00",
        merged="2020-12-21T08:00:00+07:00",
    )
    return root


@case("workflow")
def _workflow(tmp: Path) -> list[Run]:
    root = _history(tmp)
    runs = [
        *(Run(_repo(root, "log", "--all", "--format", fmt)) for fmt in ("table", "json", "csv")),
        Run(_repo(root, "log", "--quarter", "2020-Q4", "--agency", "snv", "--lang", "en")),
        Run(_repo(root, "log", "--branch", "nope")),
        Run(_repo(root, "status", "--quarter", "2020-Q4", "--late")),
        Run(_repo(root, "missing", "--quarter", "2020-Q4", "--late", "--format", "json")),
    ]
    pr = _history(tmp / "pr")
    branch(pr, "pr")
    commit(
        pr,
        {
            **update("lhhn", "2020-Q4", (2, "done", "2020-12-01")),
            **update("snv", "2021-Q1", (99, "in_progress")),
            "plan/tasks.yaml": (EXAMPLE / "plan/tasks.yaml").read_text(encoding="utf-8") + "# note\n",
            "plan/locks.yaml": "locks:\n  - period: 2020-Q4\n    locked_on: 2020-12-20\n",
        },
        "PR",
        author=FOCAL,
        date="2020-12-22T10:00:00+07:00",
    )
    runs += [
        Run(_repo(pr, "check-changes", "--base", "main")),
        Run(_repo(pr, "check-changes", "--base", "main", "--agency", "lhhn", "--format", "github")),
        Run(_repo(pr, "check-changes", "--base", "nope")),
    ]
    return runs


@case("setup")
def _setup(tmp: Path) -> list[Run]:
    root = example(tmp)
    lockable = example(tmp, "locks")
    fresh = tmp / "fresh"
    imported = tmp / "imported"
    return [
        Run(
            _repo(root, "new-update", "--agency", "lhhn", "--quarter", "2021-Q1"),
            records=("example/plan/updates/lhhn/2021-Q1.yaml",),
        ),
        Run(
            _repo(root, "new-update", "--agency", "svhtt", "--quarter", "2025-Q3", "--lang", "en"),
            records=("example/plan/updates/svhtt/2025-Q3.yaml",),
        ),
        Run(_repo(lockable, "lock", "2020-H2", "--note", "Báo cáo số 125/BC-SNgV"), records=("locks/plan/locks.yaml",)),
        Run(_repo(lockable, "lock", "2020-Q4")),
        Run(_repo(lockable, "lock", "2020-H2")),
        Run(_repo(lockable, "unlock", "2020-Q4"), records=("locks/plan/locks.yaml",)),
        Run(_repo(lockable, "unlock", "2020-H2", "--lang", "en"), records=("locks/plan/locks.yaml",)),
        Run(_repo(root, "codeowners"), records=("example/.github/CODEOWNERS",)),
        Run(["init", str(fresh)], records=("fresh/plan/plan.yaml", "fresh/.github/workflows/dnnd.yml")),
        Run(["--repo", str(fresh), "validate"]),
        Run(["init", str(fresh)]),
        Run(
            ["import", str(PROJECT / "tests/data/qd-1228-2020-khanh-hoa.txt"), "--out", str(imported)],
            records=(
                "imported/plan/tasks.yaml",
                "imported/plan/agencies.yaml",
                "imported/plan/plan.yaml",
                "imported/plan/events.yaml",
            ),
        ),
        Run(["import", str(tmp / "missing.docx"), "--out", str(tmp / "x")]),
    ]


@case("rollup")
def _rollup(tmp: Path) -> list[Run]:
    first = example(tmp, "khanhhoa")
    second = example(tmp, "second")
    plan = second / "plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: ", "id: tinh-hai-", 1), encoding="utf-8")
    shutil.rmtree(second / "plan" / "updates" / "lhhn")
    bad = broken(tmp, "bad")
    (bad / "plan" / "tasks.yaml").write_text("tasks: [1\n", encoding="utf-8")
    left = broken(tmp, "left")
    for root, prefix in ((bad, "hong-"), (left, "bo-sot-")):
        plan = root / "plan" / "plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("id: ", f"id: {prefix}", 1), encoding="utf-8")
    dirs = [str(first), str(second), str(bad), str(left)]
    return [
        *(Run(["rollup", *dirs, "--quarter", "2020-Q4", "--format", fmt]) for fmt in ("table", "json", "csv")),
        Run(["rollup", *dirs, "--year", "2020", "--lang", "en"], columns=90),
        Run(["rollup", str(first), str(tmp / "khanhhoa"), "--quarter", "2020-Q4"]),
        Run(["rollup", str(first), "--as-of", "2020-12-20"]),
    ]


# ----- running and recording ----------------------------------------------------------------------------


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    lines = []
    for paragraph in document.paragraphs:
        lines.append(f"[{paragraph.style.name if paragraph.style is not None else ''}] {paragraph.text}")
    for number, table in enumerate(document.tables):
        for row in table.rows:
            lines.append(f"[table {number}] " + " | ".join(cell.text for cell in row.cells))
    for index, section in enumerate(document.sections):
        for label, part in (
            ("header", section.header),
            ("first header", section.first_page_header),
            ("footer", section.footer),
            ("first footer", section.first_page_footer),
        ):
            if not part.is_linked_to_previous:
                lines.extend(f"[section {index} {label}] {p.text}" for p in part.paragraphs)
    props = document.core_properties
    for name in ("title", "subject", "identifier", "keywords", "comments", "author", "created", "revision"):
        lines.append(f"[property {name}] {getattr(props, name)}")
    return "\n".join(lines)


def _mask(text: str, tmp: Path) -> str:
    today = dt.date.today()
    for form in (today.isoformat(), today.strftime("%d/%m/%Y")):
        text = text.replace(form, "<TODAY>")
    # the last quarter that may be reported on moves with the date
    text = re.sub(r"((?:báo cáo: từ|allowed are) \d{4}-Q[1-4] (?:đến|to)) \d{4}-Q[1-4]", r"\1 <QUARTER OF TODAY>", text)
    text = text.replace(str(tmp.resolve()), "<TMP>").replace(str(tmp), "<TMP>")
    return text.replace(str(PROJECT), "<PROJECT>")


def run_case(name: str) -> str:
    """The recorded text of one case, from the current code."""
    from dnnd.cli.app import app

    with tempfile.TemporaryDirectory(prefix="dnnd-golden-") as folder:
        tmp = Path(folder)
        out: list[str] = []
        for run in CASES[name](tmp):
            result = CliRunner().invoke(app, ["--no-cache", *run.args], env={"COLUMNS": str(run.columns)})
            out.append(f"$ dnnd {' '.join(run.args)}  (COLUMNS={run.columns})")
            out.append(f"exit {result.exit_code}")
            out.append("--- stdout")
            out.append(result.stdout.rstrip("\n"))
            out.append("--- stderr")
            out.append(result.stderr.rstrip("\n"))
            for rel in run.records:
                path = tmp / rel
                out.append(f"--- file {rel}")
                if not path.exists():
                    out.append("(not written)")
                elif path.suffix == ".docx":
                    out.append(_docx_text(path))
                else:
                    out.append(path.read_text(encoding="utf-8").rstrip("\n"))
            out.append("")
        return _mask("\n".join(out), tmp)


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name in sys.argv[1:] or CASES:
        (GOLDEN / f"{name}.txt").write_text(run_case(name), encoding="utf-8")
        print(f"wrote tests/acceptance/golden/{name}.txt")


if __name__ == "__main__":
    main()
