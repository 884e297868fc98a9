"""`accord schema [-o PATH]`: the JSON Schema of the scenario format, for editors."""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from game.errors import AccordError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "schema", help="print the JSON Schema of the scenario format",
        description="Print the JSON Schema (draft 2020-12) of the scenario format, as scenarios/schema.json holds.",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write it to PATH instead of printing it")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(Path(args.output), text)
    return 0


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` in one step, so an editor watching the file never reads half of it."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise AccordError(f"cannot write {path}: {error.strerror or error}") from None
