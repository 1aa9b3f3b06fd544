"""What stands before a report can be signed: the focal point's own update, the agencies missing, the signer."""

from __future__ import annotations

from dnnd.documents.contents import IssueOptions
from dnnd.documents.readiness import readiness
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import evaluate
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

PLAN = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")


def to_do(repo: Repository, name: str = "2020-Q3") -> list[str]:
    period = parse_period(name)
    assert period is not None
    evaluation = evaluate(build_facts(repo), list(repo.tasks), period, period.window(repo.plan.reporting.windows).end)
    return [item.vi for item in readiness(repo, evaluation, IssueOptions())]


def test_the_focal_points_own_update_comes_first_then_the_others_then_the_signer(make_repo: MakeRepo) -> None:
    found = to_do(load_repository(make_repo(), use_cache=False))
    assert found[0].startswith("Sở Ngoại vụ (cơ quan đầu mối) chưa có báo cáo quý III năm 2020 của chính mình")
    assert found[0].endswith("tạo bằng `dnnd new-update --agency sngv --quarter 2020-Q3`, điền rồi commit")
    assert found[1].startswith("9 cơ quan, đơn vị chưa báo cáo đủ (SNV, ")
    assert "sngv" not in found[1].split("(")[1] and "SNgV" not in found[1]
    assert found[2] == "chưa có họ tên người ký: ghi report.signer.name trong plan/plan.yaml"
    assert found[3].startswith("chưa có phần báo cáo do cơ quan đầu mối viết (plan/reports/2020-Q3.yaml)")


def test_a_focal_point_that_reported_and_a_named_signer_leave_only_the_others(make_repo: MakeRepo) -> None:
    named = PLAN.replace("    name:   # Họ tên người ký", "    name: Nguyễn Văn B  # Họ tên người ký")
    assert named != PLAN
    held = (2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15)
    files = {"plan/plan.yaml": named, **update("sngv", "2020-Q3", *((task, "in_progress") for task in held))}
    found = to_do(load_repository(make_repo(files), use_cache=False))
    assert len(found) == 2 and found[0].startswith("9 cơ quan, đơn vị chưa báo cáo đủ")
