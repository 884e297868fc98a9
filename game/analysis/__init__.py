"""Analysis over whole games: fixed strategies played on a scenario, the lessons measured from
their outcomes, and a sweep of the model's parameters (`accord lessons`).

Built on the session's engine-only play (`game.session.simulation.play_out`) and the AI driver; it
reads the model through the engine's public API (views, legal actions, scores), never its internals,
so it keeps working when the model gains parameters, agreement kinds or rules.
"""
