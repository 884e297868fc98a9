"""Random streams derived from (seed, round, purpose), so that no draw depends on another's order.

A draw for detection in round 3 is the same whatever the players did with shocks or estimates,
which keeps the counterfactual run comparable and the saves replayable.
"""

import _random
import hashlib
import math
import random


def stream(seed: int, round_no: int, purpose: str) -> random.Random:
    digest = hashlib.blake2b(f"{seed}|{round_no}|{purpose}".encode(), digest_size=8).digest()
    # what `random.Random(n)` does for an int n, without its two Python-level calls: a round makes
    # about twenty streams, and seeding was a tenth of a small round
    rng = random.Random.__new__(random.Random)
    _random.Random.seed(rng, int.from_bytes(digest, "big"))
    rng.gauss_next = None  # type: ignore[attr-defined]  # set by Random.seed; not in typeshed
    return rng


def stochastic_round(value: float, rng: random.Random) -> int:
    """Round to a whole person without bias: 2.3 becomes 3 three times in ten."""
    if value <= 0.0:
        return 0
    whole = math.floor(value)
    return whole + (1 if rng.random() < value - whole else 0)
