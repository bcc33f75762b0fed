#!/usr/bin/env python3
"""The straightforward Python peer of `kb classify`: json (and ast for Python dicts) plus one
regular expression per client-library format, then one precompiled regex per documented
message, tried in order.

  peer_classify.py KB.db LOG

Prints one JSON line: lines, matched, unmatched, malformed, seconds.
"""
import ast
import json
import re
import sqlite3
import sys
import time

PLACEHOLDER = re.compile(r"%[sdb](?![A-Za-z0-9])|％s(?![A-Za-z0-9])|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*\}")
TRAILING = " \t.。!！;；,，:：｜|"
# The libraries' text formats: (code, message) groups.
FORMATS = [re.compile(p) for p in (
    r"APIError\(code=(-?\d+)\): ?(.*)$",
    r"code=(-?\d+), msg=(.*)$",
    r"error code: (-?\d+), error message: (.*)$",
    r"\((?:\d+, )?(-?\d+), ['\"](.*?)['\"][,)]",
    r"\] (-\d{4,}): (.*)$",
    r"ERROR: (-\d{4,}), (.*)$",
    r"\{ code: (-?\d+), msg: ['\"](.*)['\"] \}",
)]


def pattern(text):
    parts = PLACEHOLDER.split(text.replace("`", "").rstrip(TRAILING))
    return "(.+?)".join(re.escape(p) for p in parts) + "[" + re.escape(TRAILING) + "]*$"


def payload(line):
    """(code, message) of a payload on the line, None when there is none, False when malformed."""
    start = line.find("{")
    if start < 0:
        return None
    text = line[start:]
    try:
        obj = json.loads(text)
    except ValueError:
        try:
            obj = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            if text.startswith("{ code:"):
                return None
            if '\\"' in text:
                try:
                    obj = json.loads(text[text.find('{\\"'):].split('"}', 1)[0].replace('\\"', '"') + "}")
                except ValueError:
                    return False
            else:
                return False
    if not isinstance(obj, dict):
        return None
    if "code" not in obj and isinstance(obj.get("error"), (dict, str)):
        inner = obj["error"]
        if isinstance(inner, str):
            try:
                inner = json.loads(inner)
            except ValueError:
                return None
        obj = inner if isinstance(inner, dict) else obj
    return obj.get("code"), obj.get("msg", "")


def main():
    t0 = time.perf_counter()
    db, log = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rules = [(re.compile("^" + pattern(text)), re.compile(pattern(text)), d, code, name) for d, code, name, text in con.execute(
        "SELECT d.domain, e.code, e.name, m.text FROM messages m JOIN entries e ON e.id = m.entry_id "
        "JOIN documents d ON d.id = e.document_id ORDER BY m.placeholders, m.id")]
    counts, unmatched, malformed, lines = {}, 0, 0, 0
    with open(log, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            lines += 1
            found = payload(line)
            if found is False:
                malformed += 1
                continue
            code, msg, bare = None, line, True
            if found is not None:
                (code, msg), bare = found, False
            else:
                for rx in FORMATS:
                    m = rx.search(line)
                    if m:
                        code, msg, bare = int(m.group(1)), m.group(2), False
                        break
            if code in (0, 200):
                unmatched += 1
                continue
            for whole, anywhere, domain, c, name in rules:
                if (code is None or c == code) and (anywhere.search(msg) if bare else whole.match(msg or "")):
                    key = (domain, c, name, whole.pattern)
                    counts[key] = counts.get(key, 0) + 1
                    break
            else:
                unmatched += 1
    print(json.dumps({"lines": lines, "matched": lines - unmatched - malformed, "unmatched": unmatched,
                      "malformed": malformed, "groups": len(counts), "seconds": round(time.perf_counter() - t0, 3)}))


if __name__ == "__main__":
    main()
