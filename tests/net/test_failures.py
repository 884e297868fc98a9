"""Failures on the host leave the game exactly as last saved, in memory too: an engine error while a
round resolves undoes the order that triggered it (which can then be retried, as can the
facilitator's resolve), and a save that cannot be written (its folder gone or unreadable, even when
the last save cannot be read back either) keeps nothing of what was answered "nothing was recorded"."""

from pathlib import Path
from typing import Any

import pytest

import game.session.session as session_module
from game.session.session import Session
from tests.net.helpers import Api, hosted, tutorial_session


def test_an_engine_error_while_resolving_undoes_the_ready_and_the_round_can_be_retried(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save, ai=("aldmark",))) as (host, codes):
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])
        facilitator = Api(host.port, codes.facilitator)
        assert korvia.act({"type": "ready", "state": "korvia"}).status == 200
        resolve_round = session_module.resolve_round

        def broken(state: Any) -> Any:
            raise OverflowError("math range error")

        monkeypatch.setattr(session_module, "resolve_round", broken)
        failed = meridia.act({"type": "ready", "state": "meridia"}, request="ready-1")
        assert failed.status == 500 and failed.data["kind"] == "unavailable"
        assert "OverflowError" in failed.error and "nothing was recorded" in failed.error
        assert not meridia.view()["me"]["ready"], "the ready that triggered the error is not kept"
        assert korvia.view()["me"]["ready"], "what was saved before stays"
        assert [s.type for s in Session.load(save).log.open if s.by == "meridia"] == []
        assert facilitator.post("/api/facilitator/resolve", {"round": 1}).status == 500, "still broken"
        assert facilitator.get("/api/table").data["round"] == 1

        monkeypatch.setattr(session_module, "resolve_round", resolve_round)
        again = meridia.act({"type": "ready", "state": "meridia"}, request="ready-1")
        assert again.status == 200 and not again.data["duplicate"], "the retry is applied, once"
        assert facilitator.get("/api/table").data["round"] == 2, "the round resolved: the game goes on"
    on_disk = Session.load(save)
    assert on_disk.round == 2
    assert [s.type for s in on_disk.log.rounds[0].actions if s.by == "meridia"] == ["ready"]


def test_a_failed_save_keeps_nothing_even_when_the_last_save_cannot_be_read(tmp_path: Path) -> None:
    """The saves folder replaced by a file (what `chmod 000` does to a user who is not root): the
    write fails and so would reading the last save back; the refused order must still be forgotten."""
    folder = tmp_path / "saves"
    folder.mkdir()
    save = folder / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])
        assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 3}}).status == 200
        folder.rename(tmp_path / "away")
        folder.write_text("not a folder")
        message = {"type": "message", "state": "meridia", "to": ["korvia"], "text": "once"}
        refused = meridia.act(message, request="m-1")
        assert refused.status == 503 and "nothing was recorded" in refused.error
        assert meridia.view()["messages"] == [], "an order answered 503 is not kept in memory"
        assert korvia.view()["me"]["allocation"]["enforcement"] == 3, "what was saved stays"
        folder.unlink()
        (tmp_path / "away").rename(folder)
        again = meridia.act(message, request="m-1")
        assert again.status == 200 and not again.data["duplicate"]
        assert meridia.act(message, request="m-1").data["duplicate"]
        assert [m["text"] for m in korvia.view()["messages"]] == ["once"], "applied once"
    assert [s.type for s in Session.load(save).log.open] == ["allocate", "message"]


def test_an_order_refused_when_descriptors_run_out_is_not_kept_and_its_retry_is_applied_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        mkstemp = tempfile.mkstemp

        def exhausted(*args: Any, **kwargs: Any) -> Any:
            raise OSError(errno.EMFILE, "Too many open files")

        read_bytes = Path.read_bytes
        monkeypatch.setattr(tempfile, "mkstemp", exhausted)  # no descriptor left: no file can be written
        monkeypatch.setattr(Path, "read_bytes", exhausted)  # nor read back
        law = {"type": "adopt_law", "state": "korvia", "law": "victim_protection"}
        refused = korvia.act(law, request="law-1")
        assert refused.status == 503 and "Too many open files" in refused.error
        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        assert not korvia.view()["me"]["pending_laws"], "not kept in memory"
        assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 2}}).status == 200
        assert [s.type for s in Session.load(save).log.open] == ["allocate"], "nor written with the next save"
        again = korvia.act(law, request="law-1")
        assert again.status == 200 and not again.data["duplicate"]
    assert [s.type for s in Session.load(save).log.open] == ["allocate", "adopt_law"]
