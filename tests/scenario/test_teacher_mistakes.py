"""The mistakes instructors make in a scenario file, each told in a teacher's words at the line to
change: indentation, quotes and spaces pasted from a word processor, percentages and decimal commas,
words where numbers go, encodings."""

from pathlib import Path

import pytest

from game.scenario.loader import check_scenario_bytes, check_scenario_text
from game.scenario.yaml_words import invisible_characters

from .helpers import MINIMAL, problems_of, replaced


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    vulnerability: 0.6\n", "      vulnerability: 0.6\n",
         "s.yaml:10:1: error: this line is indented more than line 9 above it: indent it like the one above"),
        ("    vulnerability: 0.6\n", "   vulnerability: 0.6\n",
         "s.yaml:10:1: error: this line is indented less than line 9 above it: indent it like the one above"),
        ("    vulnerability: 0.6\n", "\tvulnerability: 0.6\n",
         "s.yaml:10:1: error: this line is indented with a tab: YAML indents with spaces only"),
        ("title: Minimal\n", "title: Trafficking: a game\n",
         "s.yaml:3:19: error: a text with ': ' inside must be in quotes, as in title: \"Trafficking: a game\""),
        ("title: Minimal\n", 'title: "Minimal\n',
         "s.yaml:3:1: error: the quote \" opened on this line is not closed"),
        ("    vulnerability: 0.6\n", "\u00a0   vulnerability: 0.6\n",
         "s.yaml:10:1: error: a non-breaking space (U+00A0), as word processors paste it: replace it with an "
         "ordinary space"),
        ("id: minimal\n", "id: minimal\u200b\n",
         's.yaml:2:5: error: id: "minimal\u200b" is not a valid id: it holds an invisible zero-width space (U+200B): '
         "delete it"),
        ("    vulnerability: 0.6\n", "    vulnerability:\u200b 0.6\n",
         "s.yaml:10:19: error: an invisible zero-width space (U+200B): delete it"),
    ],
)
def test_a_layout_mistake_is_named_at_its_line(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("vulnerability: 0.6", "vulnerability: 75%", 'regions[0] (village).vulnerability: should be a number, not '
                                                     '"75%": write 0.75 for 75%'),
        ("approval: 50", "approval: 50%", 'states[0] (south).approval: should be a number, not "50%": write 50 for '
                                          "50%, without the % sign"),
        ("population: 0.5", "population: 3,5", 'regions[1] (port).population: should be a number, not "3,5": write '
                                               "3.5, with a decimal point rather than a comma"),
        ("capital: 100", "capital: 3,500,000", 'networks[0] (ring).capital: should be a number, not "3,500,000": '
                                               "write 3500000 without the thousands separator"),
        ("flow: 100}", "flow: 3,500}", "networks[0] (ring).routes[0][500]: '500' cannot be a key: inside { } a comma "
                                       "separates entries, so 'flow: 3,500' was read as flow: 3 and a key 500; "
                                       "write flow: 3500"),
        ("budget: 10", "budget: yes", 'states[0] (south).budget: should be a number, not "yes": yes is not a figure'),
        ("budget: 10", "budget: true", "states[0] (south).budget: should be a number, not true: true and false are not "
                                       "numbers"),
        ("budget: 10", 'budget: "10"', 'states[0] (south).budget: should be a number, not "10": remove the quotes '
                                       'around 10'),
        ("vulnerability: 0.6", "vulnerability: 60", "regions[0] (village).vulnerability: should be less than or equal "
                                                    "to 1 (got 60): write 0.6 for 60%"),
        ("controlled_by: north", "controlled_by: none",
         "regions[2] (city).controlled_by: unknown state 'none'; write null for a region nobody holds"),
        ("budget: 10", "budget: 1e400", "states[0] (south).budget: should be a finite number"),
        ("budget: 10", "budget: .nan", "states[0] (south).budget: should be a finite number"),
        ("flow: 100}", "flow: 1.0e+300}", "networks[0] (ring).routes[0].flow: should be less than or equal to "
                                          "10000000"),
    ],
)
def test_a_wrong_number_says_how_to_write_it(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(expected in line for line in found), found


def test_a_curly_quote_is_named() -> None:
    found = problems_of(replaced("name: Village", "name: “Village”"))
    assert "s.yaml:8:11: warning: regions[0] (village).name: “ is a curly quote from a word processor, read as " \
           "part of the text: use a straight one (\" or ')" in found


def test_numbers_are_read_as_editors_read_them_yaml_1_2() -> None:
    """`1e5` is a number, a date is text (a valid id), `no` is text, as yaml-language-server reads them."""
    text = replaced("flow: 100}", "flow: 1e2}").replace("id: minimal", "id: 2020-03-11")
    scenario, problems = check_scenario_text(text)
    assert scenario is not None, problems
    assert scenario.id == "2020-03-11" and scenario.networks[0].routes[0].flow == 100


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf_16_is_read(encoding: str) -> None:
    scenario, problems = check_scenario_bytes(MINIMAL.encode(encoding))
    assert scenario is not None and scenario.id == "minimal", problems


def test_a_non_boolean_where_true_or_false_goes(tmp_path: Path) -> None:
    found = problems_of(MINIMAL + "parameters:\n  initial_stock: yes\n")
    assert 'parameters.initial_stock: should be true or false, not "yes"' in found[0]


def test_a_quoted_text_over_several_lines_is_not_blamed_for_a_later_mistake() -> None:
    text = MINIMAL.replace("summary: Three regions on one road, two states, one network.\n",
                           'summary: "Three regions on one road,\n  two states, one network."\n')
    found = problems_of(text.replace("    vulnerability: 0.6\n", "      vulnerability: 0.6\n"))
    assert found[0].startswith("s.yaml:11:1: error: this line is indented more than line 10 above it"), found


@pytest.mark.parametrize("text", ["Bosnia -\u00a0Herzegovina", "-\u00a0", "year -\u200b", "a\u00a0b"])
def test_an_invisible_space_inside_a_text_is_kept_not_refused(text: str) -> None:
    """A word processor puts a non-breaking space beside a dash inside a name: harmless there (the
    text reads as written), so it is no error; beside a list's dash or a key's colon it still is."""
    found = problems_of(replaced("title: Minimal\n", f"title: {text}\n"))
    assert not any(": error:" in line for line in found), found


@pytest.mark.parametrize("line", ["  -\u00a0id: x\n", "  -\u200bid: x\n"])
def test_an_invisible_space_after_a_list_dash_is_refused(line: str) -> None:
    found = invisible_characters(f"regions:\n{line}")
    assert [mark for mark, _ in found] == [(2, 4)], found


def test_a_misspelt_neighbour_is_named_in_the_same_run_as_a_mistake_in_its_region() -> None:
    """A region with `vulnerability: 55` was left out of the reference checks, so its neighbour
    `prot` (for `port`) was named only once the first mistake was fixed: a teacher ran validate
    again to find a third error the first run's count had not told of."""
    text = replaced("    vulnerability: 0.6\n    neighbours: [port]\n",
                    "    vulnerability: 55\n    neighbours: [prot]\n")
    found = problems_of(text)
    # (the item's name after its index, 'regions[0] (village)', where the reader names it)
    assert any(line.startswith("s.yaml:10:20: error: regions[0]") and ".vulnerability: " in line
               for line in found), found
    assert any(line.startswith("s.yaml:11:18: error: regions[0]")
               and line.endswith(".neighbours[0]: unknown region 'prot'; did you mean 'port'?")
               for line in found), found
    assert len(found) == 2, "its well-formed neighbour draws no other problem"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("{kind: keep_approval, at_least: 40, points: 2}", "{kind: keep_approval, at_least: 40}",
         "s.yaml:35:9: error: states[0] (south).objectives[0] (keep_approval).points: missing required key 'points': "
         "points for meeting it (0-1,000)"),
        ("by: 0.1, points: 3}", "by: 0.1}",
         "s.yaml:45:9: error: states[1] (north).objectives[0] (reduce_victims).points: missing required key 'points': "
         "points for meeting it (0-1,000)"),
        ("by: 0.1, points: 3}", "by: 25, points: 3}",
         "s.yaml:45:50: error: states[1] (north).objectives[0] (reduce_victims).by: should be less than or equal to 1 "
         "(got 25): write 0.25 for 25%"),
        ("by: 0.1, points: 3}", "by: 15%, points: 3}",
         's.yaml:45:50: error: states[1] (north).objectives[0] (reduce_victims).by: should be a number, not "15%": '
         "write 0.15 for 15%"),
    ],
)
def test_a_mistake_inside_an_objective_names_the_key_at_its_line(old: str, new: str, expected: str) -> None:
    """An objective is one of several kinds: the message names its key ('points', 'by'), never the
    objective's index ("missing required key '2'"), and points at the objective, not at the list."""
    assert expected in problems_of(replaced(old, new))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("neighbours: [village, city]", "neighbours: village, city",
         'regions[1] (port).neighbours: should be a list, not "village, city": write it in brackets, as '
         "[village, city]"),
        ("laws: [criminalization]", "laws: criminalization",
         'states[1] (north).laws: should be a list, not "criminalization": write it in brackets, as [criminalization]'),
        ("neighbours: [village, city]", "neighbours: village-road city-centre",
         'regions[1] (port).neighbours: should be a list, not "village-road city-centre": write it in brackets, with '
         "commas, as [village-road, city-centre]"),
        ("rounds: 4\n", "rounds: 4\nlearning_objectives: Explain displacement\n",
         'learning_objectives: should be a list, not "Explain displacement": write each item on its own line, under '
         "the key, after '- '"),
    ],
)
def test_ids_written_without_brackets_are_shown_as_a_list(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(expected in line for line in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("periphery: 20", "periphery: twenty",
         'networks[0] (ring).periphery: should be a number, not "twenty": write the figure in digits, a whole number '
         "such as 40"),
        ("periphery: 20", "periphery: 20.5", "networks[0] (ring).periphery: should be a whole number (got 20.5): "
                                             "write 20 or 21"),
        ("population: 0.5", "population: half",
         'regions[1] (port).population: should be a number, not "half": write the figure in digits, e.g. 3.5'),
    ],
)
def test_a_whole_number_field_asks_for_a_whole_number(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(expected in line for line in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("controlled_by: north", "controlled_by: North",
         "regions[2] (city).controlled_by: \"North\" is not a valid id: use lower-case letters, digits, '_' and '-', "
         "starting with a letter or digit, as 'north'"),
        ("  - id: port\n", "  - id: Port Town\n", "as 'port-town'"),
    ],
)
def test_an_id_with_capitals_or_spaces_is_shown_as_an_id(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(expected in line for line in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("{kind: keep_approval, at_least: 40, points: 2}", "{kind: keep_approval, at_least: 40, points: 2, note: x}",
         "states[0] (south).objectives[0] (keep_approval).note: unknown key 'note'; the keys here are kind, at_least, "
         "points"),
        ("    vulnerability: 0.6\n", "    vulnerability: 0.6\n    colour: red\n",
         "regions[0] (village).colour: unknown key 'colour'; the keys here are id, name, population, vulnerability, "
         "demand, neighbours, controlled_by, position"),
        ("rounds: 4\n", "rounds: 4\nauthor: me\n", "author: unknown key 'author'"),
    ],
)
def test_an_unknown_key_with_nothing_near_lists_the_keys_of_its_mapping(old: str, new: str, expected: str) -> None:
    """A short mapping's keys are listed; the scenario's top level (twenty keys) is not."""
    found = problems_of(replaced(old, new))
    assert any(line.endswith(expected) for line in found), found


