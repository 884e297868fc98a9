"""The sweep's variants come from the Parameters model: half and double, within each field's bounds."""

import pytest

from game.analysis.runner import Override
from game.analysis.sweep import choose, numeric_parameters, sweep
from game.errors import AccordError
from game.model.parameters import Parameters


def test_every_numeric_parameter_of_the_model_is_swept_and_flags_are_not() -> None:
    parameters = Parameters()
    names = numeric_parameters(parameters)
    assert "identify_shared" in names and "initial_stock" not in names
    assert len(names) == len([n for n, v in parameters.model_dump().items() if not isinstance(v, bool)])


def test_a_parameter_is_halved_and_doubled() -> None:
    result = sweep(Parameters(identify_shared=0.02), ["identify_shared"])
    assert result.overrides == [Override("identify_shared", 0.01), Override("identify_shared", 0.04)]
    assert result.parameters == ["identify_shared"] and result.capped == []


def test_a_fraction_is_capped_at_one_and_says_so() -> None:
    result = sweep(Parameters(displacement_share=0.9), ["displacement_share"])
    assert result.overrides == [Override("displacement_share", 0.45), Override("displacement_share", 1.0)]
    assert result.capped == [Override("displacement_share", 1.0)]


def test_a_whole_number_is_rounded_and_held_within_its_bounds() -> None:
    result = sweep(Parameters(breaches_to_lapse=6, proposal_rounds=1), ["breaches_to_lapse", "proposal_rounds"])
    assert result.overrides == [Override("breaches_to_lapse", 3), Override("breaches_to_lapse", 10),
                                Override("proposal_rounds", 2)]
    assert result.capped == [Override("breaches_to_lapse", 10)], "6 doubled is held at the maximum, 10"


def test_a_parameter_at_zero_has_no_variant_and_the_reason_is_given() -> None:
    result = sweep(Parameters(identify_shared=0.0), ["identify_shared"])
    assert result.overrides == [] and result.parameters == []
    assert result.left_out == {"identify_shared": "0 halved or doubled is 0"}


def test_choosing_parameters_by_name() -> None:
    parameters = Parameters()
    assert choose(parameters, None) == numeric_parameters(parameters)
    assert choose(parameters, "escape_rate, identify_shared,escape_rate") == ["escape_rate", "identify_shared"]
    assert choose(parameters, "none") == []
    with pytest.raises(AccordError, match="'escape' is no such parameter"):
        choose(parameters, "escape")
    with pytest.raises(AccordError, match="'initial_stock' is not a numeric parameter"):
        choose(parameters, "initial_stock")
    with pytest.raises(AccordError, match="expected parameter names"):
        choose(parameters, ", ,")
