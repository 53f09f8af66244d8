#!/usr/bin/env python3
"""Writes data/source/library_names.tsv: every name under which the UN Dag Hammarskjöld Library's
"Voting Data" records (General Assembly resolutions, crawl of March 2024 logged by
lefthand67/un_votes) list a state, with its seat code, first and last vote date, how many records
list it and the Library addresses of the first and last. It is the evidence behind the dates of
data/names.csv (whose other sources are named row by row).

Reads shared/data/raw/lefthand67-un_votes/logs_builder/scrapy.zip in place (no unpacking; items
parsed as data with ast.literal_eval) and shared/data/countries.csv. Standard library only.

    python3 scripts/library_names.py [path/to/shared]
"""
import ast
import collections
import csv
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared")
OUT = ROOT / "data/source/library_names.tsv"

# The scraped items.
Z = SHARED / 'data/raw/lefthand67-un_votes/logs_builder/scrapy.zip'
_text = zipfile.ZipFile(Z).read('scrapy.log').decode('utf-8')
_ITEM = re.compile(r"Scraped from <200 (\S+)>\n(\{.*?\})\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d |\Z)", re.S)
it = []
for m in _ITEM.finditer(_text):
    d = ast.literal_eval(m.group(2))
    d['_url'] = m.group(1)
    it.append(d)
assert len(it) == _text.count('Scraped from'), 'unparsed items'
# vote entries: 'Y NAME' / ' N NAME' / '  NAME' (listed without a vote); lower-case codes and 'AN' occur
_VOTE = re.compile(r'^([YNAyna]{1,2}) (.+)$')
def parse(x):
    s = x.strip()
    m = _VOTE.match(s)
    return (m.group(1), m.group(2).strip()) if m else ('', s)

# Library name -> seat code: the UN names and upper-case spellings of countries.csv, and the
# historical names the Library uses.
C={r['iso3']:r for r in csv.DictReader(open(SHARED / 'data/countries.csv', encoding='utf-8'))}
byname={}
for k,r in C.items():
    for n in [r['un_name']]+r['alt_names'].split('|'):
        if n and n==n.upper(): byname.setdefault(n,k)
EXTRA={
 'BOLIVIA':'BOL','BURMA':'MMR','BYELORUSSIAN SSR':'BLR','CAPE VERDE':'CPV','CENTRAL AFRICAN EMPIRE':'CAF',
 'CEYLON':'LKA','CONGO (BRAZZAVILLE)':'COG','CONGO (DEMOCRATIC REPUBLIC OF)':'COD','CONGO (LEOPOLDVILLE)':'COD',
 'CZECH REPUBLIC':'CZE','CZECHOSLOVAKIA':'CSK',"CÔTE D'IVOIRE":'CIV','DAHOMEY':'BEN','DEMOCRATIC KAMPUCHEA':'KHM',
 'DEMOCRATIC YEMEN':'YMD','FEDERATION OF MALAYA':'MYS','GERMAN DEMOCRATIC REPUBLIC':'DDR','GERMANY, FEDERAL REPUBLIC OF':'DEU',
 'IRAN':'IRN','IVORY COAST':'CIV','KHMER REPUBLIC':'KHM',"LAO PEOPLE's DEMOCRATIC REPUBLIC":'LAO','LAOS':'LAO',
 'LIBYAN ARAB JAMAHIRIYA':'LBY','LIBYAN ARAB REPUBLIC':'LBY','MALDIVE ISLANDS':'MDV','NETHERLANDS':'NLD',
 'PHILIPPINE REPUBLIC':'PHL','SAINT CHRISTOPHER AND NEVIS':'KNA','SERBIA AND MONTENEGRO':'SCG','SIAM':'THA',
 'SOUTHERN YEMEN':'YMD','SURINAM':'SUR','SWAZILAND':'SWZ','SYRIA':'SYR','TANGANYIKA':'TZA',
 'THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA':'MKD','TURKEY':'TUR','TURKIYE':'TUR','UKRAINIAN SSR':'UKR',
 'UNION OF SOUTH AFRICA':'ZAF','UNITED ARAB REPUBLIC':'EGY','UNITED REPUBLIC OF CAMEROON':'CMR','UPPER VOLTA':'BFA',
 'USSR':'SUN','VENEZUELA':'VEN','YUGOSLAVIA':'YUG','ZAIRE':'COD','ZANZIBAR':'EAZ',
}
byname.update(EXTRA)

# ---------------- Library statistics (General Assembly records only) ----------------
recs = []
for d in it:
    sym = d['resolution_symbol'][0]
    if not sym.startswith('A/RES') or d['vote'] == ['N/A']:
        continue
    recs.append((d['vote_date'][0], d['id_record'][0], sym, [parse(x) for x in d['vote']]))
recs.sort()
stats = {}
seq = collections.defaultdict(list)
for date, rid, sym, entries in recs:
    for vote, name in entries:
        code = byname[name]
        s = stats.setdefault((code, name), dict(first=date, last=date, n=0, voted=0,
                                                first_rec=rid, last_rec=rid))
        if date < s['first']: s['first'], s['first_rec'] = date, rid
        if date > s['last']: s['last'], s['last_rec'] = date, rid
        s['n'] += 1
        if vote.upper() in ('Y', 'N', 'A'): s['voted'] += 1
        seq[code].append((date, name, rid, sym))

with open(OUT, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter='\t', lineterminator='\n')
    w.writerow(['code', 'library_name', 'first_vote', 'last_vote', 'records', 'records_with_vote',
                'first_record_url', 'last_record_url'])
    for (code, name), s in sorted(stats.items(), key=lambda kv: (kv[0][0], kv[1]['first'], kv[0][1])):
        w.writerow([code, name, s['first'], s['last'], s['n'], s['voted'],
                    f"https://digitallibrary.un.org/record/{s['first_rec']}",
                    f"https://digitallibrary.un.org/record/{s['last_rec']}"])

