#!/usr/bin/env python3
"""A synthetic API error log for the classify benchmark.

  make_log.py KB.db N OUT [--seed S]

Each line is a payload {"code":…,"msg":…} made from a documented message of the KB, with its
placeholders (%s %d %b ％s {0} {name}) filled with random arguments; 5% are unknown messages;
one line in five wraps the payload in a log prefix. Deterministic for a given seed.
"""
import json
import random
import re
import sqlite3
import sys

PLACEHOLDER = re.compile(r"%[sdb](?![A-Za-z0-9])|％s(?![A-Za-z0-9])|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*\}")
WORDS = ["BTCUSDT", "10", "250", "ETH", "LIMIT", "1 MINUTE", "price", "0.001", "quantity", "GTC", "true"]


def main():
    db, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--seed" else 7
    rnd = random.Random(seed)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT e.code, m.text FROM messages m JOIN entries e ON e.id = m.entry_id").fetchall()
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            if rnd.random() < 0.05:
                code, msg = -rnd.randint(90000, 99999), f"Unknown failure {rnd.randint(0, 10**6)} in subsystem"
            else:
                code, text = rnd.choice(rows)
                msg = PLACEHOLDER.sub(lambda _: rnd.choice(WORDS), text)
            payload = json.dumps({"code": code, "msg": msg}, ensure_ascii=False)
            if i % 5 == 0:
                payload = f"2026-11-21T10:00:{i % 60:02d}Z ERROR api call failed {payload}"
            f.write(payload + "\n")


if __name__ == "__main__":
    main()
