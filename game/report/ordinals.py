"""Ordinal numbers in words a table reads ('1st', '2nd', '11th', '21st'): the seat ranking and the
budget tab's misses in a row both say them."""


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
