"""What a round is called: "2017" where a scenario gives a start year, else "year 3".

A class reads the calendar ("the 2017 resolution"), not the game's counter; the counter stays in
the heading ("2017, year 3 of 10") so that the length of the game is never hidden.
"""


def round_name(label: str, number: int, start_year: int | None = None) -> str:
    """`2017` (a start year and rounds of a year), else `year 3`."""
    if start_year is not None and label == "year":
        return str(start_year + number - 1)
    return f"{label} {number}"


def round_tick(label: str, number: int, start_year: int | None = None) -> str:
    """A round on a chart's axis, whose title names the label: `2017` where a scenario gives a start
    year, else `3`."""
    if start_year is not None and label == "year":
        return str(start_year + number - 1)
    return str(number)


def round_heading(label: str, number: int, total: int, start_year: int | None = None) -> str:
    """`2017, year 3 of 10`, else `Year 3 of 10`, for the top of a screen or a report."""
    counter = f"{label} {number} of {total}"
    if start_year is not None and label == "year":
        return f"{round_name(label, number, start_year)}, {counter}"
    return counter[0].upper() + counter[1:]


def round_short(label: str, number: int, total: int, start_year: int | None = None) -> str:
    """`2017 (year 3/10)`, else `Year 3/10`, for a crowded header line."""
    counter = f"{label} {number}/{total}"
    if start_year is not None and label == "year":
        return f"{round_name(label, number, start_year)} ({counter})"
    return counter[0].upper() + counter[1:]
