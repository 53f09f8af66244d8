#!/usr/bin/env python3
"""Writes tests/fixtures/undl_2024.csv and undl_2025.csv: real rows of the bundled sources
(data/source/) laid out as the UN Digital Library "General Assembly Voting Data" CSV in its 2024
and 2025/2026 layouts, for the importer's tests. Standard library only.

Rows are the member-state votes of four recorded votes (A/RES/ES-11/1, ES-11/6, 68/262 and
ES-10/21) exactly as data/source/unga_votes.csv.gz has them; names are the UN's upper-case
spellings from countries.csv (un_name); totals are the source's stated totals.
"""
import csv
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "data/source"
OUT = ROOT / "tests/fixtures"
WANTED = ["A/RES/ES-11/1", "A/RES/ES-11/6", "A/RES/68/262", "A/RES/ES-10/21"]
# Stand-in record ids: the sources here do not carry the Library's undl_id for these votes.
UNDL_ID = {s: str(900001 + i) for i, s in enumerate(WANTED)}

H2024 = ["undl_id", "ms_codes", "ms_names", "ms_votes", "resolutions", "title", "modality", "draft",
         "committee_report", "meeting", "agenda_titles", "subjects", "date", "yes", "no",
         "abstentions", "non-voting", "total-voting", "undl_link"]
H2025 = ["undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
         "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
         "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link"]


def main():
    names = {r["iso3"]: r["un_name"] or r["name"].upper()
             for r in csv.DictReader(open(SRC / "countries.csv", encoding="utf-8"))}
    with gzip.open(SRC / "unga_resolutions.csv.gz", "rt", encoding="utf-8") as f:
        rolls = {r["resolution"]: r for r in csv.DictReader(f)
                 if r["resolution"] in WANTED and r["whole_resolution"] == "1"}
    ids = {rolls[s]["vote_id"]: s for s in WANTED}
    votes = {s: [] for s in WANTED}
    with gzip.open(SRC / "unga_votes.csv.gz", "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["vote_id"] in ids:
                votes[ids[r["vote_id"]]].append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "undl_2024.csv", "w", newline="", encoding="utf-8") as f24, \
         open(OUT / "undl_2025.csv", "w", newline="", encoding="utf-8") as f25:
        w24, w25 = csv.writer(f24), csv.writer(f25)
        w24.writerow(H2024)
        w25.writerow(H2025)
        for s in WANTED:
            rc = rolls[s]
            t = {k: rc[k] for k in ("yes", "no", "abstain", "non_voting")}
            total = sum(int(v) for v in t.values())
            link = f"https://digitallibrary.un.org/record/{UNDL_ID[s]}"
            title = rc["title"] + " : resolution / adopted by the General Assembly"
            for v in votes[s]:
                code = v["vote"]
                w24.writerow([UNDL_ID[s], v["iso3"], names[v["iso3"]], "NV" if code == "X" else code, s,
                              title, "Recorded Vote", rc["draft"], rc["committee"], rc["meeting"],
                              rc["agenda"], rc["subjects"], rc["date"], t["yes"], t["no"],
                              t["abstain"], t["non_voting"], int(t["yes"]) + int(t["no"]), link])
                w25.writerow([UNDL_ID[s], v["iso3"], names[v["iso3"]], code, rc["date"], rc["session"], s,
                              rc["draft"], rc["committee"], rc["meeting"], title, rc["agenda"],
                              rc["subjects"], "", f"{t['yes']}.0", f"{t['no']}.0", f"{t['abstain']}.0",
                              f"{t['non_voting']}.0", f"{total}.0", link])
    print("wrote tests/fixtures/undl_2024.csv and undl_2025.csv")


if __name__ == "__main__":
    main()
