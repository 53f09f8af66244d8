#!/usr/bin/env python3
"""Scores resolution search against the judged query set in tests/fixtures/judged_queries.json:
nDCG@10 per query and the mean, by running `BINARY search QUERY --json --limit 10` for each
query, graded as judged (every roll call that matches the query's `match_all_words` at least 1),
(BINARY defaults to target/release/unvote-tui; extra arguments are passed before `search`,
e.g. `--data data/unga.json` to run an older binary on the current data). Standard library only.

    python3 scripts/relevance.py [BINARY] [ARGS...]
"""
import json
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "tests/fixtures/judged_queries.json"
DATASET = ROOT / "data/unga.json"


def matches_all(rc, words):
    """Every element of `words` matches (alternatives split by `|`), as a whole word or phrase,
    case-insensitive, in the title, description and subjects."""
    text = " ".join([rc.get("title", ""), rc.get("description", ""), " ".join(rc.get("subjects", []))])
    return all(any(re.search(r"(?<![\w])" + re.escape(alt) + r"(?![\w])", text, re.I)
                   for alt in element.split("|")) for element in words)


def grades(query, roll_calls):
    """The judged grades, with every roll call that matches `match_all_words` at least 1."""
    out = dict(query["relevant"])
    if query["match_all_words"]:
        for rc in roll_calls:
            if rc["id"] not in out and matches_all(rc, query["match_all_words"]):
                out[rc["id"]] = 1
    return out


def ndcg(ranked, relevant, k=10):
    dcg = sum((2 ** relevant.get(v, 0) - 1) / math.log2(i + 2) for i, v in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/unvote-tui")
    extra = sys.argv[2:]
    queries = json.loads(JUDGED.read_text(encoding="utf-8"))
    roll_calls = json.loads(DATASET.read_text(encoding="utf-8"))["roll_calls"]
    scores = []
    for q in queries:
        out = subprocess.run([binary, *extra, "search", q["query"], "--json", "--limit", "10"],
                             capture_output=True, text=True, check=True).stdout
        doc = json.loads(out)
        ranked = [r["id"] for r in doc["results"]]
        s = ndcg(ranked, grades(q, roll_calls))
        scores.append(s)
        print(f"{s:6.3f}  {doc['total']:5d} results  {q['query']}")
    print(f"mean nDCG@10 over {len(scores)} queries: {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
