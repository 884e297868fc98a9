"""`accord new-scenario PATH`: a commented, valid starting scenario, never over an existing file."""

import argparse
import os
from pathlib import Path

from game.errors import AccordError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "new-scenario", help="write a commented starting scenario",
        description="Write a small, valid, commented scenario to PATH, to edit into your own.",
    )
    parser.add_argument("path", metavar="PATH", help="the file to create (it must not exist)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import scenarios_dir
    from game.scenario.template import new_scenario_text

    path = Path(args.path)
    text = new_scenario_text(schema=_schema_reference(path, scenarios_dir() / "schema.json"), name=str(path))
    try:
        # `accord new-scenario scenarios/my-class.yaml` in a new folder: the teacher's `scenarios/`
        # (where the new-game screen looks) is made with the first file
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise AccordError(f"{path} exists already; choose another name, or delete it first") from None
    except OSError as error:
        raise AccordError(f"cannot write {path}: {error.strerror or error}") from None
    print(f"wrote {path}; check it with: accord validate {path}")
    return 0


def _schema_reference(path: Path, schema: Path) -> str:
    """The shipped schema as a path relative to the new file, which is how editors resolve it."""
    if not schema.is_file():
        return "schema.json"
    try:
        return Path(os.path.relpath(schema.resolve(), path.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.resolve().as_uri()
