#!/usr/bin/env python3
"""Whole-process benchmarks against the `sqlite3` command line over the same canonical CSVs,
measured in one run on one machine:

1. `unvote-tui resolution ES-11/6 --json` against `sqlite3 -json` selecting the same roll call's
   votes from an indexed database;
2. `unvote-tui align USA --from 2000 --to 2025 --json` (the State Department method over the
   final votes) against the same ranking computed in SQL. The two rankings are checked to agree,
   state by state.

The driver builds the database itself from `data/source/` (the canonical votes and resolutions,
with `extra/`; final votes are those of `kind` resolution without a `quality` flag, as in the
tool), once, into `target/bench-sqlite/unga.db`, with an index on the votes' symbol and
one on their roll-call id; it installs `sqlite3` with the system package manager when missing.
Each command runs as a child process; wall time is measured around it and its peak memory is
the child's own ru_maxrss (os.wait4). Reports medians, min/max, and the ratios.

Usage: cargo build --release && python3 benches/cli_vs_sqlite.py [--runs N]
"""
import argparse
import csv
import gzip
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from whole_process import measure, report

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/unvote-tui"
SOURCE = ROOT / "data/source"
DB = ROOT / "target/bench-sqlite/unga.db"

ALIGN_SQL = """
WITH final AS (
  SELECT vote_id FROM resolutions WHERE kind = 'resolution' AND quality = ''
),
v AS (
  SELECT votes.vote_id, iso3, country, vote FROM votes JOIN final USING (vote_id)
  WHERE date BETWEEN '2000-01-01' AND '2025-12-31'
),
us AS (SELECT vote_id, vote AS us FROM v WHERE iso3 = 'USA'),
m AS (
  SELECT iso3, country, vote, us, (vote = 'X' OR us = 'X') AS absent
  FROM v JOIN us USING (vote_id) WHERE iso3 <> 'USA'
),
g AS (
  SELECT iso3 AS code, country AS name,
    SUM(vote = us AND NOT absent) AS same,
    SUM((vote = 'Y' AND us = 'N') OR (vote = 'N' AND us = 'Y')) AS opposite,
    SUM(NOT absent AND vote <> us AND NOT ((vote = 'Y' AND us = 'N') OR (vote = 'N' AND us = 'Y'))) AS partial,
    SUM(absent) AS absent
  FROM m GROUP BY iso3, country
)
SELECT code, name, same, opposite, partial, absent,
  100.0 * (same + 0.5 * (partial + absent)) / (same + opposite + partial + absent) AS percent
FROM g ORDER BY percent DESC;
"""

RESOLUTION_SQL = (
    "SELECT iso3 AS code, country AS name, vote FROM votes "
    "WHERE resolution = 'A/RES/ES-11/6' ORDER BY country;"
)


def ensure_sqlite3():
    if shutil.which("sqlite3"):
        return shutil.which("sqlite3")
    for cmd in (["apt-get", "install", "-y", "sqlite3"], ["dnf", "install", "-y", "sqlite"],
                ["apk", "add", "sqlite"], ["brew", "install", "sqlite"]):
        if shutil.which(cmd[0]):
            if cmd[0] == "apt-get":
                subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(cmd, check=False)
            if shutil.which("sqlite3"):
                return shutil.which("sqlite3")
    sys.exit("sqlite3 is not installed and could not be installed")


def rows(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def build_db():
    """The canonical CSVs into an indexed database, rebuilt when a source is newer."""
    sources = [SOURCE / "unga_votes.csv.gz", SOURCE / "extra/extra_votes.csv",
               SOURCE / "unga_resolutions.csv.gz", SOURCE / "extra/extra_resolutions.csv"]
    newest = max(p.stat().st_mtime for p in sources)
    if DB.exists() and DB.stat().st_mtime > newest:
        return
    DB.parent.mkdir(parents=True, exist_ok=True)
    tmp = DB.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.execute("CREATE TABLE votes (vote_id TEXT, resolution TEXT, date TEXT, session TEXT, "
                "iso3 TEXT, country TEXT, vote TEXT)")
    con.execute("CREATE TABLE resolutions (vote_id TEXT PRIMARY KEY, kind TEXT, quality TEXT)")
    vcols = ["vote_id", "resolution", "date", "session", "iso3", "country", "vote"]
    rcols = ["vote_id", "kind", "quality"]
    for p in sources[:2]:
        con.executemany("INSERT INTO votes VALUES (?,?,?,?,?,?,?)",
                        ([r.get(c, "") for c in vcols] for r in rows(p)))
    for p in sources[2:]:
        con.executemany("INSERT OR REPLACE INTO resolutions VALUES (?,?,?)",
                        ([r.get(c, "") for c in rcols] for r in rows(p)))
    con.execute("CREATE INDEX votes_resolution ON votes (resolution)")
    con.execute("CREATE INDEX votes_vote_id ON votes (vote_id)")
    con.commit()
    con.close()
    tmp.rename(DB)


def check(sqlite):
    """Both tools give the same answers: the ES-11/6 roll and the ranking's counts."""
    ours = json.loads(subprocess.run([str(BIN), "resolution", "ES-11/6", "--json"], check=True,
                                     capture_output=True).stdout)
    peer = json.loads(subprocess.run([sqlite, "-json", str(DB), RESOLUTION_SQL], check=True,
                                     capture_output=True).stdout)
    theirs = sorted((v["code"], v["vote"]) for v in peer)
    codes = {"yes": "Y", "no": "N", "abstain": "A", "non_voting": "X"}
    mine = sorted((v["code"], codes[v["vote"]]) for v in ours["votes"])
    print(f"check resolution: {len(mine)} votes, identical: {mine == theirs}")
    a = json.loads(subprocess.run([str(BIN), "align", "USA", "--from", "2000", "--to", "2025",
                                   "--json"], check=True, capture_output=True).stdout)
    b = json.loads(subprocess.run([sqlite, "-json", str(DB), ALIGN_SQL], check=True,
                                  capture_output=True).stdout)
    key = lambda r: (r["same"], r["opposite"], r["partial"], r["absent"])
    pa, pb = {r["code"]: key(r) for r in a["rows"]}, {r["code"]: key(r) for r in b}
    differ = [c for c in pa if pa.get(c) != pb.get(c)] + [c for c in pb if c not in pa]
    print(f"check ranking: {len(pa)} states, differing: {differ or 'none'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    sqlite = ensure_sqlite3()
    build_db()
    check(sqlite)
    pairs = [
        ("unvote-tui resolution ES-11/6 --json", [str(BIN), "resolution", "ES-11/6", "--json"],
         "sqlite3 -json: the same roll (indexed)", [sqlite, "-json", str(DB), RESOLUTION_SQL]),
        ("unvote-tui align USA --from 2000 --to 2025 --json",
         [str(BIN), "align", "USA", "--from", "2000", "--to", "2025", "--json"],
         "sqlite3 -json: the same ranking in SQL", [sqlite, "-json", str(DB), ALIGN_SQL]),
    ]
    for name, ours, peer_name, peer in pairs:
        measure(ours, 3)
        measure(peer, 3)
        w1, r1 = measure(ours, args.runs)
        w2, r2 = measure(peer, args.runs)
        t1, m1 = report(name, w1, r1)
        t2, m2 = report(peer_name, w2, r2)
        print(f"ratio: unvote-tui / sqlite3 = {t1 / t2:.2f} in time, {m1 / m2:.2f} in memory\n")


if __name__ == "__main__":
    main()
