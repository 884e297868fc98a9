"""A problem names the list item it is in by its id, not only by its position: `states[0] (south).budget`,
since an author looks for south in the file, not for the first state. Line and column stay as they were.
One broken file per list kind, through `accord validate`, the lints and the YAML reader alike."""

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.problems import field_path, item_names

from .helpers import MINIMAL, problems_of, replaced


def test_a_states_figure_names_the_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(replaced("    budget: 10", "    budget: -5"), "utf-8")
    assert main(["validate", str(path)]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(f"{path}:") and ": error: states[0] (south).budget: should be greater than or equal to 0" \
        " (got -5)" in line, line
    assert line.split(":")[1:3] == ["29", "13"], "line and column are kept"


def test_a_networks_route_names_the_network() -> None:
    found = problems_of(replaced("flow: 100}", "flow: -1}"))
    assert any(": error: networks[0] (ring).routes[0].flow: should be greater than or equal to 0" in line
               for line in found), found


def test_an_events_mistake_names_the_event() -> None:
    text = MINIMAL + "events:\n  - {id: drought, round: 9, title: Drought, text: t}\n"
    found = problems_of(text)
    assert any("error: events[0] (drought).round: round 9 is after the last round (4)" in line for line in found), found


def test_a_regions_and_an_objectives_mistake_name_both_the_item_and_its_kind() -> None:
    found = problems_of(replaced("vulnerability: 0.6", "vulnerability: 6"))
    assert any("regions[0] (village).vulnerability: should be less than or equal to 1" in line for line in found)
    found = problems_of(replaced("{kind: reduce_victims, region: city,", "{kind: reduce_victims, region: cty,"))
    assert any("states[1] (north).objectives[0] (reduce_victims).region: unknown region 'cty'" in line
               for line in found), found


def test_a_lint_warning_names_the_item_too() -> None:
    text = replaced("networks:\n  - id: ring", "networks:\n  - id: idle\n    name: Idle\n    capital: 1\n"
                    "    core: 1\n    periphery: 1\n    tech: 0\n  - id: ring")
    found = problems_of(text)
    assert any("warning: networks[0] (idle): network 'idle' has no route: it moves nobody" in line
               for line in found), found


def test_a_repeated_key_found_while_reading_names_the_item() -> None:
    found = problems_of(replaced("    budget: 10\n", "    budget: 10\n    budget: 11\n"))
    assert any("error: states[0] (south).budget: duplicate key 'budget'" in line for line in found), found


def test_an_id_that_is_itself_the_mistake_is_not_written_as_a_name() -> None:
    found = problems_of(replaced("  - id: village", "  - id: Big Village"))
    assert any("error: regions[0].id: \"Big Village\" is not a valid id" in line for line in found), found


def test_the_one_writer_of_a_path_names_items_only_when_told_their_names() -> None:
    data = {"states": [{"id": "south", "objectives": [{"kind": "adopt_law"}]}],
            "agreements_in_force": [{"agreement": "extradition"}],
            "summits": [{"id": "s", "clauses": [{"clause": "c"}]}]}
    names = item_names(data)
    assert field_path(("states", 0, "objectives", 0, "law"), names) == "states[0] (south).objectives[0] (adopt_law).law"
    assert field_path(("agreements_in_force", 0, "parties"), names) == "agreements_in_force[0] (extradition).parties"
    assert field_path(("summits", 0, "clauses", 0), names) == "summits[0] (s).clauses[0] (c)"
    assert field_path(("states", 0, "objectives", 0, "law")) == "states[0].objectives[0].law"
