"""One module a subcommand; each offers `register(subparsers)` that sets `run` as the default."""

from types import ModuleType

from game.commands import new_scenario, replay, report, schema, simulate, start, validate, verify

COMMANDS: list[ModuleType] = [start, simulate, validate, schema, new_scenario, verify, report, replay]
