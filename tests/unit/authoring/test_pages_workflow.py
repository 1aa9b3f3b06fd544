"""The Pages workflow of a plan repository builds the dashboard with `dnnd site` and deploys it, installing dnnd
exactly as the CI workflow does."""

from __future__ import annotations

import subprocess
from typing import Any

import yaml

from dnnd.authoring.ci_workflow import workflow_text
from dnnd.authoring.pages_workflow import pages_workflow_text

SOURCE = "git+https://example.org/dnnd@0123abc"


def steps(text: str, job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = yaml.safe_load(text)["jobs"][job]["steps"]
    return found


def install(text: str, job: str) -> str:
    run: str = next(step["run"] for step in steps(text, job) if step.get("name") == "Install dnnd")
    return run


def test_it_runs_on_every_push_to_main_and_by_hand_with_the_rights_pages_needs() -> None:
    workflow = yaml.safe_load(pages_workflow_text(SOURCE))
    assert workflow[True] == {  # YAML 1.1: `on` is True
        "push": {"branches": ["main"]},
        "schedule": [{"cron": "0 18 * * *"}],  # nightly, so that a report falls due on its day
        "workflow_dispatch": None,
    }
    assert workflow["jobs"]["build"]["env"]["TZ"] == "Asia/Ho_Chi_Minh"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    text = pages_workflow_text(SOURCE)
    assert 'Source: chọn "GitHub Actions"' in text and "chỉ cho thấy những gì đã có trên main" in text


def test_the_build_reads_the_whole_history_runs_dnnd_site_and_uploads_the_site() -> None:
    workflow = yaml.safe_load(pages_workflow_text(SOURCE))
    build = workflow["jobs"]["build"]
    assert build["runs-on"] == "ubuntu-latest"
    assert build["env"] == {"DNND_SOURCE": "${{ vars.DNND_SOURCE }}", "TZ": "Asia/Ho_Chi_Minh"}
    found = build["steps"]
    assert found[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    assert found[1] == {"uses": "actions/setup-python@v5", "with": {"python-version": "3.11"}}
    assert [step["name"] for step in found if "name" in step] == ["Install dnnd", "dnnd site"]
    assert found[3]["run"] == "dnnd site -o site"
    assert found[4] == {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}}


def test_the_deploy_job_publishes_the_built_site_to_the_pages_environment() -> None:
    deploy = yaml.safe_load(pages_workflow_text(SOURCE))["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]


def test_dnnd_is_installed_as_the_ci_workflow_installs_it() -> None:
    for source in (SOURCE, None):
        assert install(pages_workflow_text(source), "build") == install(workflow_text(source), "check")
        about = next(line for line in pages_workflow_text(source).splitlines() if "DNND_SOURCE" in line)
        assert about in workflow_text(source).splitlines()


def test_without_a_source_the_build_fails_saying_what_to_set() -> None:
    run = install(pages_workflow_text(None), "build")
    assert run.startswith('if [ -z "$DNND_SOURCE" ]; then\n  echo "::error::Chưa có nguồn cài dnnd: đặt biến kho')
    assert "dnnd==" not in pages_workflow_text(None)  # no version an index does not publish
    done = subprocess.run(["bash", "-ec", run], env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert done.returncode == 1 and "::error::Chưa có nguồn cài dnnd" in done.stdout
