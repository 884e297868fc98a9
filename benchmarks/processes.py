"""Stopping a host the benchmarks started: by its own pid, asked first, killed if it will not go."""

import subprocess


def stop(process: "subprocess.Popen[bytes] | subprocess.Popen[str]", signal_number: int, grace: float) -> None:
    """Send `signal_number` and wait `grace` seconds for the process to end; then kill it and reap it,
    so that a benchmark never leaves a host behind holding a port."""
    process.send_signal(signal_number)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
