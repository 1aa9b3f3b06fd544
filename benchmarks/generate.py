"""Generate synthetic plan repositories in dnnd's real format, for benchmarks.

    python benchmarks/generate.py OUT --agencies 600 --quarters 40 --tasks 60
    python benchmarks/generate.py OUT --provinces 34 --agencies 18 --quarters 40 --tasks 15
    python benchmarks/generate.py OUT --agencies 600 --quarters 40 --tasks 60 --activities 10
    python benchmarks/generate.py OUT --agencies 1000 --quarters 24 --tasks 15 --block --large
    python benchmarks/generate.py OUT --agencies 600 --quarters 40 --tasks 60 --budgets

The last is another shape of 24,000 files: a thousand agencies each supporting a few of fifteen tasks (so a
task has some two hundred supporting agencies), summaries as block scalars, files of ~3 KB. With --budgets,
every agency also files an estimate for each year (one to three lines on standing tasks it holds) and Sở Tài
chính (`stc`) appraises nine lines in ten.

Every file says that its content is invented. Each repository is a git repository (one commit), as
plan repositories are. Update files are about 600 bytes, with Vietnamese text; with --activities, each
also lists about that many activities (written as people write them: `countries: [JP]`), a tenth of them
sharing a document number with another agency's report and a few reported a quarter late.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
from pathlib import Path

import yaml

NOTE = "# DỮ LIỆU GIẢ LẬP cho đo hiệu năng (benchmark): mọi nội dung dưới đây là bịa, không phải số liệu thật.\n"
SENTENCE = (
    "tổ chức hội nghị tuyên truyền đối ngoại nhân dân phối hợp hướng dẫn các đoàn thể tập huấn kỹ năng "
    "trao đổi thông tin với địa phương bạn xây dựng kế hoạch năm triển khai chương trình giao lưu hữu nghị "
    "kiểm tra đôn đốc tổng hợp báo cáo kết quả thực hiện nhiệm vụ trong quý đã ban hành văn bản hướng dẫn"
)
WORDS = SENTENCE.split()
STATUSES = ("not_started", "in_progress", "in_progress", "in_progress", "done", "blocked")
TIMINGS = (
    "Thường xuyên",
    "Thường xuyên",
    "Quý IV hàng năm",
    "Trước ngày 18/11 hàng năm",
    "Quý III/2021",
    "Năm 2022",
    "Tháng 6/2023",
)


def sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


# The quarters run from FIRST_YEAR-Q3: forty of them end in 2026-Q2, none ahead of today (a quarter whose data
# window has not begun is refused).
FIRST_YEAR = 2016
KINDS = ("delegation_in", "delegation_in", "delegation_out", "event", "event", "aid", "agreement", "training", "media")
COUNTRIES = ("JP", "KR", "CN", "LA", "KH", "TH", "RU", "US", "FR", "DE", "AU", "SG", "IN", "GB", "CU")


class Text(str):
    """A summary written as people write long text: a block scalar, folded or literal, with or without its
    final line break ('>', '|', '>-', '|-'), chosen by the text's own hash (the same text, the same style)."""


def _block(dumper: yaml.SafeDumper, text: Text) -> yaml.ScalarNode:
    weight = sum(map(ord, text))  # stable across runs, unlike hash()
    value = str(text) + ("\n" if weight % 3 else "")  # with a final break: '>' or '|'; without: '>-' or '|-'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">|"[weight % 2])


yaml.SafeDumper.add_representer(Text, _block)


def dump(path: Path, data: object, more: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = NOTE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) + more
    path.write_text(text, encoding="utf-8")


