"""Every command's output on the sample repository and on broken inputs is what tests/acceptance/golden/ recorded."""

from __future__ import annotations

import pytest

from tests.acceptance.golden_cases import CASES, GOLDEN, run_case


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_as_recorded(name: str) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert run_case(name) == expected, (
        f"regenerate with `python -m tests.acceptance.golden_cases {name}` if the change is meant"
    )
