"""The commands: validate, schema, new-scenario, brief; exit codes and what they print."""

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loader import check_scenario, load_scenario_text
from game.scenario.schema import schema_text

from .helpers import MINIMAL

BROKEN = Path(__file__).parent / "broken"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_validate_a_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "ok.yaml", MINIMAL)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: valid (0 warnings)\n"


def test_validate_prints_each_problem_then_a_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "ok.yaml", MINIMAL)
    bad = BROKEN / "many_errors.yaml"
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{good}: valid (0 warnings)",
        f"{bad}:9:9: error: rounds: should be greater than or equal to 1 (got 0)",
        f"{bad}:21:27: error: regions[1] (port).neighbours[1]: unknown region 'cty'; did you mean 'city'?",
        f'{bad}:41:15: error: states[1] (north).approval: should be a number, not "high": write the figure in digits, '
        "e.g. 3.5",
        f"{bad}: invalid (3 errors, 0 warnings)",
    ]


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "one-sided.yaml", MINIMAL.replace("neighbours: [village, city]", "neighbours: [city]"))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{path}: valid (1 warning)"
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:11:18: warning: regions[0] (village).neighbours[0]: ")
    assert out[-1] == f"{path}: fails --strict (1 warning)"


def test_validate_never_shows_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"\x00\xff\xfe junk")
    assert main(["validate", str(path), str(tmp_path / "absent.yaml")]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.out.count("invalid (1 error, 0 warnings)") == 2


def test_validate_needs_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["validate"])
    assert raised.value.code == 1


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_schema_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text("utf-8") == schema_text()


def test_schema_to_an_unwritable_place_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path / "no" / "such" / "dir.json")]) == 1
    assert capsys.readouterr().err.startswith("accord: error: cannot write ")


def test_new_scenario_is_valid_with_no_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.yaml"
    assert main(["new-scenario", str(path)]) == 0
    assert capsys.readouterr().out == f"wrote {path}; check it with: accord validate {path}\n"
    scenario, problems = check_scenario(path)
    assert scenario is not None and problems == []
    assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=")


def test_new_scenario_gives_the_networks_a_way_around_the_transit_state(tmp_path: Path) -> None:
    """The starting scenario promised displacement on a map with no way around any state, and
    `accord lessons` on it found none: its border town now has a mountain pass beside it."""
    from game.scenario.loader import load_scenario

    path = tmp_path / "mine.yaml"
    main(["new-scenario", str(path)])
    scenario = load_scenario(path)
    owner = {region.id: region.controlled_by for region in scenario.regions}
    neighbours = {region.id: set(region.neighbours) for region in scenario.regions}
    route = scenario.networks[0].routes[0].path
    transit = {owner[region] for region in route[1:-1]} - {owner[route[0]], owner[route[-1]], None}
    assert transit, "the route crosses a transit state"
    for state in transit:
        reachable, frontier = {route[0]}, [route[0]]
        while frontier:
            for nxt in neighbours[frontier.pop()] - reachable:
                if owner[nxt] != state:
                    reachable.add(nxt)
                    frontier.append(nxt)
        assert route[-1] in reachable, f"no way around {state}"


