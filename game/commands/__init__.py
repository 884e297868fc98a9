"""One module a subcommand; each offers `register(subparsers)` that sets `run` as the default."""

from types import ModuleType

from game.commands import (
    catalogue,
    host,
    join,
    lessons,
    new_scenario,
    pin,
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
    start, play, host, join, simulate, lessons, validate, schema, catalogue, new_scenario, verify, report, replay,
    pin,
]
