#!/usr/bin/env python3
"""A deliberately naive reference search over the same pages, NOT ErrorKB and NOT ground
truth. It exists only to exercise run.py + score.py end to end and to give a floor:
idf-weighted token overlap (Latin words split at non-alphanumerics and '_'; CJK as
unigrams + bigrams), a bonus when the whole query is a substring, one row per code set.
Table rows take the codes of their section (filter failures -> -1013; order-rejection
table -> the codes its heading/bullets name).

    naive_search.py [--shared /work/shared] QUERY...   -> JSON list of {"codes": [...]}
"""
import argparse
import json
import math
import os
import re
import sys

PAGES = ["corpus/spot-errors.en.md", "corpus/spot-errors.zh-CN.md",
         "corpus/usds-margined-futures-error-code.en+zh-CN.md",
         "corpus/wallet-error-code.en+zh-CN.md", "seed-docs/binance-wallet-error-code.zh-CN.txt",
         "seed-docs/binance-coin-margined-futures-error-code.en.md", "corpus/options-error-code.en.md",
         "corpus/portfolio-margin-error-code.en.md", "corpus/portfolio-margin-pro-error-code.en.md",
         "corpus/crypto-loan-error-code.en.md"]
HEAD = re.compile(r"^\s*#{2,5}\s*\\?(-?\d{3,6})\b(.*)")
SEED = re.compile(r"^(-\d{3,6})\b(.*)")
CJK = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[a-z0-9]+")
FAM = [-1010, -2010, -2011, -2038]


def clean(s):
    s = re.sub(r"\[\u200b\]\([^)]*\)", "", s).replace("\u200b", "")
    return s.replace("\\_", "_").replace("\\-", "-").replace("\\*", "*")


def tokens(s):
    s = s.lower()
    out = WORD.findall(s.replace("_", " "))
    for run in CJK.findall(s):
        out += list(run)
        out += [run[i:i + 2] for i in range(len(run) - 1)]
    return out


def entries(shared):
    rows = []
    for rel in PAGES:
        cur = None
        section = None
        for line in open(os.path.join(shared, rel), encoding="utf-8"):
            line = clean(line.rstrip("\n"))
            m = HEAD.match(line) or (SEED.match(line) if rel.endswith(".txt") else None)
            if m:
                cur = {"codes": [int(m.group(1))], "text": line}
                rows.append(cur)
                continue
            if re.match(r"^#{1,2}\s", line) or (rel.endswith(".txt") and line.strip() in ("过滤器故障", "订单拒绝错误")):
                low = line.lower()
                section = ("filter" if ("filter" in low or "过滤器" in low) else
                           "reject" if ("messages for" in low or "rejection" in low or "订单拒绝" in low or "-1010" in low) else None)
                cur = None
                continue
            st = line.strip().lstrip("|").strip()
            if section and st.startswith('"'):
                rows.append({"codes": [-1013] if section == "filter" else FAM, "text": st})
                continue
            if cur is not None and st:
                cur["text"] += "\n" + st
    for r in rows:
        r["toks"] = set(tokens(r["text"]))
        r["low"] = r["text"].lower()
    return rows


def search(rows, q, limit=10):
    n = len(rows)
    qt = list(dict.fromkeys(tokens(q)))
    m = re.fullmatch(r"\s*[-\u2212]?(\d{3,6})\s*", q)
    scored = []
    for r in rows:
        s = 0.0
        for t in qt:
            if t in r["toks"]:
                df = sum(1 for x in rows if t in x["toks"]) if t not in IDF else IDF[t]
                IDF[t] = df
                s += math.log(1 + n / df)
        if q.strip().lower() and q.strip().lower() in r["low"]:
            s += 5
        if m and any(abs(c) == int(m.group(1)) for c in r["codes"]):
            s += 100
        if s > 0:
            scored.append((-s, len(r["text"]), r["codes"]))
    scored.sort()
    out, seen = [], set()
    for _, _, codes in scored:
        key = tuple(codes)
        if key not in seen:
            seen.add(key)
            out.append({"codes": codes})
        if len(out) >= limit:
            break
    return out


IDF = {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="/work/shared")
    ap.add_argument("query", nargs="+")
    a = ap.parse_args()
    res = search(entries(a.shared), " ".join(a.query))
    json.dump(res, sys.stdout)
    print()
    return 0 if res else 1


if __name__ == "__main__":
    sys.exit(main())