def activities(rng: random.Random, year: int, quarter: int, tasks: list[int], count: int) -> str:
    """About `count` activities of the quarter's cut-off window (15th of the month before to the 14th of its
    last month), as YAML text."""
    end = dt.date(year, quarter * 3, 14)
    start = dt.date(year - 1, 12, 15) if quarter == 1 else dt.date(year, quarter * 3 - 3, 15)
    lines = ["activities:"]
    used: set[tuple[str, int]] = set()  # a file names one document once per kind
    for _ in range(rng.randint(count - 2, count + 2)):
        kind = rng.choice(KINDS)
        late = rng.random() < 0.02  # reported a quarter late
        day = (
            start - dt.timedelta(days=rng.randint(1, 60))
            if late
            else start + dt.timedelta(days=rng.randint(0, (end - start).days))
        )
        # one in ten is one of a few documents of the quarter, which other agencies report too, on its day
        number = rng.randint(1, 40) if rng.random() < 0.1 else 0
        if (kind, number) in used:
            number = 0
        used.add((kind, number))
        if number:
            day = start + dt.timedelta(days=number * 2)
        lines += [f"  - kind: {kind}", f"    title: {sentence(rng, 6, 12)}", f"    start: {day.isoformat()}"]
        if kind != "media":
            countries = ", ".join(sorted(set(rng.sample(COUNTRIES, k=rng.choice((1, 1, 1, 2))))))
            lines += [f"    countries: [{countries}]", f"    partner: Đối tác giả lập {rng.randint(1, 300)}"]
        if kind in ("delegation_in", "delegation_out", "event", "training"):
            lines.append(f"    people: {rng.randint(3, 200)}")
        if kind == "media":
            lines.append(f"    count: {rng.randint(1, 20)}")
        if kind == "aid":
            currency = rng.choice(("VND", "VND", "USD"))
            amount = rng.randint(1, 500) * (10_000_000 if currency == "VND" else 1_000)
            lines += [
                f"    aid_type: {rng.choice(('project', 'non_project', 'emergency'))}",
                f"    pledged: {{amount: {amount}, currency: {currency}}}",
            ]
        if number:
            lines.append(f"    ref: {number}-{year}Q{quarter}/QĐ-UBND")
        if tasks and rng.random() < 0.5:
            lines.append(f"    tasks: [{rng.choice(tasks)}]")
    return "\n".join(lines) + "\n"


