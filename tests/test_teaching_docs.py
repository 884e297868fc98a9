"""docs/teaching is read by a teacher who has not read the code: every `accord` command it gives
is one the program accepts (no flag, subcommand or choice that does not exist), and every session
plan's minutes add up to its class."""

import argparse
import itertools
import math
import re
import shlex
from pathlib import Path

import pytest

from game.cli import build_parser

DOCS = Path(__file__).resolve().parents[1] / "docs" / "teaching"
GUIDE = DOCS / "facilitator-guide.md"


def commands(inline: bool) -> list[tuple[str, str]]:
    """(file, command) for each `accord ...` line of a code block, or (`inline`) in backticks in the text."""
    found = []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text("utf-8")
        if inline:
            lines = re.findall(r"`(accord [^`]+)`", text)
        else:
            lines = [line for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
                     for line in block.splitlines()]
        for line in lines:
            command = line.split("#", 1)[0].strip()
            if re.match(r"accord [a-z]", command):
                found.append((path.name, command))
    return found


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_teaching_docs_give_commands() -> None:
    assert len(commands(inline=False)) >= 7 and len(commands(inline=True)) >= 20


@pytest.mark.parametrize(("where", "command"), commands(inline=False))
def test_every_command_line_in_the_teaching_docs_is_one_the_program_accepts(
        where: str, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        build_parser().parse_args(shlex.split(command)[1:])
    except SystemExit as error:
        pytest.fail(f"{where}: `{command}` is refused: {capsys.readouterr().err.strip()} (exit {error.code})")


@pytest.mark.parametrize(("where", "command"), commands(inline=True))
def test_every_command_named_in_the_teaching_docs_has_the_options_it_names(where: str, command: str) -> None:
    """Commands in the text are often parts (`accord host ... --round-minutes 7`): their subcommand
    and every option they name exist."""
    words = shlex.split(command)
    parsers = subcommands()
    assert words[1] in parsers, f"{where}: no subcommand `{words[1]}` in `{command}`"
    options = {option for action in parsers[words[1]]._actions for option in action.option_strings}
    for word in words[2:]:
        if word.startswith("-"):
            assert word.split("=", 1)[0] in options, f"{where}: `{command}`: accord {words[1]} has no {word}"


def plan(heading: str) -> str:
    text = GUIDE.read_text("utf-8")
    start = text.index(heading)
    end = text.find("\n### ", start + 1)
    return text[start:end if end != -1 else None]


@pytest.mark.parametrize(("heading", "minutes"), [("### One 50-minute class", 50), ("### One 90-minute class", 90)])
def test_a_session_plans_minutes_run_without_gap_to_the_end_of_the_class(heading: str, minutes: int) -> None:
    section = plan(heading)
    spans = [(int(a), int(b)) for a, b in re.findall(r"^\| (\d+)-(\d+) \|", section, flags=re.MULTILINE)]
    assert spans[0][0] == 0 and spans[-1][1] == minutes, spans
    assert all(earlier[1] == later[0] for earlier, later in itertools.pairwise(spans)), spans
    sums = re.findall(r"(\d+(?:\s+[a-z]+)*(?:\s+[+x]\s+\d+(?:\s+[a-z]+)*)+)\s+=\s+(\d+)", section)
    assert len(sums) >= 2, "the plan shows its sums"
    for terms, total in sums:
        value = sum(math.prod(int(n) for n in re.findall(r"\d+", part)) for part in re.split(r"\s\+\s", terms))
        assert value == int(total) <= minutes, f"{terms} = {total}"


def test_the_rounds_of_a_plan_fit_the_minutes_it_gives_them() -> None:
    """50 minutes: 4 rounds of 6 and a minute of reading before rounds 2 to 4 fill minutes 10-37; 90
    minutes: 6 rounds of 7 and a minute of reading before rounds 2 to 6 fill 13-60; and the settings
    named are those the host is started with."""
    fifty, ninety = plan("### One 50-minute class"), plan("### One 90-minute class")
    assert "--round-minutes 6 --rounds 4\n--reading-minutes 1" in fifty and "| 10-37 |" in fifty
    assert 37 - 10 == 4 * 6 + 3 * 1
    assert "--round-minutes 7 --reading-minutes 1" in ninety and "| 13-60 |" in ninety and 60 - 13 == 6 * 7 + 5 * 1