def test_a_population_counted_in_people_says_it_is_in_millions() -> None:
    found = problems_of(replaced("population: 0.5", "population: 9000000"))
    assert any(line.endswith("regions[1] (port).population: should be less than or equal to 10000 (got 9000000): "
                             "population is in millions: write 9 for 9,000,000 people") for line in found), found


def test_every_line_indented_with_a_tab_is_named_at_once() -> None:
    """One run names them all: the first only, and a teacher fixed one line a run."""
    text = replaced("    vulnerability: 0.6\n", "\tvulnerability: 0.6\n").replace(
        "    budget: 20\n", "\t\tbudget: 20\n").replace("  - id: city\n", "  - id: city\n\t# a comment may\n")
    found = problems_of(text)
    assert found == [
        "s.yaml:10:1: error: this line is indented with a tab: YAML indents with spaces only",
        "s.yaml:39:1: error: this line is indented with a tab: YAML indents with spaces only",
    ], found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    population: 0.5\n", "", "regions[1] (port).population: missing required key 'population': millions of "
                                   "people (at most 10,000)"),
        ("{path: [village, port, city], form: labour, flow: 100}", "{path: [village, port, city], form: labour}",
         "networks[0] (ring).routes[0].flow: missing required key 'flow': people a round at the start (at most 10 "
         "million)"),
        ("    controlled_by: north\n", "", "regions[2] (city).controlled_by: missing required key 'controlled_by': a "
                                        "state id, or null where no state controls it"),
    ],
)
def test_a_missing_key_says_what_to_write_there(old: str, new: str, expected: str) -> None:
    found = problems_of(replaced(old, new))
    assert any(line.endswith(expected) for line in found), found


