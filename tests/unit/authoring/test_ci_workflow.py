"""The CI workflow of a plan repository installs dnnd from a source that exists, or says what to set."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from dnnd.authoring import ci_workflow
from dnnd.authoring.ci_workflow import installed_source, workflow_text


def install_step(text: str) -> str:
    steps = yaml.safe_load(text)["jobs"]["check"]["steps"]
    run: str = next(step["run"] for step in steps if step.get("name") == "Install dnnd")
    return run


def test_without_a_source_the_install_step_fails_saying_what_to_set() -> None:
    run = install_step(workflow_text(None))
    assert run.startswith('if [ -z "$DNND_SOURCE" ]; then\n  echo "::error::Chưa có nguồn cài dnnd: đặt biến kho')
    assert "exit 1" in run and run.rstrip().endswith('pip install "$DNND_SOURCE"')
    assert "dnnd==" not in workflow_text(None)  # no version an index does not publish


class Recorded:
    def __init__(self, text: str | None) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        return self.text if name == "direct_url.json" else None


@pytest.mark.parametrize(
    ("recorded", "source"),
    [
        ({"url": "https://example.org/dnnd.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
         "git+https://example.org/dnnd.git@abc123"),
        ({"url": "file:///work/main", "dir_info": {"editable": True}}, None),
        ({"url": "https://example.org/dnnd-0.1.0.tar.gz", "archive_info": {}}, None),
        (None, None),
    ],
)  # fmt: skip
def test_the_installed_source_is_a_git_url_at_its_commit_or_nothing(
    monkeypatch: pytest.MonkeyPatch, recorded: dict[str, Any] | None, source: str | None
) -> None:
    text = json.dumps(recorded) if recorded is not None else None
    monkeypatch.setattr(ci_workflow.metadata, "distribution", lambda name: Recorded(text))
    assert installed_source() == source
