#!/usr/bin/env python3
"""Checks gold.json against the texts: every quoted text occurs verbatim (after NFC)
in its file as a whole sentence ending in '.', thread ids exist, each thread spans
different workshops, and every trap is a one-off proposal. Prints the counts."""
import json, os, re, sys, unicodedata
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
nfc = lambda s: unicodedata.normalize("NFC", s)
g = json.load(open(os.path.join(here, "gold.json"), encoding="utf-8"))
sents = {}
def sentences_of(path):
    if path not in sents:
        text = nfc(open(os.path.join(here, path), encoding="utf-8").read())
        sents[path] = {s for p in text.split("\n\n")
                       for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", p.strip()) if s}
    return sents[path]
bad = 0
for item in g["proposals"] + g["not_proposals"]:
    t = nfc(item["text"])
    if not t.endswith(".") or t not in sentences_of(item["file"]):
        print("not a whole sentence of", item["file"], ":", item["id"], t); bad += 1
    if not item["file"].startswith(g["workshops"][item["workshop"]] + "/"):
        print("file not in its workshop folder:", item["id"]); bad += 1
by = defaultdict(list)
for p in g["proposals"]:
    if p["thread"] is not None:
        if p["thread"] not in g["threads"]:
            print("unknown thread", p["id"], p["thread"]); bad += 1
        by[p["thread"]].append(p["workshop"])
pairs = 0
for t, ws in by.items():
    if len(ws) < 2 or len(set(ws)) != len(ws):
        print("thread must join proposals of different workshops:", t, ws); bad += 1
    pairs += len(ws) * (len(ws) - 1) // 2
ids = {p["id"]: p for p in g["proposals"]}
for k in g["traps"]:
    if k not in ids or ids[k]["thread"] is not None:
        print("trap is not a one-off proposal:", k); bad += 1
print(f"proposals {len(g['proposals'])}, threads {len(by)}, thread members {sum(map(len, by.values()))}, "
      f"cross-workshop true pairs {pairs}, traps {len(g['traps'])}, not_proposals {len(g['not_proposals'])}")
sys.exit(1 if bad else 0)
