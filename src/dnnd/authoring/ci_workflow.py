"""The GitHub Actions workflow a plan repository carries: validate on every push, check each pull request.
It installs dnnd from a source that exists: the one given (`--dnnd-source`), else the git URL and commit the
running dnnd was installed from; without either it says what to set (the repository variable DNND_SOURCE)
instead of naming a package version no index publishes."""

from __future__ import annotations

import json
from importlib import metadata

from dnnd import __version__

PATH = ".github/workflows/dnnd.yml"

_HEAD = """\
# Mỗi pull request: toàn bộ kế hoạch hợp lệ, và thay đổi là báo cáo của đúng một cơ quan, trong kỳ chưa khóa.
{about}
name: dnnd
on:
  pull_request:
  push:
    branches: [main]

jobs:
  check:
    runs-on: ubuntu-latest
    env:
      DNND_SOURCE: ${{{{ vars.DNND_SOURCE }}}}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install dnnd
        run: |
{install}
      - name: dnnd validate
        run: dnnd validate
      - name: dnnd check-changes
        if: github.event_name == 'pull_request'
        run: dnnd check-changes --base "origin/${{{{ github.base_ref }}}}" --format github
"""
_MISSING = (
    "Chưa có nguồn cài dnnd: đặt biến kho DNND_SOURCE (Settings › Secrets and variables › Actions › Variables), "
    f"ví dụ git+https://…/dnnd@v{__version__}"
)


def installed_source() -> str | None:
    """Where the running dnnd came from, when a CI machine can install it from there too: a git URL at the
    commit installed (PEP 610's direct_url.json); None for a local folder, an archive or an index."""
    try:
        recorded = metadata.distribution("dnnd").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    try:
        found = json.loads(recorded)
        vcs = found.get("vcs_info") or {}
        if vcs.get("vcs") == "git" and isinstance(found.get("url"), str) and vcs.get("commit_id"):
            return f"git+{found['url']}@{vcs['commit_id']}"
    except (ValueError, AttributeError):
        return None
    return None


def install_step(source: str | None) -> tuple[str, str]:
    """The comment that says where dnnd comes from, and the lines of the `Install dnnd` step's script (indented
    for a step under `jobs.<job>.steps`): from `source` unless the repository variable DNND_SOURCE says
    otherwise; without `source`, a step that fails saying what to set. Every workflow of a plan repository
    installs dnnd through it."""
    if source is not None:
        about = f"# dnnd được cài từ {source}; đặt biến kho DNND_SOURCE (Settings › Variables) để cài từ nguồn khác."
        install = f'          pip install "${{DNND_SOURCE:-{source}}}"'
    else:
        about = "# " + _MISSING + "."
        install = "\n".join(
            [
                '          if [ -z "$DNND_SOURCE" ]; then',
                f'            echo "::error::{_MISSING}"',
                "            exit 1",
                "          fi",
                '          pip install "$DNND_SOURCE"',
            ]
        )
    return about, install


def workflow_text(source: str | None) -> str:
    """The workflow, installing from `source` unless the repository variable DNND_SOURCE says otherwise."""
    about, install = install_step(source)
    return _HEAD.format(about=about, install=install)
