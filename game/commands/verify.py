"""`accord verify SAVE...`: re-run each save's log and compare every hash, report and snapshot.

Exit 0 when every save verifies (`PATH: verified N rounds`); otherwise one line a failing save,
naming the first round that diverges, and exit 1.
"""

import argparse
import sys


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "verify", help="re-run saved games and check every round",
        description="Re-run each save from its start and compare every round's state hash and report "
                    "with what the save records; name the first round that differs.",
    )
    parser.add_argument("saves", nargs="+", metavar="SAVE", help="a save file (.json or .json.gz)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.session.errors import SaveError
    from game.session.verify import verify

    failed = False
    for path in args.saves:
        try:
            result = verify(path)
        except SaveError as error:
            failed = True
            for line in error.lines():
                print(line, file=sys.stderr)
            continue
        print(f"{path}: {result.summary()}")
    return 1 if failed else 0
