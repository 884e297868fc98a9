"""The replay's truth says who is ready only while orders are open: the replay of a finished game
showed every state as '… not ready' at its end (and after each resolution), though nobody had
anything left to do."""

from pathlib import Path

from game.model.actions import Ready
from game.session.replay import Replay
from game.tui.screens.replay import truth_text
from tests.tui.helpers import SAVE, finish_round, tutorial


def test_a_finished_games_replay_does_not_call_every_state_not_ready(here: Path) -> None:
    session = tutorial()
    while not session.is_over:
        finish_round(session)
    replay = Replay(SAVE)
    last_round, last_phase = replay.positions()[-1]
    end = truth_text(replay, replay.seek(last_round, last_phase))
    resolved = truth_text(replay, replay.seek(3, "resolved"))
    for text in (end, resolved):
        assert "not ready" not in text and "✓ ready" not in text, text
    opened = truth_text(replay, replay.seek(3, "orders", 0))
    assert opened.count("… not ready") == len(session.scenario.states), opened


def test_the_replay_says_ready_while_orders_are_open(here: Path) -> None:
    session = tutorial()
    session.submit(Ready(state="korvia"), by="korvia")
    replay = Replay(SAVE)
    text = truth_text(replay, replay.seek(1, "orders"))
    assert "✓ ready" in text and "… not ready" in text
