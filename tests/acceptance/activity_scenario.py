"""A plan repository's activities for the figures journeys: four agencies, two quarters, a ref reported by two
agencies with different dates, two currencies and a rate, a late report and an invalid file.

Cutoff windows of the embedded plan: 2020-Q3 is 15/06–14/09/2020, 2020-Q4 is 15/09–14/12/2020.
"""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import EMBEDDED_PLAN

RATE = '\nreporting:\n  exchange_rates:\n    - {year: 2020, currency: USD, vnd: 23000, source: "tỷ giá của bài kiểm thử"}\n'
PLAN_WITH_RATE = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + RATE

SHIZUOKA = {"countries": ["JP"], "partner": "Hội hữu nghị tỉnh Shizuoka"}
LHHN_Q3 = [
    {"kind": "delegation_in", "title": "Đoàn Nhật - Việt", "start": "2020-07-10", **SHIZUOKA, "people": 10},
    {"kind": "aid", "title": "Thiết bị y tế", "start": "2020-08-01", "countries": ["US"], "partner": "Quỹ A"}
    | {"aid_type": "non_project", "pledged": {"amount": 20000, "currency": "USD"}}
    | {"disbursed": {"amount": 20000, "currency": "USD"}},
]
LHHN_Q4 = [
    {"kind": "delegation_in", "title": "Đoàn tỉnh Shizuoka", "start": "2020-10-05", "end": "2020-10-08", **SHIZUOKA}
    | {"people": 12, "ref": "1234/QĐ-UBND", "tasks": [7]},
    {"kind": "aid", "title": "Dự án nước sạch", "start": "2020-11-20", "countries": ["KR"], "partner": "Tổ chức B"}
    | {"aid_type": "project", "pledged": {"amount": 1500000000, "currency": "VND"}}
    | {"disbursed": {"amount": 300000000, "currency": "VND"}},
    # late: its start lies in 2020-Q3's window
    {"kind": "event", "title": "Giao lưu Việt Nam - Lào", "start": "2020-09-01", "countries": ["LA"], "people": 60},
]
SNGV_Q4 = [
    # the same delegation (same kind, same ref written otherwise), a day later, with more people and countries
    {"kind": "delegation_in", "title": "Đón đoàn Shizuoka", "start": "2020-10-06", "countries": ["JP", "KR"]}
    | {"partner": "Hội hữu nghị tỉnh Shizuoka", "people": 14, "ref": " 1234/qđ-ubnd"},
    {"kind": "delegation_in", "title": "Đoàn khảo sát", "start": "2020-11-18", "countries": ["KR"], "partner": "B"}
    | {"people": 4},
    {"kind": "aid", "title": "Cứu trợ sau bão", "start": "2020-12-01", "countries": ["US"], "partner": "Quỹ A"}
    | {"aid_type": "emergency", "pledged": {"amount": 5000, "currency": "USD"}},
]
BAOKH_Q4 = [
    {"kind": "media", "title": "Loạt bài về đối ngoại nhân dân", "start": "2020-10-12", "count": 12},
    {"kind": "media", "title": "Phóng sự truyền hình", "start": "2020-11-01"},
]
# invalid: the event starts after the window's end; the whole file is left out (training included)
SNV_Q4 = [
    {"kind": "training", "title": "Lớp bồi dưỡng", "start": "2020-11-25", "people": 120},
    {"kind": "event", "title": "Hội thảo quốc tế", "start": "2020-12-20", "countries": ["GB"]},
]


def activities(agency: str, period: str, listed: list[dict[str, Any]]) -> dict[str, str]:
    """An update file holding only activities (`entries: []`)."""
    data = {"agency": agency, "period": period, "entries": [], "activities": listed}
    return {f"plan/updates/{agency}/{period}.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}


SCENARIO = {
    "plan/plan.yaml": PLAN_WITH_RATE,
    **activities("lhhn", "2020-Q3", LHHN_Q3),
    **activities("lhhn", "2020-Q4", LHHN_Q4),
    **activities("sngv", "2020-Q4", SNGV_Q4),
    **activities("baokh", "2020-Q4", BAOKH_Q4),
    **activities("snv", "2020-Q4", SNV_Q4),
}
