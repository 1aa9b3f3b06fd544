"""A plan repository with a forge: the embedded plan.yaml with `forge:` added, for make_repo."""

from __future__ import annotations

from tests.conftest import EMBEDDED_PLAN

FORGE = "forge:\n  url: https://github.com/khanhhoa/dnnd\n"


def with_forge(forge: str = FORGE) -> dict[str, str | bytes | None]:
    """make_repo's files for the embedded plan with `forge` added to plan.yaml."""
    return {"plan/plan.yaml": (EMBEDDED_PLAN / "plan.yaml").read_text("utf-8") + forge}
