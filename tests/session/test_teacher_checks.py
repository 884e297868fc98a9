"""What a teacher does with the debrief files, done as docs/teaching says, through the `accord`
command: the gradebooks of two different games stack into one table (the same header, the columns
docs/teaching/gradebook.md lists, numbers where it says number), and "what your choices did" equals
the difference with a game run by hand (an orders file) without one team's orders."""

import csv
import json
import re
from pathlib import Path

import pytest

from game.cli import main

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "teaching" / "gradebook.md"


def documented_columns() -> dict[str, str]:
    """The gradebook's columns and their types, as the teacher's page lists them."""
    rows = re.findall(r"^\| `(\w+)` \| (text|number) \|", GUIDE.read_text("utf-8"), flags=re.MULTILINE)
    return dict(rows)


def gradebook(save: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = save.with_suffix(".csv")
    assert main(["report", str(save), "--format", "gradebook", "-o", str(target)]) == 0
    capsys.readouterr()
    return target


def test_the_gradebooks_of_two_games_import_into_one_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tutorial, mekong = tmp_path / "tutorial.json", tmp_path / "mekong.json"
    assert main(["simulate", "tutorial", "--rounds", "3", "--ai", "mixed", "--save", str(tutorial)]) == 0
    assert main(["simulate", "mekong", "--rounds", "2", "--ai", "free_rider", "--seed", "4",
                 "--save", str(mekong)]) == 0
    capsys.readouterr()
    headers, table = [], []
    for save in (tutorial, mekong):
        with gradebook(save, capsys).open(newline="", encoding="utf-8") as file:
            reader = csv.DictReader(file)
            rows = list(reader)
            headers.append(reader.fieldnames)
            table += rows
    assert headers[0] == headers[1], "two games, one header: the files stack"
    columns = documented_columns()
    assert headers[0] == list(columns), "the columns are those docs/teaching/gradebook.md lists, in its order"
    assert {row["scenario"] for row in table} == {"tutorial", "mekong"}
    numeric = [name for name, kind in columns.items() if kind == "number"]
    for row in table:
        for name in numeric:
            cell = row[name]
            assert cell == "" or re.fullmatch(r"-?\d+(\.\d+)?", cell), f"{row['team_id']}.{name} = {cell!r}"
        if row["team_kind"] == "state":
            assert all(row[name] != "" for name in numeric), f"a state in a finished game has every figure: {row}"
    assert sum(float(row["final_score"]) for row in table) > 0


SCRIPT = GUIDE.parent / "debrief-script.md"


def worked_example() -> tuple[str, str]:
    """The orders file and the text of the debrief script's section on checking by hand."""
    section = SCRIPT.read_text("utf-8").split('## Checking "what your choices did" yourself', 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert found is not None, "the section shows its orders file"
    return found.group(1), section


def test_what_a_teams_choices_did_is_the_game_run_by_hand_without_its_orders(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The teacher's check (docs/teaching/debrief-script.md, with its orders and its figures): the same
    orders without Korvia's lines, run by `accord simulate`, differ from the game by what the
    gradebook says Korvia's choices did."""
    orders, section = worked_example()
    played, without = tmp_path / "all.yaml", tmp_path / "without-korvia.yaml"
    played.write_text(orders, "utf-8")
    without.write_text("".join(line for line in orders.splitlines(keepends=True) if "state: korvia" not in line),
                       "utf-8")
    save = tmp_path / "game.json"
    assert main(["simulate", "tutorial", "--rounds", "4", "--orders", str(played), "--save", str(save)]) == 0
    capsys.readouterr()
    runs = {}
    for name, orders in (("played", played), ("without", without)):
        assert main(["simulate", "tutorial", "--rounds", "4", "--orders", str(orders), "--json"]) == 0
        runs[name] = json.loads(capsys.readouterr().out)

    def victim_years(run: dict[str, object], states: list[str]) -> float:
        rounds = run["rounds"]
        assert isinstance(rounds, list)
        return sum(r["states"][s]["victims_exploited"] for r in rounds for s in states)

    with gradebook(save, capsys).open(newline="", encoding="utf-8") as file:
        korvia = next(row for row in csv.DictReader(file) if row["team_id"] == "korvia")
    everyone = ["korvia", "meridia", "aldmark"]
    assert float(korvia["harm_averted_home"]) == victim_years(runs["without"], ["korvia"]) - victim_years(
        runs["played"], ["korvia"])
    assert float(korvia["harm_averted_neighbours"]) == victim_years(runs["without"], ["meridia"]) - victim_years(
        runs["played"], ["meridia"])
    table = victim_years(runs["without"], everyone) - victim_years(runs["played"], everyone)
    assert float(korvia["harm_averted_table"]) == table
    assert table != 0, "Korvia's orders changed something: the check is not of nothing"
    home = victim_years(runs["without"], ["korvia"]) - victim_years(runs["played"], ["korvia"])
    for figure in (f"= {table:,.0f} victim-years", f"= {home:,.0f}, which"):
        assert figure in section, f"the worked example's figures are this program's ({figure}): update the script"
