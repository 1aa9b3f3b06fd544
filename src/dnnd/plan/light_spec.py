"""The plan files' models as plain data, written by `python tools/compile_light_spec.py` from the
pydantic models: do not edit (`plan.light_spec_compiler` says what a node is)."""

from typing import Any

MODELS: dict[str, dict[str, Any]] = {
    "Plan": {
        "fields": (
            ("id", ("str", False, None, None, "^[a-z0-9][a-z0-9-]*$"), ("required",)),
            ("title", ("str", True, 1, None, None), ("required",)),
            ("province", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("decision", ("model", "Decision"), ("required",)),
            ("focal_point", ("str", False, None, None, "^[a-z][a-z0-9]*$"), ("required",)),
            ("purposes", ("list", ("str", True, 1, None, None), None), ("list",)),
            ("requirements", ("list", ("str", True, 1, None, None), None), ("list",)),
            ("duties", ("list", ("model", "Duty"), None), ("list",)),
            ("closing", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("report", ("model", "ReportSettings"), ("required",)),
            (
                "reporting",
                ("model", "Reporting"),
                (
                    "data",
                    {
                        "windows": "cutoff",
                        "submission_days": 2,
                        "holidays": [],
                        "first_period": None,
                        "exchange_rates": [],
                        "budget_due": None,
                    },
                ),
            ),
            ("forge", ("nullable", ("model", "Forge")), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "Decision": {
        "fields": (
            ("number", ("str", True, 1, None, None), ("required",)),
            ("date", ("date", "1900-01-01", "2200-12-31"), ("required",)),
            ("issuer", ("str", True, 1, None, None), ("required",)),
            ("title", ("str", True, 1, None, None), ("required",)),
            ("signer", ("model", "Signer"), ("required",)),
            ("legal_bases", ("list", ("str", True, 1, None, None), None), ("list",)),
            ("proposal", ("nullable", ("str", True, None, None, None)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "Signer": {
        "fields": (
            ("authority", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("title", ("str", True, 1, None, None), ("required",)),
            ("name", ("nullable", ("str", True, None, None, None)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "Duty": {
        "fields": (
            ("heading", ("str", True, 1, None, None), ("required",)),
            ("agencies", ("list", ("str", False, None, None, "^[a-z][a-z0-9]*$"), None), ("required",)),
            ("items", ("list", ("str", True, 1, None, None), None), ("required",)),
        ),
        "rules": (),
        "plain": True,
    },
    "ReportSettings": {
        "fields": (
            ("parent_agency", ("str", True, 1, None, None), ("required",)),
            ("issuing_agency", ("str", True, 1, None, None), ("required",)),
            ("abbreviation", ("str", True, 1, None, None), ("required",)),
            ("place", ("str", True, 1, None, None), ("required",)),
            ("addressee", ("str", True, 1, None, None), ("required",)),
            ("drafting_unit", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("signer", ("nullable", ("model", "Signer")), ("value", None)),
            ("recipients", ("list", ("str", True, 1, None, None), None), ("list",)),
            ("leading_zero_counts", ("bool",), ("value", False)),
        ),
        "rules": (),
        "plain": True,
    },
    "Reporting": {
        "fields": (
            ("windows", ("literal", ("cutoff", "calendar")), ("value", "cutoff")),
            ("submission_days", ("int", 0, 60), ("value", 2)),
            ("holidays", ("list", ("date", "1900-01-01", "2200-12-31"), None), ("list",)),
            (
                "first_period",
                ("nullable", ("str", False, None, None, "^(19[0-9]{2}|2[01][0-9]{2}|2200)-Q[1-4]$")),
                ("value", None),
            ),
            ("exchange_rates", ("rule", "one_rate_per_year", ("list", ("model", "ExchangeRate"), None)), ("list",)),
            (
                "budget_due",
                (
                    "rule",
                    "day_of_the_year",
                    ("nullable", ("str", False, None, None, "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")),
                ),
                ("value", None),
            ),
        ),
        "rules": (),
        "plain": True,
    },
    "ExchangeRate": {
        "fields": (
            ("year", ("int", 1900, 2200), ("required",)),
            ("currency", ("opaque",), ("required",)),
            ("vnd", ("opaque",), ("required",)),
            ("source", ("nullable", ("str", True, None, None, None)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "Forge": {
        "fields": (
            ("url", ("rule", "https_repository", ("str", False, None, None, None)), ("required",)),
            ("branch", ("str", False, None, None, "^[A-Za-z0-9_][A-Za-z0-9._/-]*$"), ("value", "main")),
            (
                "new_file",
                ("rule", "known_placeholders", ("str", False, None, None, None)),
                ("value", "{url}/new/{branch}?filename={path}&value={text}"),
            ),
        ),
        "rules": (),
        "plain": True,
    },
    "AgenciesFile": {
        "fields": (("agencies", ("list", ("model", "Agency"), None), ("required",)),),
        "rules": (),
        "plain": True,
    },
    "Agency": {
        "fields": (
            ("id", ("str", False, None, None, "^[a-z][a-z0-9]*$"), ("required",)),
            ("name", ("str", True, 1, None, None), ("required",)),
            ("short_name", ("str", True, 1, None, None), ("required",)),
            (
                "kind",
                (
                    "literal",
                    (
                        "department",
                        "party",
                        "front",
                        "association",
                        "press",
                        "office",
                        "council",
                        "local",
                        "group",
                        "external",
                    ),
                ),
                ("required",),
            ),
            ("since", ("nullable", ("date", "1900-01-01", "2200-12-31")), ("value", None)),
            ("until", ("nullable", ("date", "1900-01-01", "2200-12-31")), ("value", None)),
            (
                "successor",
                (
                    "nullable",
                    (
                        "union",
                        (("str", False, None, None, "^[a-z][a-z0-9]*$"), ("list", ("model", "Succession"), None)),
                    ),
                ),
                ("value", None),
            ),
            ("note", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("aliases", ("list", ("str", True, 1, None, None), None), ("list",)),
            (
                "reviewers",
                (
                    "list",
                    ("str", False, None, None, "^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$"),
                    None,
                ),
                ("list",),
            ),
        ),
        "rules": (),
        "plain": True,
    },
    "Succession": {
        "fields": (
            ("agency", ("str", False, None, None, "^[a-z][a-z0-9]*$"), ("required",)),
            ("tasks", ("nullable", ("list", ("int", 1, None), None)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "TasksFile": {"fields": (("tasks", ("list", ("model", "Task"), None), ("required",)),), "rules": (), "plain": True},
    "Task": {
        "fields": (
            ("id", ("int", 1, None), ("required",)),
            ("title", ("str", True, 1, None, None), ("required",)),
            ("lead", ("list", ("str", False, None, None, "^[a-z][a-z0-9]*$"), 1), ("required",)),
            ("support", ("list", ("str", False, None, None, "^[a-z][a-z0-9]*$"), None), ("list",)),
            ("timing", ("str", True, 1, None, None), ("required",)),
            ("schedule", ("nullable", ("model", "ExplicitSchedule")), ("value", None)),
            ("after", ("nullable", ("list", ("str", False, None, None, "^[a-z0-9][a-z0-9-]*$"), 1)), ("value", None)),
            ("within_days", ("nullable", ("int", 0, 36500)), ("value", None)),
            ("ref", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("section", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("notes", ("dict", ("str", False, None, None, None), ("str", False, None, None, None)), ("dict",)),
        ),
        "rules": (),
        "plain": True,
    },
    "ExplicitSchedule": {
        "fields": (
            ("kind", ("literal", ("ongoing", "once", "yearly")), ("required",)),
            ("due", ("nullable", ("date", "1900-01-01", "2200-12-31")), ("value", None)),
            ("month", ("nullable", ("int", 1, 12)), ("value", None)),
            ("day", ("nullable", ("int", 1, 31)), ("value", None)),
        ),
        "rules": ("schedule_fields_match_kind",),
        "plain": True,
    },
    "EventsFile": {
        "fields": (("events", ("list", ("model", "Event"), None), ("required",)),),
        "rules": (),
        "plain": True,
    },
    "Event": {
        "fields": (
            ("id", ("str", False, None, None, "^[a-z0-9][a-z0-9-]*$"), ("required",)),
            ("name", ("str", True, 1, None, None), ("required",)),
            ("issuer", ("str", False, None, None, "^[a-z][a-z0-9]*$"), ("required",)),
            ("occurred_on", ("nullable", ("date", "1900-01-01", "2200-12-31")), ("required",)),
            ("document", ("nullable", ("model", "IssuedDocument")), ("value", None)),
            ("within_days", ("nullable", ("int", 0, 36500)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "IssuedDocument": {
        "fields": (
            ("number", ("str", True, 1, None, None), ("required",)),
            ("date", ("date", "1900-01-01", "2200-12-31"), ("required",)),
            ("title", ("str", True, 1, None, None), ("required",)),
        ),
        "rules": (),
        "plain": True,
    },
    "LocksFile": {
        "fields": (
            ("locks", ("list", ("model", "Lock"), None), ("list",)),
            ("budgets", ("list", ("model", "BudgetLock"), None), ("list",)),
        ),
        "rules": (),
        "plain": True,
    },
    "Lock": {
        "fields": (
            ("period", ("str", False, None, None, "^(19[0-9]{2}|2[01][0-9]{2}|2200)(-Q[1-4]|-H[12])?$"), ("required",)),
            ("locked_on", ("date", "1900-01-01", "2200-12-31"), ("required",)),
            ("note", ("nullable", ("str", True, None, None, None)), ("value", None)),
            ("number", ("nullable", ("int", 1, None)), ("value", None)),
            ("issued_on", ("nullable", ("date", "1900-01-01", "2200-12-31")), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
    "BudgetLock": {
        "fields": (
            ("year", ("int", 1900, 2200), ("required",)),
            ("locked_on", ("date", "1900-01-01", "2200-12-31"), ("required",)),
            ("note", ("nullable", ("str", True, None, None, None)), ("value", None)),
        ),
        "rules": (),
        "plain": True,
    },
}
