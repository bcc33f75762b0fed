#!/usr/bin/env python3
"""Run a search command once per query and write the results JSONL that score.py reads.

Tool-neutral: the command is given as a template; the query is appended as ONE argv item
(no shell), or a case's "argv" list is appended as is (for option-typo cases). Codes are
taken from stdout in document order:
  - stdout is one JSON document or JSON lines: every object with "codes" (a list) is one
    row; otherwise an object with "code" is one row; objects inside a row are not
    searched again;
  - otherwise each line's first match of --line-regex (default: a code at line start).
A run is an "error" when the process died from a signal, exited outside 0/1/2, or printed
an SQL/FTS error (see ERROR_MARKERS).

Example:
  run.py --cmd 'kb --db all.db search --format json --limit 10' queries.jsonl punctuation_cases.jsonl > results.jsonl
  score.py results.jsonl ; score.py --cases punctuation_cases.jsonl results.jsonl
"""
import argparse
import json
import re
import shlex
import subprocess
import sys

ERROR_MARKERS = ["fts5: syntax error", "syntax error", "no such column", "unterminated string",
                 "sqlite error", "sqlite_error", "malformed match", "fatal error", "traceback (most recent call last)",
                 "unknown special query"]


def rows_from_json(doc):
    rows = []

    def walk(x):
        if isinstance(x, dict):
            if isinstance(x.get("codes"), list):
                rows.append(x["codes"])
                return
            if "code" in x and isinstance(x["code"], (int, str)):
                rows.append(x["code"])
                return
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(doc)
    return rows


def extract(stdout, line_re):
    s = stdout.strip()
    if not s:
        return []
    try:
        return rows_from_json(json.loads(s))
    except json.JSONDecodeError:
        pass
    try:
        docs = [json.loads(l) for l in s.splitlines() if l.strip()]
        return rows_from_json(docs)
    except json.JSONDecodeError:
        pass
    rows = []
    for line in s.splitlines():
        m = line_re.search(line)
        if m:
            rows.append(int(m.group(1)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True, help="command template, e.g. 'kb search --format json'")
    ap.add_argument("--dashdash", action="store_true", help="put '--' before the query")
    ap.add_argument("--line-regex", default=r"^\s*(-?\d{3,6})\b")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("files", nargs="+", help="queries.jsonl / punctuation_cases.jsonl")
    a = ap.parse_args()
    base = shlex.split(a.cmd)
    line_re = re.compile(a.line_regex)
    seen = set()
    for path in a.files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                q = json.loads(line)
                key = (q.get("id"), q["query"])
                if key in seen:
                    continue
                seen.add(key)
                args = q.get("argv") or ([*(["--"] if a.dashdash else []), q["query"]])
                rec = {"id": q.get("id"), "query": q["query"], "codes": [], "exit": None, "error": None}
                try:
                    p = subprocess.run(base + args, capture_output=True, text=True, timeout=a.timeout)
                except subprocess.TimeoutExpired:
                    rec["error"] = f"timeout after {a.timeout}s"
                    print(json.dumps(rec, ensure_ascii=False))
                    continue
                rec["exit"] = p.returncode
                text = (p.stdout + "\n" + p.stderr).lower()
                marker = next((m for m in ERROR_MARKERS if m in text), None)
                if p.returncode < 0 or p.returncode not in (0, 1, 2):
                    rec["error"] = f"exit {p.returncode}: {p.stderr.strip()[:200]}"
                elif marker:
                    rec["error"] = f"'{marker}' in output: {p.stderr.strip()[:200]}"
                if p.returncode == 0:
                    rec["codes"] = extract(p.stdout, line_re)
                print(json.dumps(rec, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