def test_new_scenario_names_the_shipped_schema_relative_to_itself(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    main(["new-scenario", str(path)])
    reference = path.read_text("utf-8").splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    shipped = Path(__file__).resolve().parents[2] / "scenarios" / "schema.json"
    assert (path.parent / reference).resolve() == shipped


def test_new_scenario_makes_the_teachers_scenarios_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first authoring command, run in a new folder, works as written."""
    monkeypatch.chdir(tmp_path)
    assert main(["new-scenario", "scenarios/my-class.yaml"]) == 0
    assert capsys.readouterr().out.startswith("wrote scenarios/my-class.yaml")
    scenario, problems = check_scenario(tmp_path / "scenarios" / "my-class.yaml")
    assert scenario is not None and problems == []


def test_new_scenario_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "taken.yaml", "keep me\n")
    assert main(["new-scenario", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"accord: error: {path} exists already; choose another name, or delete it first\n"
    )
    assert path.read_text("utf-8") == "keep me\n"


def test_brief_prints_the_public_briefing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINIMAL.replace("    brief: Keep your people safe.\n", "    brief: SECRET PLAN\n")
    path = write(tmp_path, "s.yaml", text)
    assert main(["brief", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Minimal\n=======\n")
    assert "4 rounds, each a year." in out
    assert "Village: 1 million people, held by South; neighbours: Port." in out
    assert "North: City; laws in force: Criminalization of trafficking; approval 60%." in out
    assert "SECRET PLAN" not in out and "The ring" not in out


def test_brief_of_a_broken_file_is_its_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(BROKEN / "unknown_law.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.endswith("error: states[1] (north).laws[0]: unknown law 'criminalisation'; did you mean "
                        "'criminalization'?\n")


def test_the_briefing_names_learning_objectives() -> None:
    from game.scenario.briefing import render_briefing

    text = MINIMAL.replace("rounds: 4\n", "rounds: 1\nround_label: month\nlearning_objectives: [See displacement.]\n")
    out = render_briefing(load_scenario_text(text))
    assert "1 round, each a month." in out
    assert "Learning objectives\n  - LO1: See displacement.\n" in out


def test_the_briefs_number_the_learning_objectives_as_the_quiz_names_them() -> None:
    """docs/teaching/assessment.md keys each quiz question to `LO1`, `LO2`...: the handouts say which is which."""
    from game.scenario.briefing import render_briefing, render_team_brief

    text = MINIMAL.replace("rounds: 4\n", "rounds: 4\nlearning_objectives: [See displacement., Weigh a deal.]\n")
    scenario = load_scenario_text(text)
    for out in (render_briefing(scenario, "md"), render_team_brief(scenario, scenario.states[0].id, "html")):
        assert "LO1: See displacement." in out and "LO2: Weigh a deal." in out


def test_validate_goes_on_after_an_unknown_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "ok.yaml", MINIMAL)
    assert main(["validate", "no-such-scenario-name", str(good)]) == 1
    captured = capsys.readouterr()
    assert "no-such-scenario-name" in captured.err
    assert captured.out == f"{good}: valid (0 warnings)\n"


def test_a_team_brief_holds_its_private_brief_and_objectives_and_nothing_of_the_others(
        capsys: pytest.CaptureFixture[str]) -> None:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario("tutorial"))
    mine = next(s for s in scenario.states if s.id == "meridia")
    for format in ("text", "md", "html"):
        assert main(["brief", "tutorial", "--team", "meridia", "--format", format]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert " ".join(mine.brief.split()[:12]) in out
        assert "For the team of Meridia only" in out
        for other in scenario.states:
            if other.id != "meridia":
                assert " ".join(other.brief.split()[:12]) not in out
    assert main(["brief", "tutorial", "--team", "meridia"]) == 0
    assert "Your objectives" in capsys.readouterr().out


def test_the_class_briefing_lists_organizations_laws_agreements_and_years(capsys: pytest.CaptureFixture[str]) -> None:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario("mekong"))
    assert main(["brief", "mekong", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert f"{scenario.rounds} rounds, each a {scenario.round_label}." in out
    for org in scenario.organizations:
        assert org.name in out
    for law in scenario.law_catalogue().values():
        assert f"- {law.name}:" in out
    for agreement in scenario.agreement_catalogue().values():
        assert f"- {agreement.name}:" in out
    for state in scenario.states:
        assert " ".join(state.brief.split()[:12]) not in " ".join(out.split())


def test_the_class_briefing_names_each_states_tier_at_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    """A declared tier is public (the TIP Report is published): the class reads where each state
    opens, as the dashboard later shows it."""
    assert main(["brief", "mekong"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "approval 55%; Tier 2 at the start." in out  # Thailand
    assert "Tier 2 Watch List at the start." in out and "Tier 3 at the start." in out
    assert main(["brief", "tutorial"]) == 0
    assert "at the start." not in capsys.readouterr().out, "no tier is invented where none is declared"


@pytest.mark.parametrize("team", [None, "thailand", "unodc"])
def test_the_briefings_name_states_organizations_and_regions_without_their_ids(
        team: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    """Students read 'Bangkok and the central plain (bangkok)' and 'UN Office on Drugs and Crime
    (Southeast Asia office) (unodc)': the ids are the files' and the commands', not the class's."""
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario("mekong"))
    assert main(["brief", "mekong", *(["--team", team] if team else [])]) == 0
    out = " ".join(capsys.readouterr().out.split())
    ids = [s.id for s in scenario.states] + [o.id for o in scenario.organizations] + [r.id for r in scenario.regions]
    assert not [i for i in ids if f"({i})" in out]


def test_the_html_brief_is_one_page_that_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.html"
    assert main(["brief", "tutorial", "--team", "korvia", "--format", "html", "-o", str(target)]) == 0
    html = target.read_text("utf-8")
    assert html.startswith("<!doctype html>") and "@media print" in html
    assert "<script" not in html and "http" not in html


def test_a_brief_for_an_unknown_team_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "tutorial", "--team", "narnia"]) == 1
    err = capsys.readouterr().err
    assert err == "accord: error: no team 'narnia' in tutorial; its teams are korvia, meridia, aldmark\n"


def test_catalogue_lists_every_built_in_law_and_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS

    assert main(["catalogue"]) == 0
    out = capsys.readouterr().out
    for entry_id, entry in [*BUILTIN_LAWS.items(), *BUILTIN_AGREEMENTS.items()]:
        assert f"{entry_id}: {entry.name}\n" in out
    assert "  political cost 2, upkeep 1 a round, in force 1 round after adoption, approval +2\n" in out
    assert "  every party must hold: criminalization\n  who may join: any state\n" in out


def test_catalogue_says_supply_chain_laws_lower_labour_demand_in_other_states_regions(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The engine lowers labour demand where a state other than the region's own holds the law
    (game/engine/laws.py `_trade_laws_abroad`; tests/engine/test_rules_laws.py): the catalogue said
    "Labour demand in the state's regions slowly falls", the opposite of what it does."""
    assert main(["catalogue"]) == 0
    out = capsys.readouterr().out
    entry = out.split("supply_chain_transparency: ", 1)[1].split("\n\n", 1)[0]
    assert "labour demand falls a little in other states' regions" in entry
    assert "the state's regions" not in entry


def test_catalogue_and_brief_say_a_convention_binds_those_that_accept_once_its_minimum_has(
        capsys: pytest.CaptureFixture[str]) -> None:
    """docs/model.md section 4: a bilateral agreement is in force once every party accepts, a
    convention is opt-in and binds those that accept once its minimum has; both texts said every
    party must accept."""
    from game.model.catalogue import BUILTIN_AGREEMENTS

    assert main(["catalogue"]) == 0
    out = capsys.readouterr().out
    assert "in force once every party accepts, except an opt-in\nconvention, which binds those that accept" in out
    for agreement_id, spec in BUILTIN_AGREEMENTS.items():
        entry = out.split(f"{agreement_id}: {spec.name}\n", 1)[1].split("\n\n", 1)[0]
        opt_in = f"  opt-in: in force among those that accept once {spec.min_parties} have"
        assert (opt_in in entry) == spec.opt_in, agreement_id
    assert main(["brief", "tutorial"]) == 0
    brief = " ".join(capsys.readouterr().out.split())
    assert "in force once every party accepts (a convention: among those that accept, once its minimum" in brief


def test_catalogue_of_a_scenario_marks_its_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINIMAL + (
        "laws:\n  - {id: criminalization, political_cost: 5, names: {north: Northern Penal Code}}\n"
        "agreements:\n  - {id: pact, name: The Pact, based_on: information_sharing, eligible: [south, north]}\n"
    )
    assert main(["catalogue", "--scenario", str(write(tmp_path, "s.yaml", text))]) == 0
    out = capsys.readouterr().out
    assert "criminalization: Criminalization of trafficking [changed by the scenario]\n  political cost 5," in out
    assert "  called in north: Northern Penal Code\n" in out
    assert "pact: The Pact [added by the scenario]\n  follows the rule of: information_sharing\n" in out
    assert "  who may join: south, north\n" in out


def test_catalogue_of_a_broken_scenario_is_its_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "--scenario", str(BROKEN / "unknown_law.yaml")]) == 1
    assert "unknown law 'criminalisation'" in capsys.readouterr().err