EVENT = """events:
  - id: drought
    round: 2
    title: Drought
    text: The harvest fails.
    effects:
      - {target: "region:village", field: vulnerability, add: 0.1}
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('target: "region:village"', "target: village",
         "events[0] (drought).effects[0].target: 'village' should be region:ID, state:ID or network:ID: write "
         '"region:village", in quotes'),
        ("field: vulnerability", "field: poverty",
         "events[0] (drought).effects[0].field: unknown field 'poverty' for a region; a region's fields are "
         "vulnerability, population, demand."),
        ("add: 0.1", "add: 10%",
         'events[0] (drought).effects[0].add: should be a number, not "10%": write 0.1 for 10%'),
    ],
)
def test_an_event_effect_written_wrong_says_how_to_write_it(old: str, new: str, expected: str) -> None:
    """A vulnerability is 0-1, so `add: 10%` is 0.1 (it said 'write 10 for 10%'); a bare id is named
    with its kind; an unknown field lists the kind's fields when none is near."""
    found = problems_of(MINIMAL + EVENT.replace(old, new))
    assert any(expected in line for line in found), found


def test_a_choice_misspelt_is_matched_to_the_nearest_allowed_one() -> None:
    found = problems_of(MINIMAL + "organizations:\n  - {id: ilo, name: ILO, kind: intergovernmental, budget: 5, "
                                  "mandate: [train], trains: [labour_inspectors]}\n")
    assert any(line.endswith("organizations[0] (ilo).trains[0]: should be 'enforcement', 'protection' or "
                             "'labour_inspection', not \"labour_inspectors\"; did you mean 'labour_inspection'?")
               for line in found), found


def test_an_empty_list_says_how_many_items_it_needs_without_pydantics_words() -> None:
    found = problems_of(MINIMAL + "organizations:\n  - {id: ilo, name: ILO, kind: intergovernmental, budget: 5, "
                                  "mandate: []}\n")
    assert any(line.endswith("organizations[0] (ilo).mandate: should list at least 1 item, not 0") for line in found), \
        found


@pytest.mark.parametrize(
    ("start", "written", "expected"),
    [
        (2023, 2025, "events[0] (drought).round: should be less than or equal to 1000 (got 2025); rounds count "
                     "from 1: the year 2025 is round 3"),
        (900, 902, "events[0] (drought).round: round 902 is after the last round (4): the event never happens; "
                   "rounds count from 1: the year 902 is round 3"),
    ],
)
def test_an_event_round_written_as_its_year_says_which_round_that_is(start: int, written: int, expected: str) -> None:
    text = MINIMAL.replace("rounds: 4\n", f"rounds: 4\nstart_year: {start}\n") + EVENT.replace(
        "round: 2", f"round: {written}")
    found = problems_of(text)
    assert any(line.endswith(expected) for line in found), found
