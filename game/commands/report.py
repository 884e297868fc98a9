"""`accord report SAVE [--format md|html|csv|gradebook] [--for class|facilitator] [-o PATH]`: the
debrief of a saved game.

Markdown for reading and sharing, HTML (one self-contained file with charts, a summary page to
project and a printed page per team) for the class, CSV (a row per round and state) for analysis,
and the gradebook (a row per team, the same columns in every game). The class's version leaves out
the text of private messages; the facilitator's keeps it. Printed unless `-o` names a file, which is
then written atomically; the format follows the file's extension when `--format` is not given.
"""

import argparse
import sys
from pathlib import Path

FORMATS = ("md", "html", "csv", "gradebook")
AUDIENCES = ("class", "facilitator")
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv"}


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "report", help="write the debrief of a saved game",
        description="The debrief of a saved game: a summary to project (harm averted, scores, who was human and "
                    "who AI, three moments), what each team's choices did (the game re-run without them), the "
                    "agreement ledger and trust, timelines, charts, displacement, promises, 4P and tiers, notes, "
                    "discussion prompts and a handout page per team.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file (.json or .json.gz)")
    parser.add_argument("--format", choices=FORMATS,
                        help="md (default), html, csv (a row per round and state) or gradebook (CSV, a row per "
                             "team with stable columns; see docs/teaching/gradebook.md)")
    parser.add_argument("--for", dest="audience", choices=AUDIENCES, default="class",
                        help="class (default: private messages listed without their text) or facilitator "
                             "(their text kept: do not hand it out)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write it to PATH instead of printing it; without --format, PATH's extension "
                             "chooses it (.md, .html, .csv)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.report.render import render
    from game.session.replay import Replay
    from game.session.store import write_atomically

    output = Path(args.output) if args.output else None
    chosen = args.format or (EXTENSIONS.get(output.suffix.lower()) if output else None) or "md"
    replay = Replay(args.save)
    if replay.warning:
        print(replay.warning, file=sys.stderr)
    text = render(replay, chosen, args.audience)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(output, text.encode(), 0o600 if args.audience == "facilitator" else None)
    print(f"wrote {output} ({chosen}, the {args.audience}'s debrief of {args.save})")
    return 0
