#!/usr/bin/env python3
"""The straightforward Python peer of `kb classify`: json plus one precompiled regex per
documented message, tried in order.

  peer_classify.py KB.db LOG

Prints one JSON line: lines, matched, unmatched, malformed, seconds.
"""
import json
import re
import sqlite3
import sys
import time

PLACEHOLDER = re.compile(r"%[sdb](?![A-Za-z0-9])|％s(?![A-Za-z0-9])|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*\}")
TRAILING = " \t.。!！;；,，:：｜|"


def pattern(text):
    parts = PLACEHOLDER.split(text.rstrip(TRAILING))
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "[" + re.escape(TRAILING) + "]*$")


def main():
    t0 = time.perf_counter()
    db, log = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rules = [(pattern(text), d, code, name) for d, code, name, text in con.execute(
        "SELECT d.domain, e.code, e.name, m.text FROM messages m JOIN entries e ON e.id = m.entry_id "
        "JOIN documents d ON d.id = e.document_id ORDER BY m.placeholders, m.id")]
    counts, unmatched, malformed, lines = {}, 0, 0, 0
    with open(log, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            lines += 1
            start = line.find("{")
            msg, code = line, None
            if start >= 0:
                try:
                    obj = json.loads(line[start:])
                    msg, code = obj.get("msg", ""), obj.get("code")
                except ValueError:
                    malformed += 1
                    continue
            for rx, domain, c, name in rules:
                if (code is None or c == code) and rx.match(msg):
                    key = (domain, c, name, rx.pattern)
                    counts[key] = counts.get(key, 0) + 1
                    break
            else:
                unmatched += 1
    print(json.dumps({"lines": lines, "matched": lines - unmatched - malformed, "unmatched": unmatched,
                      "malformed": malformed, "groups": len(counts), "seconds": round(time.perf_counter() - t0, 3)}))


if __name__ == "__main__":
    main()
