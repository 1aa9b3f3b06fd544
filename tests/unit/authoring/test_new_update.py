"""`dnnd new-update`: the file it writes (the text of `evaluate.update_scaffold`) and what it refuses."""

from __future__ import annotations

import pytest

from dnnd.authoring.new_update import Scaffold, new_update
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.update_scaffold import render_update
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo


def quarter(name: str) -> Period:
    period = parse_period(name, "quarter")
    assert period is not None
    return period


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def test_new_update_writes_the_rendered_file(repo: Repository) -> None:
    scaffold = new_update(repo, "svhtt", quarter("2025-Q2"))
    path = repo.root / "plan/updates/svhtt/2025-Q2.yaml"
    assert scaffold == Scaffold(path, "plan/updates/svhtt/2025-Q2.yaml", [8, 11])
    assert path.read_text(encoding="utf-8") == render_update(repo, "svhtt", quarter("2025-Q2"))[0]


@pytest.mark.parametrize(
    ("agency", "name", "error", "message"),
    [
        ("lienquan", "2020-Q3", UsageError, "'lienquan' là nhóm hoặc cơ quan ngoài tỉnh: không gửi báo cáo"),
        ("bng", "2020-Q3", UsageError, "'bng' là nhóm hoặc cơ quan ngoài tỉnh: không gửi báo cáo"),
        (
            "stttt",
            "2025-Q2",
            UsageError,
            "'stttt' thôi hoạt động từ sau ngày 28/02/2025: cơ quan kế nhiệm báo cáo thay "
            "(Sở Văn hóa, Thể thao và Du lịch (svhtt), Sở Khoa học và Công nghệ (skhcn))",
        ),
        ("lhhn", "2020-Q1", UsageError, "kỳ 2020-Q1 trước kỳ báo cáo đầu tiên của kế hoạch (2020-Q3"),
        ("svhtt", "2024-Q4", UsageError, "không có báo cáo của 'svhtt' cho 2024-Q4: kỳ này trước khi kế hoạch"),
        ("stc", "2020-Q3", DnndError, "'stc' không có nhiệm vụ nào phải báo cáo trong 2020-Q3: không tạo tệp"),
        ("xyz", "2020-Q3", UsageError, "không có cơ quan mã 'xyz'"),
    ],
)
def test_refusals_write_nothing(repo: Repository, agency: str, name: str, error: type[DnndError], message: str) -> None:
    with pytest.raises(DnndError) as raised:
        new_update(repo, agency, quarter(name))
    assert type(raised.value) is error
    assert raised.value.message.vi.startswith(message)
    assert not (repo.root / "plan" / "updates").exists()


def test_an_existing_file_is_never_overwritten(make_repo: MakeRepo) -> None:
    own = "agency: lhhn\nperiod: 2020-Q3\nentries: []  # viết tay\n"
    repo = load_repository(make_repo({"plan/updates/lhhn/2020-Q3.yaml": own}), use_cache=False)
    with pytest.raises(DnndError) as raised:
        new_update(repo, "lhhn", quarter("2020-Q3"))
    assert type(raised.value) is DnndError
    assert raised.value.message.vi == "plan/updates/lhhn/2020-Q3.yaml đã có: mở tệp đó để sửa, không tạo lại"
    assert (repo.root / "plan/updates/lhhn/2020-Q3.yaml").read_text(encoding="utf-8") == own
