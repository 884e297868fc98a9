"""The README's set-up commands are the ones CI runs, so a green CI proves the README works."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv [^\n]+)\n```", text)


def test_readme_gives_two_setup_commands_that_make_their_own_venv() -> None:
    commands = _commands()
    assert len(commands) == 2, f"expected the two set-up commands in README.md, found {commands}"
    play, test = commands
    assert play.endswith(".venv/bin/accord"), "the first command should install and start the game"
    assert "[test]" in test and "pytest" in test, "the second command should install test extras and run pytest"


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _commands()[1]
    assert test_command in ci.splitlines(), ".ci/run must run the README's test command exactly"
