"""The GitHub Actions workflow that publishes a plan repository's dashboard on GitHub Pages: on every push to
main it builds the static site (`dnnd site -o site`) and deploys it. It installs dnnd exactly as the CI
workflow does (`ci_workflow.install_step`), so both name the same source or say what to set."""

from __future__ import annotations

from dnnd.authoring.ci_workflow import install_step

PATH = ".github/workflows/pages.yml"
SITE = "site"

_TEXT = """\
# Trang tổng hợp (dashboard) của kế hoạch trên GitHub Pages, dựng lại sau mỗi lần main thay đổi.
# Cần bật Pages một lần: Settings › Pages › Build and deployment › Source: chọn "GitHub Actions".
# Trang chỉ cho thấy những gì đã có trên main: báo cáo còn trong pull request chưa gộp thì chưa hiện.
{about}
name: pages
# Dựng lại mỗi đêm (01:00 giờ Việt Nam) để ô "chưa đến hạn" chuyển đúng ngày dù không ai đẩy gì lên main.
on:
  push:
    branches: [main]
  schedule:
    - cron: "0 18 * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# Mỗi lúc chỉ một lần xuất bản; lần đang chạy được chạy hết, không bị hủy giữa chừng.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    env:
      DNND_SOURCE: ${{{{ vars.DNND_SOURCE }}}}
      TZ: Asia/Ho_Chi_Minh  # "hôm nay" của trang là ngày ở Việt Nam, như hạn báo cáo
    steps:
      # Lấy toàn bộ lịch sử git: trang dựa vào đó để biết báo cáo nào nộp muộn.
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install dnnd
        run: |
{install}
      - name: dnnd site
        run: dnnd site -o {site}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: {site}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def pages_workflow_text(source: str | None) -> str:
    """The Pages workflow, installing dnnd from `source` unless the repository variable DNND_SOURCE says
    otherwise (without `source`, its build fails saying what to set, as the CI workflow's does)."""
    about, install = install_step(source)
    return _TEXT.format(about=about, install=install, site=SITE)
