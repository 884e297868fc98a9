"""Random streams derived from (seed, round, purpose), so that no draw depends on another's order.

A draw for detection in round 3 is the same whatever the players did with shocks or estimates,
which keeps the counterfactual run comparable and the saves replayable.
"""

import hashlib
import math
import random


def stream(seed: int, round_no: int, purpose: str) -> random.Random:
    digest = hashlib.blake2b(f"{seed}|{round_no}|{purpose}".encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def stochastic_round(value: float, rng: random.Random) -> int:
    """Round to a whole person without bias: 2.3 becomes 3 three times in ten."""
    if value <= 0.0:
        return 0
    whole = math.floor(value)
    return whole + (1 if rng.random() < value - whole else 0)
