"""The `handbook` command: validate, import and export the data, scaffold records, render plain Markdown.

Exit codes: 0 success, 1 the data or the workbook has problems (nothing was changed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .errors import DataError
from .loading import load_handbook


def _validate(args: argparse.Namespace) -> int:
    from .authoring.scaffold import placeholders

    try:
        handbook = load_handbook(Path(args.data), require_complete=args.strict)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"OK: {len(handbook.data_files)} data files, {len(handbook.roles)} roles, "
        f"{len(handbook.competencies)} competencies, {handbook.behavior_count} behaviors, {len(handbook.dimensions)} dimensions."
    )
    if handbook.todos:
        count = len(handbook.todos)
        print(f"{count} TODO{'s' if count != 1 else ''}: content not written yet; its pages say so (`--strict` makes these errors):")
        for todo in handbook.todos:
            print(f"  - {todo}")
    for path, count in placeholders(Path(args.data)).items():
        print(f"Note: {path} still has {count} TODO placeholder{'s' if count != 1 else ''} to replace before publishing.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .authoring.workbook import export_tables, write_tables

    data = Path(args.data)
    try:
        handbook = load_handbook(data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print("Fix the data first: only a valid model is exported.", file=sys.stderr)
        return 1
    tables = export_tables(handbook, data)
    target = Path(args.path)
    write_tables(tables, target)
    kind = "workbook" if target.suffix.lower() == ".xlsx" else "folder of CSV files"
    print(f"Exported to {target} ({kind}):")
    for table in tables:
        print(f"  {table.name}: {len(table.rows)} rows")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .authoring.workbook import WorkbookError, import_tables

    source = Path(args.path)
    print(f"Reading {source} ...", flush=True)
    try:
        summary = import_tables(source, Path(args.data))
    except WorkbookError as error:
        print(error.report(), file=sys.stderr)
        return 1
    read = ", ".join(f"{count} {what}" for what, count in summary.counts.items())
    print(f"Read {read}; the resulting data validates.")
    if not (summary.added or summary.changed or summary.deleted):
        print(f"Nothing changed: all {summary.unchanged} data files already match the workbook.")
        return 0
    for label, paths in (("added", summary.added), ("changed", summary.changed), ("deleted", summary.deleted)):
        for path in paths:
            print(f"  {label:8} {Path(args.data).name}/{path}")
    print(
        f"{len(summary.added)} added, {len(summary.changed)} changed, {len(summary.deleted)} deleted, {summary.unchanged} unchanged. "
        "Review with `git diff`, then commit and push."
    )
    if summary.todos:
        print(f"{summary.todos} TODO{'s' if summary.todos != 1 else ''} left: content not written yet; `handbook validate` lists them.")
    return 0


def _init(args: argparse.Namespace) -> int:
    from .authoring.init import init_from
    from .authoring.workbook import WorkbookError

    data, source = Path(args.data), Path(args.source)
    print(f"Reading {source} ...", flush=True)
    try:
        summary = init_from(source, data)
    except WorkbookError as error:
        print(error.report(), file=sys.stderr)
        return 1
    read = ", ".join(f"{count} {what}" for what, count in summary.imported.counts.items())
    print(f"{data.name}/ now holds the workbook's model: {read}.")
    removed = summary.removed_by_kind()
    if removed:
        print("Removed from the sample, as it was written for the old roles and competencies:")
        for kind, count in removed.items():
            replaced = " (the workbook's replace them)" if kind in ("competency", "role") else ""
            print(f"  {count} {kind} file{'s' if count != 1 else ''}{replaced}")
    print("Proficiency levels, profile mapping, rating scale, hiring scorecard traits (and families, without a Families sheet) were kept.")
    print("Review with `git status`, run `handbook validate`, then commit and push.")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .authoring.scaffold import ScaffoldError, new_competency, new_role

    data = Path(args.data)
    try:
        if args.kind == "role":
            created = new_role(data, args.name, family=args.family, curriculum=args.curriculum, coaching_plan=args.coaching_plan)
        else:
            created = new_competency(data, args.name, dimension=args.dimension, kind=args.type)
    except ScaffoldError as error:
        print(f"handbook new {args.kind}: {error}", file=sys.stderr)
        return 1
    print(f"Created {data.name}/{created.path.relative_to(data).as_posix()} (id '{created.record_id}').")
    for path in created.enrolled:
        print(f"Added '{created.record_id}' to the roles of {data.name}/{path.relative_to(data).as_posix()} (check it fits).")
    print(f"Replace its {created.placeholders} TODO placeholders, then run `handbook validate`.")
    try:
        load_handbook(data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


def _render(args: argparse.Namespace) -> int:
    from .adapters.plain_markdown import render_plain_site

    try:
        result = render_plain_site(Path(args.config), Path(args.dir))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (FileExistsError, FileNotFoundError) as error:
        print(f"handbook render: {error}", file=sys.stderr)
        return 1
    print(
        f"Rendered {result.generated} generated and {result.hand_written} hand-written pages, {result.downloads} downloads "
        f"into {result.config.parent}."
    )
    print(f"Build it with any MkDocs-compatible generator, e.g. `mkdocs build -f {result.config}`.")
    return 0


# --- Performance: synthetic enterprise-scale data ---------------------------------------------------------
def _synth(args: argparse.Namespace) -> int:
    from .tools.synth import synthesize

    try:
        result = synthesize(Path(args.data), Path(args.dir), args.scale, args.seed)
    except (FileExistsError, ValueError) as error:
        print(f"handbook synth: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{count} {kind}" for kind, count in result.records.items())
    print(f"Wrote {result.files} files into {args.dir}: {counts}.")
    return 0


# --- Evidence of impact: aggregates from private ratings and outcomes ---------------------------------------
def _evidence(args: argparse.Namespace) -> int:
    from .tools.evidence import compute_evidence, write_evidence, write_synthetic

    data = Path(args.data)
    try:
        handbook = load_handbook(data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print("Fix the data first: evidence is computed against a valid model.", file=sys.stderr)
        return 1
    if args.synthetic:
        try:
            ratings, outcomes, note = write_synthetic(handbook, Path(args.synthetic), args.seed)
        except FileExistsError as error:
            print(f"handbook evidence: {error}", file=sys.stderr)
            return 1
        print(f"Wrote {ratings} and {outcomes}. {note}")
        print(f"Compute the evidence from them with: handbook evidence {ratings} {outcomes}")
        return 0
    if not (args.ratings and args.outcomes):
        print("handbook evidence: give RATINGS.csv and OUTCOMES.csv, or --synthetic OUT_DIR", file=sys.stderr)
        return 2
    try:
        evidence = compute_evidence(handbook, Path(args.ratings), Path(args.outcomes), data)
    except DataError as error:
        print(error.report().replace("The handbook data has", "The evidence input has").replace("published", "written"), file=sys.stderr)
        return 1
    target = write_evidence(evidence, data)
    strengths = ", ".join(f"{count} {name}" for name, count in Counter(f.strength for f in evidence.findings).items())
    print(f"Wrote {data.name}/{target.name}: {len(evidence.findings)} pairs ({strengths}) from {evidence.people} people.")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Work with the sales-enablement handbook's data: validate it, move it through a spreadsheet, add records.",
        epilog="Run `handbook COMMAND --help` for the options of one command.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--data", default="data", help="the data folder (default: data)")

    validate = commands.add_parser("validate", help="check every data file and report all problems at once (exit 1 on any)")
    validate.description = (
        "Check every data file and report all problems at once; exit 1 on any. Also lists TODOs: content not written yet "
        "(a hiring guide, a level's description), which builds with a 'not written yet' note, and TODO placeholders left."
    )
    validate.add_argument(
        "--strict", action="store_true", help="treat content not written yet as an error (as the plugin's require_complete: true)"
    )
    data_option(validate)
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", help="write the whole model to an .xlsx workbook or a folder of .csv files")
    export.description = (
        "Write the whole model as the workbook contract's sheets (see README: Editing in a spreadsheet). "
        "PATH ending in .xlsx writes a workbook; any other PATH is a folder that gets one .csv file per sheet."
    )
    export.add_argument("path", metavar="PATH", help="handbook.xlsx, or a folder for .csv files")
    data_option(export)
    export.set_defaults(run=_export)

    imp = commands.add_parser("import", help="read an .xlsx workbook or a folder of .csv files into data/ (all or nothing)")
    imp.description = (
        "Read the workbook's sheets into the data files. The whole resulting data set is validated first: on any problem "
        "(reported by sheet, row and column) nothing in data/ changes. Files whose data did not change are not touched; "
        "changed files keep their comments and key order."
    )
    imp.add_argument("path", metavar="PATH", help="an .xlsx workbook, or a folder of .csv files")
    data_option(imp)
    imp.set_defaults(run=_import)

    init = commands.add_parser("init", help="replace the sample model with your own, from a workbook or CSV folder alone")
    init.description = (
        "Replace data/'s competencies and roles with the workbook's (every contract sheet but Hiring guides is needed), and "
        "remove the sample's training and playbook files, which were written for the old model. All or nothing: on any "
        "problem (reported by sheet, row and column) nothing in data/ changes."
    )
    init.add_argument("--from", dest="source", required=True, metavar="PATH", help="an .xlsx workbook, or a folder of .csv files")
    data_option(init)
    init.set_defaults(run=_init)

    new = commands.add_parser("new", help="create a skeleton data file for a new role or competency")
    new.description = "Create a data file that already validates, with every field to fill in marked TODO."
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    role = kinds.add_parser("role", help="a new role profile: data/roles/<id>.yml")
    role.description = "Create data/roles/<id>.yml, where <id> is the kebab-case NAME."
    role.add_argument("name", metavar="NAME", help='the role\'s name, e.g. "Channel Partner Manager"')
    role.add_argument("--family", help="family id (default: the first in families.yml)")
    role.add_argument("--curriculum", help="curriculum id the role follows (default: the one most roles of its family follow)")
    role.add_argument("--coaching-plan", help="coaching plan id for its managers (default: the one most roles of its family use)")
    data_option(role)
    competency = kinds.add_parser("competency", help="a new competency: data/competencies/<id>.yml")
    competency.description = "Create data/competencies/<id>.yml, where <id> is the kebab-case NAME."
    competency.add_argument("name", metavar="NAME", help='the competency\'s name, e.g. "Negotiates Win-Win Outcomes"')
    competency.add_argument("--dimension", help="dimension id (default: the first in dimensions.yml)")
    competency.add_argument("--type", default="skill", choices=["skill", "knowledge", "attribute"], help="default: skill")
    data_option(competency)
    new.set_defaults(run=_new)

    render = commands.add_parser("render", help="write every page as plain Markdown plus a plain mkdocs.yml (for Zensical)")
    render.description = (
        "Run the data -> pages step alone: write the fully rendered Markdown of every page, the downloads and the theme "
        "overrides into DIR, with a mkdocs.yml that has the same theme, navigation and Markdown extensions but none of "
        "this project's hooks or macros. Any MkDocs-compatible generator (MkDocs, ProperDocs, Zensical) builds DIR."
    )
    render.add_argument("dir", metavar="DIR", help="output folder (must be empty or not exist)")
    render.add_argument("--config", default="mkdocs.yml", help="the project's mkdocs.yml (default: mkdocs.yml)")
    render.set_defaults(run=_render)

    # Performance
    synth = commands.add_parser("synth", help="write a synthetic data folder K times the real one (for the benchmark)")
    synth.description = (
        "Write a complete, valid data folder with K copies of every role, competency, curriculum, exam, certification, "
        "cohort, play, coaching plan and experiment (copy 0 is the real data; the others are renamed per business unit, "
        "with references kept inside their copy). Reference tables (families, dimensions, levels, ...) are written once. "
        "The same --seed writes byte-identical files."
    )
    synth.add_argument("dir", metavar="DIR", help="output folder (must be empty or not exist)")
    synth.add_argument("--scale", type=int, required=True, metavar="K", help="how many copies of the real data")
    synth.add_argument("--seed", type=int, default=0, metavar="N", help="seed for the text variations (default: 0)")
    data_option(synth)
    synth.set_defaults(run=_synth)

    # Evidence of impact
    evidence = commands.add_parser("evidence", help="compute data/evidence.yml from private ratings and outcomes (aggregates only)")
    evidence.description = (
        "Compare manager (and, separately, self) ratings of each behavior with the outcome metrics of data/metrics.yml in the "
        "following period: Spearman's rho, a 95% interval (Fisher z, Bonett-Wright) and Benjamini-Hochberg q-values. "
        "RATINGS.csv has the columns person, period, role, competency, behavior, rating, mode; OUTCOMES.csv has person, period, "
        "metric, value and optionally denominator. Both must be outside data/ and docs/ (private/ is ignored by git). "
        "Pairs under 5 people are never written, pairs under 30 only as insufficient data. On any input problem nothing is written."
    )
    evidence.add_argument("ratings", metavar="RATINGS.csv", nargs="?", help="manager and self ratings, one row per behavior rated")
    evidence.add_argument("outcomes", metavar="OUTCOMES.csv", nargs="?", help="outcome metrics, one row per person, period and metric")
    evidence.add_argument("--synthetic", metavar="OUT_DIR", help="instead, write a synthetic example with a planted effect into OUT_DIR")
    evidence.add_argument("--seed", type=int, default=7, metavar="N", help="seed of the synthetic example (default: 7)")
    data_option(evidence)
    evidence.set_defaults(run=_evidence)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `handbook` command."""
    args = _parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
