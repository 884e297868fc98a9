"""One module a subcommand; each offers `register(subparsers)` that sets `run` as the default."""

from types import ModuleType

from game.commands import (
    catalogue,
    host,
    join,
    new_scenario,
    play,
    replay,
    report,
    schema,
    simulate,
    start,
    validate,
    verify,
)

COMMANDS: list[ModuleType] = [
    start, play, host, join, simulate, validate, schema, catalogue, new_scenario, verify, report, replay,
]
