"""One module a subcommand; each offers `register(subparsers)` that sets `run` as the default."""

from types import ModuleType

from game.commands import simulate, start

COMMANDS: list[ModuleType] = [start, simulate]
