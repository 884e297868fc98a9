"""Was a save edited after it was written? The seals answer, for every command that opens one.

A save's seals chain its record of play (`log.start_seal`, `log.round_seal`): the embedded scenario,
the seed and every round's actions, state hash and report. A snapshot is not sealed itself, but the
state hash sealed with its round is the hash it must have, so an edited snapshot is found too (the
last one on opening; any one as it is used, and then never played from). This check costs a hash
per round and needs no re-run: `verify` re-runs every round and names what changed; opening a save
only says that something did, in one line.
"""

from dataclasses import dataclass

from game.collector import collector_paused
from game.engine.serialize import state_hash
from game.session.document import SaveDocument
from game.session.log import round_seal, start_seal
from game.session.positions import snapshot_state


@dataclass(frozen=True, slots=True)
class Edit:
    """The first part of a save that no longer matches its seal."""

    round: int
    """0: the opening (the scenario, the seed, the opening position)."""
    snapshot: bool
    """The round's snapshot, rather than its sealed content, was edited."""

    def __str__(self) -> str:
        where = "the opening" if self.round == 0 else f"round {self.round}"
        if self.snapshot:
            return f"the snapshot of {where} no longer matches the state hash sealed with it"
        return f"{where} no longer matches its seal"


def first_broken_seal(document: SaveDocument) -> int | None:
    """The first round (0: the opening) whose sealed content no longer matches its seal, else None."""
    log = document.log
    if start_seal(document.scenario_data, document.scenario_hash, document.seed, log.start.hash) != log.start.seal:
        return 0
    previous = log.start.seal
    for closed in log.rounds:
        if round_seal(previous, closed.round, closed.actions, closed.hash, closed.report_data) != closed.seal:
            return closed.round
        previous = closed.seal
    return None


def first_edited_snapshot(document: SaveDocument, *, every: bool = True) -> int | None:
    """The first round (0: the opening) whose stored snapshot does not hash to the state hash sealed
    with it, else None; only the last stored one unless `every`. Only for a save of these rules:
    under other rules a snapshot may read differently without anyone having touched it."""
    if not document.engine.is_current_rules:
        return None
    log = document.log
    hashes = [log.start.hash] + [closed.hash for closed in log.rounds]
    stored = [0] + [closed.round for closed in log.rounds if closed.has_snapshot]
    for after_round in stored if every else stored[-1:]:
        state = snapshot_state(document, after_round, check=False)
        if state is None or state_hash(state) != hashes[after_round]:
            return after_round
    return None


def find_edit(document: SaveDocument, *, every_snapshot: bool = False) -> Edit | None:
    """The earliest edit of the save, else None. The snapshots are checked where they are used
    (`positions.snapshot_state` never returns an edited one), so opening a save checks the last
    one only, the one a continued game starts from, unless `every_snapshot`: each costs as much as
    building the state (a large game's load would take twice as long)."""
    with collector_paused():  # many short-lived objects beside the whole save: no collection passes
        content = first_broken_seal(document)
        snapshot = first_edited_snapshot(document, every=every_snapshot)
    if snapshot is not None and (content is None or snapshot < content):
        return Edit(snapshot, snapshot=True)
    return None if content is None else Edit(content, snapshot=False)


def edit_warning(document: SaveDocument) -> str | None:
    """One line for a save edited after it was written (None for an intact one)."""
    edit = find_edit(document)
    if edit is None:
        return None
    return (f"{document.name}: warning: this save was edited after it was written ({edit}); "
            f"`accord verify {document.name}` names what changed")
