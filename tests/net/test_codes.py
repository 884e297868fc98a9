"""Join codes: random and typeable, kept beside the save (owner-only), the same after a restart, and
carried over when a save is continued in a new file."""

import stat
from pathlib import Path

import pytest

from game.net.codes import ALPHABET, FACILITATOR, Codes, CodesError, codes_for, codes_path, new_code, normalize


def test_codes_are_random_long_and_unambiguous() -> None:
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        raw = code.replace("-", "")
        assert len(raw) == 16 and set(raw) <= set(ALPHABET) and not set(raw) & set("ILOU")
    assert normalize("abcd-efgh ijkl-mnop") == "ABCDEFGH1JK1MN0P", "read as typed: case, dashes, O/I/L"


def test_a_role_is_one_seat_or_the_facilitator_and_nothing_else() -> None:
    codes = Codes.new(["korvia", "meridia"])
    assert codes.role(codes.seats["korvia"]) == "korvia" and codes.role(codes.facilitator) == FACILITATOR
    assert codes.role("") is None and codes.role(codes.seats["korvia"] + codes.seats["meridia"]) is None
    with pytest.raises(CodesError, match="facilitator"):
        Codes.new(["facilitator"])


def test_codes_are_kept_beside_the_save_for_its_owner_only(tmp_path: Path) -> None:
    save = tmp_path / "tutorial-20250101-090000-0000abcd.json"
    first = codes_for(save, ["korvia", "meridia"])
    path = codes_path(save)
    assert path == tmp_path / "tutorial-20250101-090000-0000abcd.codes"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert codes_for(save, ["korvia", "meridia"]) == first, "a restarted host keeps its codes"
    more = codes_for(save, ["korvia", "meridia", "aldmark"])
    assert more.seats["korvia"] == first.seats["korvia"] and "aldmark" in more.seats, "a seat handed to a team"
    moved = tmp_path / "tutorial-20250101-100000-0000beef.json.gz"
    assert codes_for(moved, ["korvia", "meridia"], inherit=save).seats == more.seats, \
        "a save replayed into a new file keeps the class's codes"
    assert codes_path(moved).exists()
    assert codes_for(None, ["korvia"]).seats.keys() == {"korvia"}, "a game in memory: codes for the host's life"


def test_a_damaged_codes_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    codes_path(save).write_text("{not json")
    with pytest.raises(CodesError, match="remove it to draw new codes"):
        codes_for(save, ["korvia"])
    codes_path(save).write_text('{"kind": "accord-save"}')
    with pytest.raises(CodesError, match="not an Accord codes file"):
        codes_for(save, ["korvia"])
