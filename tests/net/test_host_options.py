"""`accord host SAVE` comes back as the game was hosted: the listening options and the round timer
are kept beside the codes, and the restart command the banner prints names them."""

import argparse
from pathlib import Path

from game.commands.host import farewell, listening, restart_command


def _args(**given: object) -> argparse.Namespace:
    values: dict[str, object] = {"port": None, "bind": None, "web": None, "tls_cert": None, "tls_key": None,
                                 "round_minutes": None, "reading_minutes": None}
    values.update(given)
    return argparse.Namespace(**values)


def test_a_round_timer_given_once_is_kept_and_named_in_the_restart_command() -> None:
    first = listening(_args(bind="0.0.0.0", web=True, round_minutes=7.0), {})
    again = listening(_args(), first)
    assert again["round_minutes"] == 7.0 and again["bind"] == "0.0.0.0" and again["web"] is True
    command = restart_command(Path("saves/x.json"), again)
    assert "--round-minutes 7" in command and "--web" in command and "--bind 0.0.0.0" in command


def test_a_timer_given_on_the_command_line_wins_over_the_kept_one() -> None:
    kept = listening(_args(round_minutes=7.0), {})
    assert listening(_args(round_minutes=3.0), kept)["round_minutes"] == 3.0
    assert "--round-minutes" not in restart_command(Path("s.json"), listening(_args(), {}))


def test_the_command_to_continue_a_stopped_host_is_a_line_of_its_own() -> None:
    """Printed after its label, the command wrapped mid-word at 80 columns and was copied broken."""
    lines = farewell(Path("saves/x.json"), listening(_args(), {}))
    assert lines[-1].startswith("accord host ") and "saves/x.json" in lines[-1], lines
    assert all("accord host" not in line for line in lines[:-1]), lines
    assert farewell(None, listening(_args(), {})) == ["accord: host stopped"]
