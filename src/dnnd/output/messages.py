"""What the commands that act print: files written, a valid repository, pull-request findings, locks,
imports. Plain text, no table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dnnd.errors import visible
from dnnd.i18n import Text
from dnnd.output.console import err, out

if TYPE_CHECKING:  # what each message shows; importing them here would slow `dnnd validate`
    from dnnd.authoring.importing.build import ImportResult
    from dnnd.authoring.new_update import Scaffold
    from dnnd.cache.verdict import Verdict
    from dnnd.plan.periods import Period
    from dnnd.workflow.pull_requests import ChangeReport


def verdict(found: Verdict, lang: str) -> None:
    """`dnnd validate` on a valid repository: its warnings, then one line. Printed without rich: validate
    runs on every commit, and rich would double its start-up."""
    for problem in found.warnings:
        print(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {problem.render(lang)}", file=sys.stderr)
    tasks, agencies, updates = found.tasks, found.agencies, found.files
    texts = Text(
        f", {found.texts} phần báo cáo của cơ quan đầu mối" if found.texts else "",
        f", {found.texts} report text(s) of the focal point" if found.texts else "",
    )
    print(
        Text(
            f"Hợp lệ: {tasks} nhiệm vụ, {agencies} cơ quan, {updates} tệp báo cáo{texts.vi}; không có lỗi.",
            f"Valid: {tasks} tasks, {agencies} agencies, {updates} update files{texts.en}; no problems.",
        ).in_(lang)
    )


def written(paths: list[Path], lang: str) -> None:
    console = out()
    for path in paths:
        console.print(Text(f"Đã ghi {path}", f"Wrote {path}").in_(lang))


def site_written(folder: Path, files: int, lang: str) -> None:
    index = folder / "index.html"
    out().print(
        Text(
            f"Đã dựng trang web ({files} tệp) trong {folder}; mở {index} trong trình duyệt",
            f"Built the website ({files} files) in {folder}; open {index} in a browser",
        ).in_(lang)
    )


def chosen_period(why: Text | None, lang: str) -> None:
    """Why a command took the period it did, when none was named: first, on stderr."""
    if why is not None:
        err().print(f"({why.in_(lang)})")


def draft_next(period: Period, lang: str) -> None:
    """What the officer does with a drafted report text."""
    from dnnd.plan.periods import period_option

    option = period_option(period)
    out().print(
        Text(
            f"Sửa tệp này bằng lời của cơ quan đầu mối (các dòng # là nguyên văn báo cáo của các cơ quan để chọn lọc), "
            f"rồi chạy `dnnd validate` và `dnnd report --check {option}`, commit.",
            f"Edit it in the focal point's own words (the # lines quote the agencies' updates to pick from), then run "
            f"`dnnd validate` and `dnnd report --check {option}`, and commit it.",
        ).in_(lang)
    )


def nobody_missing(period: str, lang: str) -> None:
    out().print(
        Text(
            f"Kỳ {period}: không có cơ quan nào chưa báo cáo, nên không cần công văn đôn đốc.",
            f"Period {period}: every agency has reported, so no reminder letter is needed.",
        ).in_(lang)
    )


def still_to_do(to_do: list[Text], lang: str) -> None:
    """What to do before a letter is sent, after writing it (the Excel forms it says are attached)."""
    if not to_do:
        return
    console = out()
    console.print(Text("Trước khi gửi công văn:", "Before sending the letter:").in_(lang))
    for item in to_do:
        console.print(f"  - {item.in_(lang)}")


def scaffolded(scaffold: Scaffold, lang: str) -> None:
    console = out()
    tasks = ", ".join(str(number) for number in scaffold.tasks) or Text("(không có)", "(none)").in_(lang)
    console.print(
        Text(f"Đã tạo {scaffold.rel} với các nhiệm vụ: {tasks}.", f"Created {scaffold.rel} with tasks: {tasks}.").in_(
            lang
        )
    )
    console.print(
        Text(
            "Bước tiếp theo:\n"
            "  1. Mở tệp, với mỗi nhiệm vụ chọn status, viết summary (và done_on khi đã hoàn thành).\n"
            "  2. Chạy `dnnd validate` và sửa đến khi không còn lỗi.\n"
            f'  3. git add {scaffold.rel} && git commit -m "Báo cáo ..."\n'
            "  4. Đẩy nhánh lên và mở pull request; cơ quan đầu mối sẽ duyệt.",
            "Next steps:\n"
            "  1. Open the file; for each task choose a status, write the summary (and done_on when done).\n"
            "  2. Run `dnnd validate` and fix until it reports no problem.\n"
            f'  3. git add {scaffold.rel} && git commit -m "Update ..."\n'
            "  4. Push the branch and open a pull request; the focal point reviews it.",
        ).in_(lang)
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


GITHUB_ANNOTATIONS_PER_KIND = 10


def changes(report: ChangeReport, fmt: str, lang: str) -> None:
    """Findings as text lines, or as GitHub workflow annotations (at most 10 per kind, the rest as log lines).
    What comes from the pull request (paths, keys, values) is escaped in both: it can never start a line of
    its own, which GitHub would read as an annotation."""
    shown = {"error": 0, "warning": 0}
    for finding in report.findings:
        where = visible(finding.path) + (f":{finding.line}" if finding.line is not None else "")
        message = finding.message.in_(lang)
        if fmt == "github" and shown[finding.level] < GITHUB_ANNOTATIONS_PER_KIND:
            shown[finding.level] += 1
            line = f",line={finding.line}" if finding.line is not None else ""
            print(f"::{finding.level} file={_escape_property(finding.path)}{line}::{_escape_data(message)}")
        else:
            label = {"error": Text("LỖI", "ERROR"), "warning": Text("CẢNH BÁO", "WARNING")}[finding.level]
            print(f"{label.in_(lang)} {where}: {visible(message)}")
    errors = sum(finding.level == "error" for finding in report.findings)
    warnings = len(report.findings) - errors
    print(
        Text(
            f"{len(report.changes)} tệp thay đổi so với {report.base[:12]}: {errors} lỗi, {warnings} cảnh báo.",
            f"{len(report.changes)} file(s) changed since {report.base[:12]}: {errors} error(s), "
            f"{warnings} warning(s).",
        ).in_(lang)
    )


def locked(period: Period, lang: str) -> None:
    quarters = ", ".join(quarter.name for quarter in period.quarters())
    which = f"báo cáo quý {quarters}" if period.kind == "quarter" else f"báo cáo các quý {quarters}"
    out().print(
        Text(
            f"Đã khóa kỳ {period.name}: {which} và phần báo cáo của cơ quan đầu mối không được sửa nữa "
            "(`dnnd check-changes` sẽ từ chối). Hãy commit plan/locks.yaml.",
            f"Locked {period.name}: the updates of {quarters} may no longer change "
            "(`dnnd check-changes` refuses it). Commit plan/locks.yaml.",
        ).in_(lang)
    )


def budget_locked(year: int, lang: str) -> None:
    out().print(
        Text(
            f"Đã khóa kinh phí năm {year} (đã quyết toán): các tệp plan/budgets/*/{year}.yaml không được sửa nữa "
            "(`dnnd check-changes` sẽ từ chối). Hãy commit plan/locks.yaml.",
            f"Locked the {year} budget (final accounts closed): plan/budgets/*/{year}.yaml may no longer change "
            "(`dnnd check-changes` refuses it). Commit plan/locks.yaml.",
        ).in_(lang)
    )


def budget_unlocked(year: int, lang: str) -> None:
    out().print(
        Text(
            f"Đã mở khóa kinh phí năm {year}: các tệp kinh phí của năm lại có thể được sửa. Hãy commit plan/locks.yaml "
            "trong một pull request riêng.",
            f"Unlocked the {year} budget: its funding files may change again. Commit plan/locks.yaml in a pull "
            "request of its own.",
        ).in_(lang)
    )


def unlocked(period: Period, still: dict[Period, str], lang: str) -> None:
    free = [quarter.name for quarter in period.quarters() if quarter not in still]
    held = ", ".join(f"{quarter.name} ({by})" for quarter, by in still.items())
    console = out()
    console.print(
        Text(
            f"Đã mở khóa kỳ {period.name}: báo cáo các quý {', '.join(free) or '(không có)'} lại có thể được sửa. Hãy "
            "commit plan/locks.yaml trong một pull request riêng; pull request vừa mở khóa vừa sửa báo cáo vẫn bị từ "
            "chối, vì khóa được xét ở cả hai phía.",
            f"Unlocked {period.name}: the updates of {', '.join(free) or '(none)'} may change again. Commit "
            "plan/locks.yaml in a pull request of its own; one that unlocks and edits at once is still refused, since "
            "locks are judged on both sides.",
        ).in_(lang)
    )
    if held:
        console.print(Text(f"Vẫn còn khóa bởi kỳ khác: {held}.", f"Still locked by another period: {held}.").in_(lang))


def imported(result: ImportResult, lang: str) -> None:
    """Warnings with where they are, the plan's problems if any, and a summary line."""
    from rich.text import Text as RichText

    console = out()
    for warning in result.warnings:
        console.print(RichText(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {visible(warning)}", style="yellow"))
    for problem in result.problems:
        console.print(RichText(problem.render(lang), style="red"))
    console.print(
        Text(
            f"Đã ghi kế hoạch vào {result.out}: {result.tasks} nhiệm vụ; {len(result.matched)} cơ quan khớp danh mục, "
            f"{len(result.created)} cơ quan mới; {result.parsed}/{result.tasks} cụm thời gian hiểu được; "
            f"{len(result.warnings)} cảnh báo; "
            + ("cần sửa các lỗi trên rồi chạy `dnnd validate`." if result.problems else "kế hoạch hợp lệ."),
            f"Wrote the plan to {result.out}: {result.tasks} tasks; {len(result.matched)} agencies matched, "
            f"{len(result.created)} created; {result.parsed}/{result.tasks} timing phrases understood; "
            f"{len(result.warnings)} warnings; "
            + ("fix the problems above, then run `dnnd validate`." if result.problems else "the plan validates."),
        ).in_(lang)
    )


def readiness(to_do: list[Text], period: Period, lang: str, *, checking: bool) -> None:
    """`dnnd report --check` (on stdout), or the warnings of `dnnd report` (on stderr): what to do before
    the report on `period` can be signed."""
    from rich.text import Text as RichText

    console = out() if checking else err()
    if not to_do:
        if checking:
            console.print(
                Text(
                    f"Báo cáo kỳ {period.name} sẵn sàng để ký: không còn việc gì phải làm.",
                    f"The report on {period.name} is ready to sign: nothing left to do.",
                ).in_(lang)
            )
        return
    heading = Text(
        f"Trước khi ký báo cáo kỳ {period.name}, còn {len(to_do)} việc:",
        f"Before the report on {period.name} can be signed, {len(to_do)} thing(s) to do:",
    )
    console.print(RichText(heading.in_(lang), style="bold yellow"))
    for item in to_do:
        console.print(RichText(f"  - {item.in_(lang)}", style="yellow"))


def dnnd_source(source: str | None, lang: str) -> None:
    """Where the new repository's CI installs dnnd from, or what to set when that is not known."""
    if source is not None:
        out().print(
            Text(f"GitHub Actions cài dnnd từ: {source}", f"GitHub Actions installs dnnd from: {source}").in_(lang)
        )
        return
    err().print(
        Text(
            "Cảnh báo: chưa rõ nguồn cài dnnd cho GitHub Actions (dnnd này không được cài từ một URL git): đặt biến "
            "kho DNND_SOURCE, hoặc tạo lại với --dnnd-source URL; workflow sẽ báo lỗi cho tới khi có.",
            "Warning: no source to install dnnd from in GitHub Actions (this dnnd was not installed from a git URL): "
            "set the repository variable DNND_SOURCE, or run again with --dnnd-source URL; the workflow fails until "
            "then.",
        ).in_(lang)
    )
