#!/usr/bin/env python3
"""End-to-end benchmark: `unvote-tui resolution ES-11/6 --json` against the same answer computed
by pandas from the canonical votes file, measured in one run on one machine.

Each command runs as a child process; wall time is measured around it and its peak memory is
the child's own ru_maxrss from os.wait4. Reports the median and min/max of wall time and the
median peak RSS, then the ratios.

Usage: cargo build --release && python3 benches/cli_vs_pandas.py [--runs N] [--pandas-runs N]
Needs pandas for the peer (pip install pandas).
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/unvote-tui"
VOTES = ROOT / "data/source/unga_votes.csv.gz"
PANDAS = f"""
import json, pandas as pd
df = pd.read_csv({str(VOTES)!r}, dtype=str, keep_default_na=False)
rows = df[df.resolution == "A/RES/ES-11/6"]
tally = rows.vote.value_counts().to_dict()
out = {{"symbol": "A/RES/ES-11/6", "date": rows.date.iloc[0], "session": rows.session.iloc[0],
       "tally": {{"yes": tally.get("Y", 0), "no": tally.get("N", 0), "abstain": tally.get("A", 0),
                 "non_voting": tally.get("X", 0)}},
       "votes": [{{"code": c, "name": n, "vote": v}} for c, n, v in zip(rows.iso3, rows.country, rows.vote)]}}
print(json.dumps(out))
"""


def measure_exact(argv, runs):
    """Like measure, but reaps the child with os.wait4 to read its own peak RSS."""
    walls, rss, out = [], [], b""
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
    med = statistics.median(walls) * 1000
    print(f"{name:<48} median {med:8.1f} ms  (min {min(walls)*1000:.1f}, max {max(walls)*1000:.1f}, "
          f"n={len(walls)})  peak RSS median {statistics.median(rss):6.1f} MiB")
    return med, statistics.median(rss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--pandas-runs", type=int, default=5)
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    ours = [str(BIN), "resolution", "ES-11/6", "--json"]
    peer = [sys.executable, "-c", PANDAS]
    measure_exact(ours, 3)  # warm the page cache
    w1, r1 = measure_exact(ours, args.runs)
    w2, r2 = measure_exact(peer, args.pandas_runs)
    t1, m1 = report("unvote-tui resolution ES-11/6 --json", w1, r1)
    t2, m2 = report("pandas read_csv(unga_votes.csv.gz) + filter", w2, r2)
    print(f"ratio: unvote-tui is {t2 / t1:.0f}x faster and uses {m2 / m1:.0f}x less memory")


if __name__ == "__main__":
    main()
