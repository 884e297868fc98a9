"""A game in progress and its saves: seats, the log, autosave, load, verify, replay and branch.

The only layer that writes under `saves/`. Its public face:

    Session.new(scenario, seed, seats, saves_dir)   Session.load(path)
    session.submit(action, by=state_id)   session.resolve()   session.annotate(round, text)
    Replay(path_or_session).seek(round, phase)   Replay(...).branch(round)
    verify(path)
"""
