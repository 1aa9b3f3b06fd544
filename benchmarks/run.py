"""Measure dnnd against the baselines of its speed and memory targets, side by side, and print a table.

    python benchmarks/run.py                 # 24,000 update files, 5 alternating runs of each pair
    python benchmarks/run.py --runs 3 --work /tmp/dnnd-bench

Each target runs its command and its baseline alternately, so that drift on a shared machine hits both;
the table gives the medians and their ratio. Synthetic repositories are generated once under --work by
benchmarks/generate.py (invented content). Nothing here is a test: timing stays out of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent

PLAIN_PARSE = """
import pathlib, sys, yaml
docs = [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml'))]
print(len(docs))
"""
READ_BYTES = """
import os, sys
import typer
total = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(folder, name), 'rb') as handle:
            total += len(handle.read())
print(total)
"""


@dataclass
class Sample:
    seconds: float
    max_rss_kb: int


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Wall time, and the peak resident memory of the largest process of the command's tree."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:  # a command that fails fast would look fast: every one measured must succeed
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}:\n{detail}")
    return Sample(elapsed, usage.ru_maxrss)


@dataclass
class Row:
    target: str
    command: str
    baseline: str
    value: float
    reference: float
    limit: float | None  # None: shown for the record, not a target
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.value / self.reference

    def line(self) -> str:
        if self.limit is None:
            verdict, limit = "not a target", "—"
        else:
            verdict, limit = ("met" if self.ratio <= self.limit else "NOT met"), f"≤ {self.limit}"
        if self.unit == "s":
            value, reference = f"{self.value:.3f} s", f"{self.reference:.3f} s"
        elif self.unit == "x":
            value, reference = f"{self.value:.2f} ×", f"{self.reference:.0f} ×"
        else:
            value, reference = f"{self.value / 1024:.0f} MiB", f"{self.reference / 1024:.0f} MiB"
        return (
            f"| {self.target} | `{self.command}` | {value} | `{self.baseline}` | {reference} | "
            f"{self.ratio:.2f} | {limit} | {verdict} |"
        )


def paired(runs: int, first: Callable[[], Sample], second: Callable[[], Sample]) -> tuple[list[Sample], list[Sample]]:
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(first())
        theirs.append(second())
    return ours, theirs


def median(samples: list[Sample]) -> float:
    return statistics.median(sample.seconds for sample in samples)


def generate(target: Path, *args: str) -> Path:
    if not (target / ".generated").exists():
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(target), *args], check=True, stdout=subprocess.DEVNULL
        )
        (target / ".generated").write_text("done\n")
    return target


TARGETS = (
    "cold",
    "repeat",
    "help",
    "validate",
    "report",
    "growth",
    "rollup-cold",
    "rollup-repeat",
    "stats-cold",
    "stats-repeat",
    "site",
    "budget",
)


@dataclass(frozen=True)
class Shape:
    """The 24,000-file repository of a shape (and its 2,400- and 0-file siblings for the growth target)."""

    agencies: int
    quarters: int
    tasks: int
    flags: tuple[str, ...] = ()

    def arguments(self, agencies: int, quarters: int) -> list[str]:
        return ["--agencies", str(agencies), "--quarters", str(quarters), "--tasks", str(self.tasks), *self.flags]


SHAPES = {
    "many-tasks": Shape(600, 40, 60),  # 600 agencies, 60 tasks, plain text, ~0.5 KB files
    "many-agencies": Shape(1000, 24, 15),  # a thousand agencies, tasks with ~200 supporting agencies each
    "block-large": Shape(600, 40, 60, ("--block", "--large")),  # block scalars, ~3 KB files
    "many-agencies-block": Shape(1000, 24, 15, ("--block",)),
}
# the targets whose repositories do not change with the shape: run once, with the first shape asked for
SHAPELESS = {"help", "validate", "rollup-cold", "rollup-repeat", "stats-cold", "stats-repeat", "site", "budget"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/dnnd-bench"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        action="append",
        choices=TARGETS,
        help="run only this target (repeatable); the default runs them all",
    )
    parser.add_argument(
        "--shape",
        action="append",
        choices=sorted(SHAPES),
        help="the repository's shape (repeatable; the default: many-tasks); with several, the worst ratio of each "
        "target is given at the end",
    )
    args = parser.parse_args()
    shapes = args.shape or ["many-tasks"]
    rows: list[tuple[str, Row]] = []
    for index, shape in enumerate(shapes):
        chosen = set(args.only or TARGETS) - (SHAPELESS if index else set())
        rows += [(shape, row) for row in targets(shape, chosen, args.work, args.runs)]
    print(
        f"dnnd benchmarks — {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {args.runs} alternating runs, medians"
    )
    print()
    print("| shape | target | dnnd | value | baseline | value | ratio | limit | |")
    print("|---|---|---|---|---|---|---|---|---|")
    for shape, row in rows:
        print(f"| {shape} {row.line()}")
    if len(shapes) > 1:
        print()
        print("worst ratio of each target over the shapes:")
        worst: dict[str, tuple[str, Row]] = {}
        for shape, row in rows:
            if row.target not in worst or row.ratio > worst[row.target][1].ratio:
                worst[row.target] = (shape, row)
        for target, (shape, row) in worst.items():
            limit = "—" if row.limit is None else f"≤ {row.limit}"
            verdict = "" if row.limit is None else ("met" if row.ratio <= row.limit else "NOT met")
            print(f"- {target}: {row.ratio:.2f} ({shape}), limit {limit} {verdict}")


def targets(shape_name: str, chosen: set[str], work: Path, runs: int) -> list[Row]:
    """Every chosen target on the repositories of one shape."""
    shape = SHAPES[shape_name]
    prefix = "one" if shape_name == "many-tasks" else shape_name  # the first shape keeps its folders' names
    dnnd = shutil.which("dnnd") or sys.exit("dnnd is not installed: run the README's first command")
    python = sys.executable
    env = {**os.environ, "DNND_LANG": "vi"}
    cold = {**env, "DNND_NO_CACHE": "1"}
    big = generate(work / f"{prefix}-24000", *shape.arguments(shape.agencies, shape.quarters))
    small = generate(work / f"{prefix}-2400", *shape.arguments(shape.agencies // 10, shape.quarters))
    empty = generate(work / f"{prefix}-0", *shape.arguments(shape.agencies // 10, 0))
    national = generate(work / "national", "--provinces", "34", "--agencies", "18", "--quarters", "40", "--tasks", "15")
    provinces = sorted(str(path) for path in national.iterdir() if path.is_dir())
    busy = (
        generate(
            work / "one-24000-activities",
            *("--agencies", "600", "--quarters", "40", "--tasks", "60", "--activities", "10"),
        )
        if chosen & {"stats-cold", "stats-repeat", "site"}
        else big
    )
    number = shape.quarters - 7  # 2024-Q4 for forty quarters from 2016-Q3, as the targets were first set
    quarter = f"{2016 + (number + 2) // 4}-Q{(number + 2) % 4 + 1}"
    stats = [dnnd, "stats", "--quarter", "2024-Q4", "--format", "json"]  # the activities' repository: 40 quarters
    status = [dnnd, "status", "--quarter", quarter, "--format", "json"]
    busy_status = [dnnd, "status", "--quarter", "2024-Q4", "--format", "json"]  # beside stats and site
    rollup = [dnnd, "rollup", *provinces, "--quarter", "2024-Q4", "--format", "json"]
    rows: list[Row] = []

    def run(command: list[str], where: Path, environment: dict[str, str]) -> Callable[[], Sample]:
        return lambda: measure(command, where, environment)

    if "cold" in chosen:
        ours, plain = paired(runs, run(status, big, cold), run([python, "-c", PLAIN_PARSE, "plan"], big, env))
        rows.append(
            Row(
                "cold status, 24,000 files",
                "DNND_NO_CACHE=1 dnnd status",
                "CSafeLoader parse, 1 process",
                median(ours),
                median(plain),
                0.5,
            )
        )
        rows.append(
            Row(
                "peak memory of that cold status",
                "largest process",
                "parse keeping every document",
                max(s.max_rss_kb for s in ours),
                max(s.max_rss_kb for s in plain),
                0.9,
                unit="KiB",
            )
        )
    if "repeat" in chosen:
        measure(status, big, env)  # fill the cache
        ours, reading = paired(runs, run(status, big, env), run([python, "-c", READ_BYTES, "plan"], big, env))
        rows.append(
            Row(
                "repeat status, no file changed",
                "dnnd status (cache)",
                "python + import typer + read bytes",
                median(ours),
                median(reading),
                1.2,
            )
        )
    if "help" in chosen:
        ours, typer_only = paired(
            runs, run([dnnd, "--help"], PROJECT, env), run([python, "-c", "import typer"], PROJECT, env)
        )
        rows.append(
            Row("dnnd --help", "dnnd --help", "python -c 'import typer'", median(ours), median(typer_only), 1.15)
        )
    if "validate" in chosen:
        validate, imports = [dnnd, "validate"], [python, "-c", "import typer, yaml; from pydantic import BaseModel"]
        measure(validate, PROJECT, env)  # as after the previous commit: the snapshot holds this state's verdict
        ours, baseline = paired(runs, run(validate, PROJECT, env), run(imports, PROJECT, env))
        rows.append(
            Row(
                "dnnd validate, embedded plan",
                "dnnd validate",
                "import typer, yaml, pydantic",
                median(ours),
                median(baseline),
                1.5,
            )
        )
        ours, baseline = paired(runs, run(validate, PROJECT, cold), run(imports, PROJECT, env))
        rows.append(
            Row(
                "the same, first run (no cache)",
                "DNND_NO_CACHE=1 dnnd validate",
                "import typer, yaml, pydantic",
                median(ours),
                median(baseline),
                1.3,
            )
        )
    if "report" in chosen:
        report = [dnnd, "report", "--quarter", quarter, "--force", "-o", str(work / "report.docx")]
        ours, cold_status = paired(runs, run(report, big, cold), run(status, big, cold))
        rows.append(
            Row(
                "quarterly report, 24,000 files",
                "DNND_NO_CACHE=1 dnnd report",
                "cold status, same quarter",
                median(ours),
                median(cold_status),
                1.3,
            )
        )
    if "growth" in chosen:
        sizes = (("0", empty), ("2,400", small), ("24,000", big))
        samples: dict[str, list[Sample]] = {name: [] for name, _ in sizes}
        for _ in range(runs):  # the three sizes in turn, so that drift hits each alike
            for name, where in sizes:
                samples[name].append(measure(status, where, cold))
        times = {name: median(runs) for name, runs in samples.items()}
        growth = (times["24,000"] - times["0"]) / max(times["2,400"] - times["0"], 1e-9)
        rows.append(
            Row(
                "growth from 2,400 to 24,000 files",
                "cold status − empty repository",
                "file count × 10",
                growth,
                10.0,
                1.0,
                unit="x",
            )
        )
    if "rollup-cold" in chosen:
        ours, plain = paired(runs, run(rollup, national, cold), run([python, "-c", PLAIN_PARSE, "."], national, env))
        rows.append(
            Row(
                "cold roll-up, 34 repositories",
                "DNND_NO_CACHE=1 dnnd rollup",
                "CSafeLoader parse, 1 process",
                median(ours),
                median(plain),
                0.45,
            )
        )
    if "rollup-repeat" in chosen:
        measure(rollup, national, env)
        ours, reading = paired(runs, run(rollup, national, env), run([python, "-c", READ_BYTES, "."], national, env))
        rows.append(
            Row(
                "repeat roll-up, no file changed",
                "dnnd rollup (cache)",
                "python + import typer + read bytes",
                median(ours),
                median(reading),
                1.0,
            )
        )
    if "stats-cold" in chosen:
        ours, cold_status = paired(runs, run(stats, busy, cold), run(busy_status, busy, cold))
        rows.append(
            Row(
                "cold stats, 24,000 files of ~10 activities",
                "DNND_NO_CACHE=1 dnnd stats",
                "cold status, same repository",
                median(ours),
                median(cold_status),
                1.1,
            )
        )
    if "stats-repeat" in chosen:
        # against repeat status: both are served by the snapshot; stats also writes the quarter's activities
        # (some 6,000 here), which reading the files' bytes does not
        measure(stats, busy, env)  # fill the caches
        measure(busy_status, busy, env)
        ours, repeat_status = paired(runs, run(stats, busy, env), run(busy_status, busy, env))
        rows.append(
            Row(
                "repeat stats, no file changed",
                "dnnd stats (cache)",
                "repeat status, same repository",
                median(ours),
                median(repeat_status),
                1.5,
            )
        )
    if "site" in chosen:
        site = [dnnd, "site", "--quarter", "2024-Q4", "-o", str(work / "site")]
        ours, cold_status = paired(runs, run(site, busy, cold), run(busy_status, busy, cold))
        rows.append(
            Row(
                "cold site, 24,000 files of ~10 activities",
                "DNND_NO_CACHE=1 dnnd site",
                "cold status, same repository",
                median(ours),
                median(cold_status),
                2.0,
            )
        )
    if "budget" in chosen:
        funded = generate(
            work / "one-24000-budgets", *("--agencies", "600", "--quarters", "40", "--tasks", "60", "--budgets")
        )
        budget = [dnnd, "budget", "--year", "2024", "--format", "json"]
        funded_status = [dnnd, "status", "--quarter", "2024-Q4", "--format", "json"]
        ours, cold_status = paired(runs, run(budget, funded, cold), run(funded_status, funded, cold))
        rows.append(
            Row(
                "cold budget, 24,000 files and 6,600 estimates",
                "DNND_NO_CACHE=1 dnnd budget",
                "cold status, same repository",
                median(ours),
                median(cold_status),
                1.1,
            )
        )

    if "growth" in chosen:
        sizes_line = ", ".join(f"{name} files {value:.3f} s" for name, value in times.items())
        print(f"{shape_name}: cold status by size: {sizes_line}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    main()
