"""Proposal ids tell a team nothing about the proposals it cannot see (issue 13.3): drawn, not
numbered, yet the same in every replay of a game; a save of older rules, whose actions name
proposals by number, still replays."""

import re
from pathlib import Path

from game.engine import new_game
from game.engine.diplomacy.ids import nth_proposal
from game.model.state import GameState
from game.session.replay import Replay
from game.session.session import Session
from tests.diplomacy.deals import propose
from tests.engine.play import apply, setup

FROZEN = Path(__file__).parents[1] / "session" / "fixtures" / "format1-tutorial.json"


def _after_others_proposed(count: int, seed: int = 3) -> GameState:
    """`count` proposals between orig and tran (dest is not a party), then one from tran to dest."""
    state = new_game(setup(), seed)
    kinds = ["information_sharing", "mutual_legal_assistance", "repatriation_protocol", "labour_migration_mou"]
    for index in range(count):
        state = apply(state, propose("orig", kinds[index % len(kinds)], "tran", duration=2 + index))
    return apply(state, propose("tran", "information_sharing", "dest"))


def _seen_by_dest(state: GameState) -> list[str]:
    from game.engine import view

    return [p.id for p in view(state, "dest").proposals]


def test_the_id_a_team_sees_does_not_count_the_proposals_it_cannot_see() -> None:
    seen = {count: _seen_by_dest(_after_others_proposed(count)) for count in range(5)}
    for count, ids in seen.items():
        assert len(ids) == 1 and re.fullmatch(r"p-[a-z]{4}", ids[0]), (count, ids)
        assert not any(ch.isdigit() for ch in ids[0]), "no number in an id"
    assert len({ids[0] for ids in seen.values()}) == 5
    other_seed = {count: _seen_by_dest(_after_others_proposed(count, seed=4))[0] for count in range(5)}
    assert not set(other_seed.values()) & {ids[0] for ids in seen.values()}, \
        "without the seed, an id cannot be looked up in a table of ids by count"


def test_ids_are_the_same_in_every_replay_and_unique_in_a_game() -> None:
    assert _seen_by_dest(_after_others_proposed(3)) == _seen_by_dest(_after_others_proposed(3))
    state = new_game(setup(), 9)
    for index in range(60):
        state = apply(state, propose("orig", "funding", "tran", donor="orig", recipient="tran",
                                     amount=0.01 * (index + 1), capacity="protection"))
    assert len(state.proposals) == 60 and len({p.id for p in state.proposals.values()}) == 60
    assert all(nth_proposal(state, n) == id_ for n, id_ in enumerate(state.proposals, start=1))


def test_a_save_of_older_rules_whose_answers_name_proposals_by_number_still_replays() -> None:
    session = Session.load(FROZEN, autosave=False)
    assert session.note is not None and "replayed" in session.note
    first = session.state.proposals[nth_proposal(session.state, 1) or ""]
    assert first.proposer == "korvia" and first.answers == {"meridia": "accept"}
    third = session.state.proposals[nth_proposal(session.state, 3) or ""]
    assert third.proposer == "meridia" and third.answers.get("korvia") == "accept"
    replay = Replay(FROZEN)
    assert replay.seek(4).state.round == 4
