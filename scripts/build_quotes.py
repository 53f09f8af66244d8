#!/usr/bin/env python3
"""Builds data/quotes.json: the quotations of the seed article, extracted verbatim from its text,
followed by the sourced quotations of data/source/extra/quotes.json.

The seed article's text is data/source/seeds/000_a924d3cbd27e2289.txt. Each passage between
straight double quotes becomes one quote; ATTRIBUTION below says who the article says spoke and
how, in the article's order, and is checked against each passage's first words so that a changed
article fails loudly instead of misattributing. Votes (`country_vote`) are read from
data/unga.json, never typed. Standard library only.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data/source/seeds/000_a924d3cbd27e2289.txt"
EXTRA = ROOT / "data/source/extra/quotes.json"
DATASET = ROOT / "data/unga.json"
OUT = ROOT / "data/quotes.json"
RESOLUTION = "A/RES/ES-11/6"
# The article does not name its outlet; its text is kept in data/source/seeds/.
SOURCE_TITLE = "news report on the 23 Feb 2023 vote, outlet not named"

# The article's first passage is not the resolution's words but its garbled rendering of the
# fifth preambular paragraph; the second drops the paragraph's opening "Reaffirming that". The
# resolution's own words, with where they were read:
PREAMBLE_5 = ("A paraphrase by the article, not the resolution's words: it renders the fifth "
              "preambular paragraph, which in the resolution's official Spanish text reads "
              "“Destacando que, un año después de la invasión a gran escala de Ucrania, el logro de "
              "una paz general, justa y duradera constituiría una contribución significativa al "
              "fortalecimiento de la paz y la seguridad internacionales” (A/RES/ES-11/6 as reproduced "
              "at https://www.voltairenet.org/article218931.html); the English text is not in the "
              "bundled sources")
PREAMBLE_3 = ("the resolution's third preambular paragraph, whose opening the article drops: "
              "“Reaffirming that no territorial acquisition resulting from the threat or use of force "
              "shall be recognized as legal” (as quoted by CND Salisbury, 24 Feb 2023, "
              "https://cndsalisbury.org.uk/news_items/3764-un-general-assembly-resolution-calls-for-an-end-to-the-war-in-ukraine)")

UNGA = dict(speaker="UN General Assembly", role=f"text of resolution {RESOLUTION}",
            country="United Nations", iso3="")
KULEBA = dict(speaker="Dmytro Kuleba", role="Minister for Foreign Affairs of Ukraine",
              country="Ukraine", iso3="UKR")
ZELENSKY = dict(speaker="Volodymyr Zelensky", role="President of Ukraine", country="Ukraine",
                iso3="UKR")

# (first words, who, channel as the article gives it, note, paraphrase)
ATTRIBUTION = [
    ("One year into", UNGA, "the article's rendering of the resolution (\"the UNGA wrote\")", PREAMBLE_5, True),
    ("No territorial acquisition", UNGA, "text of the resolution, as quoted in the article (\"it added\")", PREAMBLE_3, False),
    ("This vote defies", KULEBA, "said, as quoted by Fox News", "the article does not date the remark; date of the vote", False),
    ("Many countries representing", KULEBA, "said, as quoted by Fox News", "the article does not date the remark; date of the vote", False),
    ("The impact is very clear", KULEBA, "told reporters, per Al Jazeera", "the article does not date the remark; date of the vote", False),
    ("It shows who stands where", KULEBA, "told reporters, per Al Jazeera", "continues the previous quotation; date of the vote", False),
    ("unflagging global support", ZELENSKY, "posted on Twitter", "fragment quoted in the article's own sentence; the full post follows", False),
    ("This resolution is a powerful signal", ZELENSKY, "wrote, posting on Twitter", "the article does not date the post; date of the vote", False),
    ("A powerful testament", ZELENSKY, "wrote, posting on Twitter", "the article does not date the post; date of the vote", False),
]


def vote_of(dataset, iso3):
    if not iso3:
        return ""
    codes = [c["code"] for c in dataset["countries"]]
    rc = next(r for r in dataset["roll_calls"] if r.get("symbol") == RESOLUTION)
    return rc["votes"][codes.index(iso3)]


def main():
    article = SEED.read_text(encoding="utf-8")
    passages = re.findall(r'"([^"]+)"', article)
    if len(passages) != len(ATTRIBUTION):
        sys.exit(f"{SEED}: {len(passages)} quoted passages, expected {len(ATTRIBUTION)}")
    dataset = json.loads(DATASET.read_text(encoding="utf-8"))
    quotes = []
    for text, (start, who, channel, note, paraphrase) in zip(passages, ATTRIBUTION):
        if not text.startswith(start):
            sys.exit(f"{SEED}: passage {text[:40]!r} does not start with {start!r}")
        quote = {
            # The comma that closes a quotation before "he said" is the article's punctuation.
            "text": text[:-1] if text.endswith(",") else text,
            "speaker": who["speaker"],
            "role": who["role"],
            "country": who["country"],
            "channel": channel,
            "date": "2023-02-23",
            "resolution": RESOLUTION,
            "source_title": SOURCE_TITLE,
            "paraphrase": paraphrase,
            "country_vote": vote_of(dataset, who["iso3"]),
        }
        if note:
            quote["note"] = note
        quotes.append(quote)
    quotes.extend(json.loads(EXTRA.read_text(encoding="utf-8")))
    OUT.write_text(json.dumps(quotes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(quotes)} quotes")


if __name__ == "__main__":
    main()