def test_the_class_briefing_in_html_draws_the_map_without_routes(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    assert main(["brief", "mekong", "--format", "html", "-o", str(target)]) == 0
    html = target.read_text("utf-8")
    assert html.count("<svg") == 1 and "Bangkok" in html.split("<svg", 1)[1]


@pytest.mark.parametrize("command", ["brief", "validate", "simulate", "lessons"])
def test_every_command_that_reads_a_scenario_says_it_takes_a_shipped_name(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "the name of a shipped one" in " ".join(capsys.readouterr().out.split())


def test_brief_reads_a_shipped_scenario_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "mekong"]) == 0
    assert "Myanmar" in capsys.readouterr().out


def test_brief_for_a_team_written_as_its_name_suggests_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "tutorial", "--team", "Meridia"]) != 0
    assert capsys.readouterr().err == (
        "accord: error: no team 'Meridia' in tutorial (did you mean 'meridia'?); its teams are korvia, meridia, "
        "aldmark\n")


def test_new_scenario_says_how_corruption_weighs_on_enforcement(tmp_path: Path) -> None:
    """'divides the effect' read as if 0.3 divided it by 0.3; the rule is a share of (1 - corruption)."""
    path = tmp_path / "mine.yaml"
    assert main(["new-scenario", str(path)]) == 0
    line = next(line for line in path.read_text("utf-8").splitlines() if line.strip().startswith("corruption: 0.3"))
    assert "(1 - corruption)" in line and "divides" not in line
