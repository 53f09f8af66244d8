"""Timing a command as a whole process, for the drivers that compare unvote-tui with a peer
(`cli_vs_pandas.py`, `cli_vs_sqlite.py`): wall time around each run, and the child's own peak
memory (ru_maxrss from os.wait4)."""
import os
import statistics
import sys
import time


def measure(argv, runs):
    """Wall times (s) and peak RSS (MiB) of `runs` runs of `argv`, its output discarded."""
    walls, rss = [], []
    for _ in range(runs):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.execv(argv[0], argv)
        _, status, usage = os.wait4(pid, 0)
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
        rss.append(usage.ru_maxrss / 1024)
    return walls, rss


def report(name, walls, rss):
    """Prints the median, min and max wall time and the median peak RSS; returns the medians
    (ms, MiB)."""
    med = statistics.median(walls) * 1000
    print(f"{name:<52} median {med:7.1f} ms  (min {min(walls)*1000:.1f}, max {max(walls)*1000:.1f}, "
          f"n={len(walls)})  peak RSS {statistics.median(rss):5.1f} MiB")
    return med, statistics.median(rss)
