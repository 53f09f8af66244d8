#!/usr/bin/env python3
"""End-to-end benchmarks against pandas, measured in one run on one machine:

1. `unvote-tui resolution ES-11/6 --json` against the same answer computed by pandas from the
   canonical votes file;
2. `unvote-tui align USA --from 2000 --to 2025 --json` (the State Department method: every
   state's same/opposite/partial/absent against the US on the final votes, ranked) against the
   same ranking computed by pandas from the canonical votes and resolutions files (with `extra/`,
   as the bundled data has them). The two rankings are checked to agree, state by state.

Each command runs as a child process; wall time is measured around it and its peak memory is
the child's own ru_maxrss from os.wait4. Reports the median and min/max of wall time and the
median peak RSS, then the ratios.

Usage: cargo build --release && python3 benches/cli_vs_pandas.py [--runs N] [--pandas-runs N]
Needs pandas for the peer (pip install pandas).
"""
import argparse
import sys
from pathlib import Path

from whole_process import measure, report

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/unvote-tui"
SOURCE = ROOT / "data/source"
VOTES = SOURCE / "unga_votes.csv.gz"
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
PANDAS_ALIGN = f"""
import json, pandas as pd
read = lambda p, cols: pd.read_csv(p, dtype=str, keep_default_na=False, usecols=cols)
vcols = ["vote_id", "date", "iso3", "country", "vote"]
rcols = ["vote_id", "whole_resolution", "amendment", "paragraph"]
v = pd.concat([read({str(VOTES)!r}, vcols), read({str(SOURCE / "extra/extra_votes.csv")!r}, vcols)])
r = pd.concat([read({str(SOURCE / "unga_resolutions.csv.gz")!r}, rcols),
               read({str(SOURCE / "extra/extra_resolutions.csv")!r}, rcols)])
final = r[(r.whole_resolution == "1") | ((r.whole_resolution == "") & (r.amendment != "1")
          & (r.paragraph != "1"))].vote_id
v = v[(v.date >= "2000-01-01") & (v.date <= "2025-12-31") & v.vote_id.isin(final)]
us = v[v.iso3 == "USA"][["vote_id", "vote"]].rename(columns={{"vote": "us"}})
m = v[v.iso3 != "USA"].merge(us, on="vote_id")
absent = (m.vote == "X") | (m.us == "X")
same = (m.vote == m.us) & ~absent
opposite = ((m.vote == "Y") & (m.us == "N")) | ((m.vote == "N") & (m.us == "Y"))
m = m.assign(same=same, opposite=opposite, partial=~same & ~opposite & ~absent, absent=absent)
g = m.groupby(["iso3", "country"])[["same", "opposite", "partial", "absent"]].sum()
g["percent"] = 100 * (g.same + 0.5 * (g.partial + g.absent)) / g.sum(axis=1)
g = g.sort_values("percent", ascending=False).reset_index()
rows = [{{"code": c, "name": n, "same": int(s), "opposite": int(o), "partial": int(p),
          "absent": int(a), "percent": float(x)}} for c, n, s, o, p, a, x in g.itertuples(index=False)]
print(json.dumps({{"pivot": "USA", "method": "state-dept", "from": "2000-01-01", "to": "2025-12-31",
                  "votes": int(us.vote_id.nunique()), "rows": rows}}))
"""


def output(argv):
    """The standard output of one run."""
    import subprocess
    return subprocess.run(argv, check=True, capture_output=True).stdout


def same_ranking(ours, peer):
    """Whether both rankings give every state the same counts; returns a description."""
    import json
    a, b = json.loads(ours), json.loads(peer)
    key = lambda r: (r["same"], r["opposite"], r["partial"], r["absent"])
    pa, pb = {r["code"]: key(r) for r in a["rows"]}, {r["code"]: key(r) for r in b["rows"]}
    differ = [c for c in pa if pa.get(c) != pb.get(c)] + [c for c in pb if c not in pa]
    return f"{len(pa)} states, votes {a['votes']} vs {b['votes']}, differing: {differ or 'none'}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--pandas-runs", type=int, default=5)
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    pairs = [
        ("unvote-tui resolution ES-11/6 --json", [str(BIN), "resolution", "ES-11/6", "--json"],
         "pandas read_csv(unga_votes.csv.gz) + filter", [sys.executable, "-c", PANDAS]),
        ("unvote-tui align USA --from 2000 --to 2025 --json",
         [str(BIN), "align", "USA", "--from", "2000", "--to", "2025", "--json"],
         "pandas: the same ranking from the CSVs", [sys.executable, "-c", PANDAS_ALIGN]),
    ]
    print("check:", same_ranking(output(pairs[1][1]), output(pairs[1][3])))
    for name, ours, peer_name, peer in pairs:
        measure(ours, 3)  # warm the page cache
        w1, r1 = measure(ours, args.runs)
        w2, r2 = measure(peer, args.pandas_runs)
        t1, m1 = report(name, w1, r1)
        t2, m2 = report(peer_name, w2, r2)
        print(f"ratio: unvote-tui is {t2 / t1:.0f}x faster and uses {m2 / m1:.0f}x less memory\n")


if __name__ == "__main__":
    main()
