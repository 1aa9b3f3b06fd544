"""`dnnd links` in every format: per agency and quarter missing, the URL that opens its update on the forge.

For people, each URL stands alone on its line, never wrapped nor cut by the console, so that it can be copied
whole; a table would fold it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.evaluate.forge_links import ForgeLinks
from dnnd.i18n import Text
from dnnd.output.console import out
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.repository import Repository

LINK_FIELDS = ("agency", "name", "quarter", "path", "url", "reason")


class LinksOutput(NamedTuple):
    """`dnnd links`: the links, in the language of the reasons given where there is no link."""

    repo: Repository
    result: ForgeLinks
    lang: str

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "agency": link.agency,
                "name": self.repo.agencies[link.agency].name,
                "quarter": link.quarter.name,
                "path": link.path,
                "url": link.url,
                "reason": link.reason.in_(self.lang) if link.reason is not None else None,
                "tasks": list(link.tasks),
            }
            for link in self.result.links
        ]

    def document(self) -> dict[str, Any]:
        evaluation = self.result.evaluation
        return {
            "period": evaluation.period.name,
            "window": {"start": evaluation.window.start, "end": evaluation.window.end},
            "as_of": evaluation.as_of,
            "links": self.records(),
        }

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return LINK_FIELDS, self.records()

    def notices(self, lang: str) -> list[str]:
        return [f"({self.result.why.in_(lang)})"] if self.result.why is not None else []

    def print_table(self, lang: str) -> None:
        console = out()
        for line in self.notices(lang):
            console.print(line)
        evaluation = self.result.evaluation
        period, as_of = evaluation.period.name, dmy_or_blank(evaluation.as_of)
        if not self.result.links:
            console.print(
                Text(f"Kỳ {period}: mọi cơ quan đã báo cáo đủ.", f"Period {period}: every agency has reported.").in_(
                    lang
                )
            )
            return
        console.print(
            Text(
                f"Đường dẫn lập báo cáo trên trình duyệt — kỳ {period}, tính đến ngày {as_of}:",
                f"Links to report from a browser — {period}, as of {as_of}:",
            ).in_(lang)
        )
        for link in self.result.links:
            agency = self.repo.agencies[link.agency]
            head = f"{agency.name} ({agency.id}), {link.quarter.name}"
            console.print()
            if link.url is None:
                assert link.reason is not None
                console.print(f"{head}: {link.reason.in_(lang)}")
                continue
            console.print(f"{head}, {link.path}:")
            console.print(link.url, soft_wrap=True)
        console.print()
        console.print(
            Text(
                "Mỗi cơ quan mở đường dẫn của mình, đăng nhập, điền status và summary cho từng nhiệm vụ rồi đề nghị "
                "thay đổi (pull request); kiểm tra của kho cho biết lỗi nếu có.",
                "Each agency opens its link, signs in, fills in status and summary for each task and proposes the "
                "change (a pull request); the repository's checks tell any problem.",
            ).in_(lang)
        )
