"""dnnd: run a multi-agency plan (people-to-people diplomacy) out of a git repository.

The subpackages are layers; each imports only those below it (enforced by import-linter, see
pyproject.toml):

    cli            the typer app: parse options, call one core function, render the result
    output         what is shown: consoles, the output formats, each command's tables and messages
    documents | workflow | authoring
                   Word documents; git and pull requests; writing repository files
    evaluate       status at a date, task views, the national roll-up
    repository     a plan repository loaded and checked (a module)
    checks         every cross-file rule, in one registry
    cache          the record cache, the snapshot, their keys
    load           reading files: layout, YAML, models, update records, git
    plan           the domain: models, periods, schedules, successions, vocabulary, Vietnamese formats
    files          reading and writing files safely (regular, bounded, inside the repository, atomic)
    errors, i18n   the base
"""

__version__ = "0.1.0"