def estimates(out: Path, rng: random.Random, year: int, standing: dict[str, list[int]]) -> None:
    """Each agency's estimate of the year, on standing tasks it holds, and Sở Tài chính's appraisals."""
    appraisals = []
    for agency_id, tasks in standing.items():
        if not tasks:
            continue
        lines = []
        for number in range(1, rng.randint(1, 3) + 1):
            amount = rng.randint(2, 200) * 1_000_000
            lines.append(
                {
                    "id": number,
                    "task": rng.choice(tasks),
                    "content": sentence(rng, 6, 12),
                    "amount": amount,
                    "source": "ngan_sach_tinh",
                }
            )
            if rng.random() < 0.9:
                appraised = amount - rng.randint(0, 4) * (amount // 10)
                appraisals.append({"agency": agency_id, "line": number, "appraised": appraised, "allocated": appraised})
        dump(out / "plan" / "budgets" / agency_id / f"{year}.yaml", {"agency": agency_id, "year": year, "lines": lines})
    dump(out / "plan" / "budgets" / "appraisals" / f"{year}.yaml", {"year": year, "appraisals": appraisals})


def province(
    out: Path,
    index: int,
    agencies: int,
    quarters: int,
    tasks: int,
    seed: int,
    per_file: int = 0,
    *,
    block: bool = False,
    large: bool = False,
    budgets: bool = False,
) -> int:
    """One plan repository; `block` writes the summaries as block scalars, `large` makes files of ~3 KB (more
    entries, longer text) instead of ~0.5 KB."""
    rng = random.Random(seed * 1000 + index)
    as_text = Text if block else str
    ids = ["sngv"] + [f"cq{number:03d}" for number in range(1, agencies)]
    agency_rows = [{"id": "sngv", "name": "Sở Ngoại vụ", "short_name": "SNgV", "kind": "department"}]
    agency_rows += [
        {"id": agency_id, "name": f"Cơ quan giả lập số {number}", "short_name": f"CQ{number}", "kind": "department"}
        for number, agency_id in enumerate(ids[1:], start=1)
    ]
    if budgets:
        agency_rows.append({"id": "stc", "name": "Sở Tài chính", "short_name": "STC", "kind": "department"})
    agency_rows += [
        {
            "id": "lienquan",
            "name": "Các cơ quan, đơn vị, địa phương liên quan",
            "short_name": "Các cơ quan liên quan",
            "kind": "group",
        }
    ]
    task_rows = []
    held: dict[str, list[int]] = {agency_id: [] for agency_id in ids}
    for task_id in range(1, tasks + 1):
        lead = ["sngv"] if task_id % 3 or len(ids) == 1 else [rng.choice(ids[1:])]
        support = rng.sample([i for i in ids if i not in lead], k=min(len(ids) - 1, max(1, 3 * agencies // tasks)))
        for agency_id in (*lead, *support):
            held[agency_id].append(task_id)
        task_rows.append(
            {
                "id": task_id,
                "title": sentence(rng, 12, 25),
                "lead": lead,
                "support": [*support, "lienquan"],
                "timing": rng.choice(TIMINGS),
            }
        )
    dump(out / "plan" / "agencies.yaml", {"agencies": agency_rows})
    dump(out / "plan" / "tasks.yaml", {"tasks": task_rows})
    dump(out / "plan" / "events.yaml", {"events": []})
    plan = yaml.safe_load((Path(__file__).resolve().parent.parent / "plan" / "plan.yaml").read_text("utf-8"))
    plan.update(
        id=f"gia-lap-{index + 1:02d}",
        duties=[],
        title=f"Kế hoạch giả lập số {index + 1}",
        province=f"Tỉnh giả lập {index + 1}",
    )
    plan["decision"]["date"] = dt.date(FIRST_YEAR, 5, 27)  # forty quarters from its third end before today
    dump(out / "plan" / "plan.yaml", plan)
    written = 0
    for agency_id in ids:
        for number in range(quarters):
            year, quarter = FIRST_YEAR + (number + 2) // 4, (number + 2) % 4 + 1
            mine = sorted(rng.sample(held[agency_id], k=min(len(held[agency_id]), 6 if large else 2))) or [1]
            entries = []
            for task_id in mine:
                if task_id not in held[agency_id]:
                    continue
                status = rng.choice(STATUSES)
                entry = {"task": task_id, "status": status}
                if status == "done":
                    entry["done_on"] = f"{year}-{quarter * 3 - 1:02d}-1{rng.randint(0, 9)}"
                entry["summary"] = as_text(" ".join(sentence(rng) for _ in range(7 if large else 1)))
                if rng.random() < (0.8 if large else 0.3):
                    entry["difficulties"] = as_text(" ".join(sentence(rng, 5, 10) for _ in range(2 if large else 1)))
                if large and rng.random() < 0.5:
                    entry["proposals"] = as_text(sentence(rng))
                entries.append(entry)
            update = {
                "agency": agency_id,
                "period": f"{year}-Q{quarter}",
                "reporter": {"name": "Nguyễn Văn A", "title": "Chuyên viên"},
                "entries": entries,
            }
            more = activities(rng, year, quarter, held[agency_id], per_file) if per_file else ""
            dump(out / "plan" / "updates" / agency_id / f"{year}-Q{quarter}.yaml", update, more)
            written += 1
    if budgets:
        last_year = FIRST_YEAR + (quarters + 1) // 4
        standing = {row["id"] for row in task_rows if row["timing"] == "Thường xuyên"}
        for year in range(FIRST_YEAR, last_year + 1):
            estimates(out, rng, year, {agency_id: [t for t in held[agency_id] if t in standing] for agency_id in ids})
    git = ["git", "-C", str(out), "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid"]
    subprocess.run([*git[:3], "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "synthetic plan (invented data)"], check=True)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--provinces", type=int, default=1, help="several repositories (a national roll-up)")
    parser.add_argument("--agencies", type=int, default=600)
    parser.add_argument("--quarters", type=int, default=40)
    parser.add_argument("--tasks", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--activities", type=int, default=0, help="about this many activities in each file")
    parser.add_argument("--block", action="store_true", help="summaries as block scalars (>, |, >-, |-)")
    parser.add_argument("--large", action="store_true", help="files of ~3 KB (up to six entries, longer text)")
    parser.add_argument("--budgets", action="store_true", help="each agency's yearly estimates, and their appraisals")
    args = parser.parse_args()
    total = 0
    for index in range(args.provinces):
        target = args.out if args.provinces == 1 else args.out / f"tinh-{index + 1:02d}"
        total += province(
            target,
            index,
            args.agencies,
            args.quarters,
            args.tasks,
            args.seed,
            args.activities,
            block=args.block,
            large=args.large,
            budgets=args.budgets,
        )
    print(f"wrote {total} update files under {args.out}")


if __name__ == "__main__":
    main()
