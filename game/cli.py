"""The `accord` command: a parser, and a dispatch to one small module per subcommand.

Every failure a user can cause ends here as one readable line and exit code 1; an unexpected
error is reported the same way, with the details written to a log rather than the screen.
"""

import argparse
import sys
from collections.abc import Sequence

from game import __version__
from game.commands import COMMANDS, start
from game.errors import AccordError


class _Parser(argparse.ArgumentParser):
    """argparse exits with code 2 on a bad command line; the project promises 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(1)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="accord",
        description="Accord: a classroom simulation of international cooperation against trafficking.",
    )
    parser.add_argument("--version", action="version", version=f"accord {__version__}")
    start.add_saves_option(parser, root=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "run", None)
    if handler is None:
        handler = start.run
    try:
        code: int = handler(args)
        return code
    except AccordError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("accord: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except Exception as error:  # the last guard: a user never sees a traceback
        from game.errors import log_internal_error, where_logged

        where = where_logged(log_internal_error(error))
        print(f"accord: internal error: {error!r} ({where}; please report it)", file=sys.stderr)
        return 1
