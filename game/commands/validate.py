"""`accord validate PATH...`: every problem in each scenario, one a line, then a verdict a file.

Problems go to standard output: they are what was asked for, and an editor's problem matcher or a CI
log reads them there. Exit 0 when every file is valid (with `--strict`, also free of warnings but those
its author accepted in the file, `game.scenario.accepted`).
"""

import argparse
import sys

from game.errors import AccordError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "validate", help="check scenario files and list every problem",
        description="Check scenario files: every error and lint warning, as PATH:LINE:COLUMN lines.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a scenario file, or the name of a shipped one (tutorial, mekong, ...)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (not on those accepted in the file by a comment "
                             "'# accord: accept: REASON' on the warning's line)")
    parser.add_argument("--all", action="store_true",
                        help=f"list every problem (by default the first {SHOWN} a file, then a count of the rest)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import check_scenario

    failed = False
    for given in args.paths:
        try:
            path = resolve_scenario(given)
        except AccordError as error:  # a name that is no file: say so, and go on with the others
            print("\n".join(error.lines()), file=sys.stderr)
            failed = True
            continue
        _, problems = check_scenario(path)
        shown = problems if args.all else problems[:SHOWN]
        for problem in shown:
            print(problem)
        errors = sum(problem.is_error for problem in problems)
        accepted = sum(problem.severity == "accepted" for problem in problems)
        warnings = len(problems) - errors - accepted
        kept = f", {accepted:,} accepted in the file" if accepted else ""
        if len(shown) < len(problems):
            rest = problems[len(shown):]
            rest_errors = sum(problem.is_error for problem in rest)
            rest_warnings = sum(problem.severity == "warning" for problem in rest)
            print(f"{path}: ... and {len(rest):,} more ({_count(rest_errors, 'error')}, "
                  f"{_count(rest_warnings, 'warning')}) not shown; fix these first, or list them all "
                  "with --all")
        if errors:
            verdict = f"invalid ({_count(errors, 'error')}, {_count(warnings, 'warning')}{kept})"
        elif warnings and args.strict:
            verdict = f"fails --strict ({_count(warnings, 'warning')}{kept})"
        else:
            verdict = f"valid ({_count(warnings, 'warning')}{kept})"
        failed = failed or bool(errors) or (args.strict and bool(warnings))
        print(f"{path}: {verdict}")
    return 1 if failed else 0


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


SHOWN = 50
"""Problems listed a file unless --all: past a screenful, a count serves a reader better."""
