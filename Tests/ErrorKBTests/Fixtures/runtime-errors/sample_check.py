#!/usr/bin/env python3
"""Prints N random docs_index.jsonl records next to their source line, for checking by eye.
Usage: python3 sample_check.py [N] [SEED]"""
import json, random, sys
from pathlib import Path

n, seed = (int(sys.argv[1]) if len(sys.argv) > 1 else 14), (int(sys.argv[2]) if len(sys.argv) > 2 else 13)
recs = [json.loads(l) for l in (Path(__file__).with_name("docs_index.jsonl")).open(encoding="utf-8")]
for r in random.Random(seed).sample(recs, n):
    src = Path("/work/shared", r["file"]).read_text(encoding="utf-8").split("\n")[r["line"] - 1]
    print(f"{r['file']}:{r['line']} [{r['locale']} {r['kind']}] {r['code']} {r['name']!r}\n"
          f"  index : {r['message']!r}\n  source: {src.strip()[:200]!r}\n")
