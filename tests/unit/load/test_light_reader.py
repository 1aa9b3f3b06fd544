"""The light reader vouches only for what pydantic accepts, and reads it exactly as pydantic does: on every plan
file of the corpus, and on thousands of altered ones."""

from __future__ import annotations

import copy
import datetime as dt
import random
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from dnnd.load import fastpath
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.light_reader import read_light
from dnnd.load.plan_files import PLAN_MODEL_NAMES, plan_model
from dnnd.load.yamlio import load_yaml
from tests.conftest import EMBEDDED_PLAN

RICH_PLAN = """id: rich-plan
title: "  Kế hoạch  "
decision: {number: 1/QĐ, date: 2020-05-27, issuer: UBND, title: Về việc, signer: {title: Chủ tịch}}
focal_point: sngv
report: {parent_agency: UBND, issuing_agency: SNgV, abbreviation: SNgV, place: Khánh Hòa, addressee: UBND,
  signer: {authority: KT. GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: null}, recipients: [Bộ Ngoại giao],
  leading_zero_counts: true}
reporting: {windows: calendar, submission_days: 5, holidays: [2021-01-01], first_period: 2020-Q3, budget_due: 07-20}
forge: {url: "https://git.example.vn/snv/dnnd/", branch: trunk, new_file: "{url}/_new/{branch}/?filename={path}"}
"""
RICH_AGENCIES = """agencies:
  - {id: sngv, name: Sở Ngoại vụ, short_name: SNgV, kind: department, reviewers: ["@kh/sngv"], aliases: [SNV cũ]}
  - {id: stttt, name: Sở TT&TT, short_name: STTTT, kind: department, until: 2025-02-28,
     successor: [{agency: svhtt, tasks: [1]}, {agency: skhcn}]}
  - {id: old, name: Cũ, short_name: C, kind: group, until: 2021-01-01, successor: sngv, note: " hợp nhất "}
  - {id: svhtt, name: Sở VHTT, short_name: SVHTT, kind: department, since: 2025-03-01}
  - {id: skhcn, name: Sở KHCN, short_name: SKHCN, kind: department, since: 2025-03-01}
"""
RICH_TASKS = """tasks:
  - {id: 1, title: Một, lead: [sngv], support: [stttt], timing: Thường xuyên, notes: {Sản phẩm: Báo cáo}}
  - {id: 2, title: Hai, lead: [sngv], timing: Quý III/2020, schedule: {kind: once, due: 2020-09-30}, ref: "1.2"}
  - {id: 3, title: Ba, lead: [sngv], timing: Hằng năm, schedule: {kind: yearly, month: 12, day: 15}}
  - {id: 4, title: Bốn, lead: [sngv], timing: Sau hướng dẫn, after: [huong-dan], within_days: 30, section: I}
"""
RICH_EVENTS = """events:
  - {id: huong-dan, name: Hướng dẫn, issuer: bng, occurred_on: 2021-03-01, within_days: 10,
     document: {number: 1/BNG, date: 2021-03-01, title: Hướng dẫn}}
  - {id: khac, name: Khác, issuer: bng, occurred_on: null}
"""
LOCKS = "locks:\n  - {period: 2020-Q4, locked_on: 2020-12-16, number: 125, issued_on: 2020-12-20}\n"
LOCKS += "budgets:\n  - {year: 2021, locked_on: 2022-03-01, note: quyết toán}\n"
CORPUS = {
    **{
        rel: (EMBEDDED_PLAN.parent / rel).read_text("utf-8")
        for rel in (PLAN_FILE, AGENCIES_FILE, TASKS_FILE, EVENTS_FILE)
    },
    "rich/" + PLAN_FILE: RICH_PLAN,
    "rich/" + AGENCIES_FILE: RICH_AGENCIES,
    "rich/" + TASKS_FILE: RICH_TASKS,
    "rich/" + EVENTS_FILE: RICH_EVENTS,
    "plan/locks.yaml": LOCKS,
}


def _model(rel: str) -> tuple[str, type[BaseModel]]:
    rel = rel.removeprefix("rich/")
    return PLAN_MODEL_NAMES[rel], plan_model(rel)


def _agrees(rel: str, data: Any) -> bool:
    """Whether the light reader left `data` to pydantic or read it as pydantic does; True when it vouched."""
    name, model = _model(rel)
    light = read_light(name, copy.deepcopy(data))
    try:
        expected = model.model_validate(data)
    except ValidationError:
        assert light is None, f"vouched for what pydantic refuses: {data!r:.300}"
        return False
    if light is None:
        return False
    assert light.model_dump() == expected.model_dump()
    assert light.model_dump(mode="json", exclude_none=True) == expected.model_dump(mode="json", exclude_none=True)
    return True


@pytest.mark.parametrize("rel", sorted(CORPUS))
def test_every_plan_file_of_the_corpus_reads_as_pydantic_reads_it(rel: str) -> None:
    text = CORPUS[rel]
    # as dnnd reads it (dates as text), fast or with positions, and with PyYAML's own types (dates, floats)
    parsed = [fastpath.parse(text), load_yaml(text.encode(), rel).data, yaml.load(text, Loader=yaml.CSafeLoader)]
    assert all(_agrees(rel, data) for data in parsed if data is not None)


ODD_VALUES = [
    None,
    0,
    7,
    -1,
    10**12,
    True,
    2.5,
    "",
    " ",
    "x",
    " x ",
    "x\n",
    "ABC",
    "a b",
    "2020-Q5",
    "2020-13-01",
    "2020-02-30",
    "A\ud800",
    "1899-12-31",
    dt.date(2020, 1, 1),
    dt.datetime(2020, 1, 1),
    [],
    [1],
    {},
    {"x": 1},
]


def _paths(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [where]
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        found += _paths(value, (*where, key))
    return found


def _altered(data: Any, path: tuple[Any, ...], rng: random.Random) -> Any:
    changed = copy.deepcopy(data)
    *parents, last = path
    holder = changed
    for key in parents:
        holder = holder[key]
    choice = rng.random()
    if choice < 0.15 and isinstance(holder, dict):
        del holder[last]
    elif choice < 0.25 and isinstance(holder, dict):
        holder["unknown_key"] = "x"
    else:
        holder[last] = rng.choice(ODD_VALUES)
    return changed


@pytest.mark.parametrize("rel", sorted(CORPUS))
def test_altered_plan_files_are_never_vouched_for_wrongly(rel: str) -> None:
    rng = random.Random(rel)
    data = load_yaml(CORPUS[rel].encode(), rel).data
    paths = [path for path in _paths(data) if path]
    vouched = sum(_agrees(rel, _altered(data, rng.choice(paths), rng)) for _ in range(400))
    assert 0 < vouched < 400  # some alterations keep the file valid, most do not
