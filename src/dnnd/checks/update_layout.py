"""Which files under plan/updates/ are update files, and a problem for anything else there: a file outside
an agency's folder, a folder that is not a reporting agency's, a file misnamed or not a regular file.

The loader needs the files themselves, not only the problems, so this runs beside the registry's checks
rather than in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from dnnd.errors import Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import ALLOWED_EXTRA, UPDATE_NAME, UPDATES_DIR, Listing

if TYPE_CHECKING:
    from dnnd.plan.models import Agency


def update_files(listing: Listing, agencies: Mapping[str, Agency] | None) -> tuple[list[str], list[Problem]]:
    """The rel of each update file, and a problem for anything else under plan/updates/."""
    found: list[str] = []
    problems: list[Problem] = []
    reporting = sorted(agency_id for agency_id, agency in (agencies or {}).items() if agency.reports)
    for folder, files, is_link in listing:
        rel_folder = f"{UPDATES_DIR}/{folder}"
        if folder in ALLOWED_EXTRA:
            continue
        if is_link:
            problems.append(whole_file(rel_folder, _link(rel_folder)))
            continue
        if files is None:
            problems.append(
                whole_file(
                    rel_folder,
                    Text(
                        f"tệp không đúng chỗ: báo cáo phải nằm trong {UPDATES_DIR}/<mã cơ quan>/<năm>-Q<quý>.yaml",
                        f"file in the wrong place: updates go in {UPDATES_DIR}/<agency id>/<year>-Q<n>.yaml",
                    ),
                )
            )
            continue
        agency = agencies.get(folder) if agencies is not None else None
        if agencies is not None and (agency is None or not agency.reports):
            why_vi = "không có cơ quan mã này" if agency is None else "cơ quan này không báo cáo"
            why_en = "no agency has this id" if agency is None else "this agency does not report"
            problems.append(
                whole_file(
                    rel_folder,
                    Text(
                        f"thư mục '{folder}' không hợp lệ ({why_vi}); tên thư mục phải là mã một cơ quan báo cáo: "
                        f"{', '.join(reporting)}",
                        f"folder '{folder}' is not valid ({why_en}); it must be the id of a reporting agency: "
                        f"{', '.join(reporting)}",
                    ),
                )
            )
            continue
        for name, is_file, is_link in files:
            rel = f"{rel_folder}/{name}"
            if is_file and UPDATE_NAME.fullmatch(name):
                found.append(rel)
            elif name in ALLOWED_EXTRA:
                continue
            elif UPDATE_NAME.fullmatch(name):
                problems.append(whole_file(rel, _not_a_file(is_link)))
            else:
                problems.append(whole_file(rel, _misnamed(name)))
    return found, problems


def _link(rel: str) -> Text:
    return Text(
        f"{rel} là một liên kết (symlink), không phải thư mục hay tệp thật: dnnd không đọc qua liên kết; hãy thay "
        "bằng thư mục của cơ quan với các tệp báo cáo",
        f"{rel} is a link (symlink), not a real folder or file: dnnd does not read through links; replace it with "
        "the agency's folder holding its update files",
    )


def _not_a_file(is_link: bool) -> Text:
    if is_link:
        return Text(
            "đây là liên kết (symlink), không phải tệp: hãy thay bằng một tệp có nội dung báo cáo",
            "this is a symbolic link, not a file: replace it with a file holding the update",
        )
    return Text(
        "đây không phải tệp thường (thư mục, thiết bị hay ống dẫn): hãy thay bằng một tệp báo cáo",
        "this is not a regular file (a folder, device or pipe): replace it with an update file",
    )


def _misnamed(name: str) -> Text:
    guess = re.fullmatch(r"([0-9]{4})[-_ ]?[qQ]([1-4])\.ya?ml", name, re.IGNORECASE)
    if guess:
        right = f"{guess[1]}-Q{guess[2]}.yaml"
        return Text(f"tên tệp không đúng: đổi tên thành {right}", f"wrong file name: rename it to {right}")
    return Text(
        "tệp không đúng chỗ: mỗi báo cáo quý là một tệp tên <năm>-Q<quý>.yaml, ví dụ 2020-Q3.yaml",
        "unexpected file: each quarterly update is a file named <year>-Q<n>.yaml, e.g. 2020-Q3.yaml",
    )
