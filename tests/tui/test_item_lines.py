"""Lists of 'name figure' items (the dashboard's Trust line) break between items, never inside one:
a wrapped Trust line put 'Netherlands' at the end of one line and its '0.50' at the start of the next."""

from game.tui.text import item_lines


def test_items_break_between_items_within_the_width() -> None:
    items = [f"{name} 0.50" for name in ("Austria", "Germany", "Hungary", "Italy", "Netherlands", "Ukraine")]
    lines = item_lines("[b]Trust[/] (0 to 1, from their record with you): ", items, width=78)
    assert lines == ["[b]Trust[/] (0 to 1, from their record with you): Austria 0.50 · Germany 0.50",
                     "  Hungary 0.50 · Italy 0.50 · Netherlands 0.50 · Ukraine 0.50"]
    assert all(len(line.replace("[b]", "").replace("[/]", "")) <= 78 for line in lines)


def test_a_short_list_stays_on_the_heads_line_and_markup_in_an_item_is_escaped() -> None:
    assert item_lines("Trust: ", ["A 0.5", "[b]x 0.4"]) == ["Trust: A 0.5 · \\[b]x 0.4"]


def test_an_item_longer_than_a_line_stands_alone() -> None:
    long = "x" * 90
    assert item_lines("Head: ", ["a 1", long, "b 2"], width=40) == ["Head: a 1", "  " + long, "  b 2"]
