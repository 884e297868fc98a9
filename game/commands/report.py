"""`accord report SAVE [--format md|html|csv] [-o PATH]`: the debrief of a saved game.

Markdown for reading and sharing, HTML (one self-contained file with charts) for the class, CSV (a
row per round and state) for a gradebook. Printed unless `-o` names a file, which is then written
atomically; the format follows the file's extension when `--format` is not given.
"""

import argparse
import sys
from pathlib import Path

FORMATS = ("md", "html", "csv")
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv"}


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "report", help="write the debrief of a saved game",
        description="The debrief of a saved game: timelines, charts, displacement, promises, 4P and tiers, "
                    "harm averted against the baseline, the facilitator's notes and discussion prompts.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file (.json or .json.gz)")
    parser.add_argument("--format", choices=FORMATS, help="md (default), html or csv")
    parser.add_argument("-o", "--output", metavar="PATH", help="write it to PATH instead of printing it")
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
    text = render(replay, chosen)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(output, text.encode())
    print(f"wrote {output} ({chosen}, the debrief of {args.save})")
    return 0
