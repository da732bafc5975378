"""The `handbook` command: validate and build the handbook from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .index import load_handbook
from .problems import DataError


def _validate(args: argparse.Namespace) -> int:
    try:
        handbook = load_handbook(Path(args.data))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"OK: {len(handbook.data_files)} data files, {len(handbook.roles)} roles, "
        f"{len(handbook.competencies)} competencies, {handbook.behavior_count} behaviors, {len(handbook.dimensions)} dimensions."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `handbook` command."""
    parser = argparse.ArgumentParser(prog="handbook", description="Work with the sales-enablement handbook's data.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file and report all problems at once (exit 1 on any)")
    validate.add_argument("--data", default="data", help="the data folder (default: data)")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
