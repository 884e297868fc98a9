"""Accord's benchmarks: `python -m benchmarks [--quick] [--json]`.

Each figure is printed with a floor measured in the same run (machines are shared and noisy, so a
figure alone says little), their ratio, and whether it meets its target. A missed
target is reported, not an error: this is a measurement, and it exits 0 either way.
"""
