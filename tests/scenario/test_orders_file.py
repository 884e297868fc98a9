"""An orders file's numbers are finite: YAML 1.2 reads 1e999 as infinity, which no order may carry."""

from pathlib import Path

import pytest

from game.scenario.orders_file import OrdersError, load_orders


def test_an_infinite_amount_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "orders.yaml"
    path.write_text("1:\n  - {type: allocate, state: korvia, budget: {enforcement: 1e999}}\n", "utf-8")
    with pytest.raises(OrdersError) as raised:
        load_orders(path, rounds=6, states=["korvia"])
    assert raised.value.lines() == [f"{path}:2:59: error: [1][0].budget.enforcement: should be a finite number"]


def test_a_finite_order_is_read(tmp_path: Path) -> None:
    path = tmp_path / "orders.yaml"
    path.write_text("1:\n  - {type: allocate, state: korvia, budget: {enforcement: 1e1}}\n", "utf-8")
    placed = load_orders(path, rounds=6, states=["korvia"])
    assert placed[1][0].action.budget == {"enforcement": 10.0}  # type: ignore[union-attr]
