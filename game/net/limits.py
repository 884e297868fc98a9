"""Rate limits: a token bucket per key (a code, or an address for requests without a valid code).

A team's screen makes a few requests a second at most (a view, a verdict as a field is typed); a
bucket of `burst` tokens refilled at `rate` a second lets that through and answers a flood with 429
at once, without touching the game, so the other teams do not notice it. The number of keys is
bounded, so that a flood of made-up codes or addresses cannot grow the host's memory.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    def __init__(self, rate: float, burst: float, *, max_keys: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, Bucket] = OrderedDict()

    def allow(self, key: str, cost: float = 1.0) -> bool:
        """Take `cost` tokens from `key`'s bucket: False (and nothing taken) if it has too few."""
        bucket = self._refilled(key)
        if bucket.tokens < cost:
            return False
        bucket.tokens -= cost
        return True

    def available(self, key: str, cost: float = 1.0) -> bool:
        """Whether `key` could spend `cost` now (nothing is taken)."""
        return self._refilled(key).tokens >= cost

    def _refilled(self, key: str) -> Bucket:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(self.burst, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
        return bucket

    def retry_after(self, key: str, cost: float = 1.0) -> float:
        """Seconds until `key` may spend `cost` again."""
        bucket = self._buckets.get(key)
        if bucket is None or bucket.tokens >= cost:
            return 0.0
        return (cost - bucket.tokens) / self.rate
