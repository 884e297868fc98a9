"""One module a subcommand; each offers `register(subparsers)` that sets `run` as the default."""

from types import ModuleType

from game.commands import (
    host,
    join,
    lessons,
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
    start, play, host, join, simulate, lessons, validate, schema, new_scenario, verify, report, replay,
]
