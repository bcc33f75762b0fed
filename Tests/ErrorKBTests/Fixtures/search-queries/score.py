#!/usr/bin/env python3
"""Score search results against the issue-14 query set. Standalone: no ErrorKB imports.

Results file (JSONL), one line per query the tool was asked:
    {"query": "...", "codes": [-1121, -20121, ...]}            ranked, best first
optional fields:
    "id":    the query's id (q001...); used to join when present, else "query" is
    "exit":  the tool's exit status
    "error": text when the tool crashed or printed an SQL/FTS error (runner decides)
An element of "codes" may itself be a list: one result row carrying several codes (a
table row returned under -1010/-2010/-2011). Ranks count rows, not codes.
Codes may be ints or strings ("-1121", "−1121" with U+2212, " 51006 ").

Usage:
    score.py RESULTS.jsonl                         score queries.jsonl (next to this file)
    score.py --queries Q.jsonl RESULTS.jsonl
    score.py --cases punctuation_cases.jsonl RESULTS.jsonl
    score.py ... --min-top1 80 --min-top3 93.4     exit 1 when below (percent)
    score.py ... --json                            machine-readable summary on stdout
    score.py --selftest
Exit: 0 scored (and thresholds met), 1 threshold missed, 2 bad input (file:line named).
"""
import argparse
import json
import os
import signal
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DASHES = "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d"


class BadInput(Exception):
    pass


def norm_code(c):
    """int for anything that reads as a code, else the raw value (never matches)."""
    if isinstance(c, bool):
        return c
    if isinstance(c, int):
        return c
    if isinstance(c, float) and c.is_integer():
        return int(c)
    if isinstance(c, str):
        s = c.strip()
        for d in DASHES:
            s = s.replace(d, "-")
        if s.startswith("+"):
            s = s[1:]
        try:
            return int(s)
        except ValueError:
            return c
    return c


def norm_row(r):
    """A rank position: a set of codes."""
    if isinstance(r, list):
        return frozenset(norm_code(c) for c in r)
    return frozenset([norm_code(r)])


def read_jsonl(path, what):
    out = []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise BadInput(f"{path}: cannot read {what}: {e.strerror}")
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise BadInput(f"{path}:{n}: not JSON ({e.msg})")
            if not isinstance(d, dict):
                raise BadInput(f"{path}:{n}: expected a JSON object")
            d["_line"] = n
            out.append(d)
    return out


def load_results(path):
    by_id, by_query = {}, {}
    for d in read_jsonl(path, "results"):
        if "query" not in d and "id" not in d:
            raise BadInput(f"{path}:{d['_line']}: needs \"query\" (or \"id\")")
        codes = d.get("codes", [])
        if not isinstance(codes, list):
            raise BadInput(f"{path}:{d['_line']}: \"codes\" must be a list")
        d["_rows"] = [norm_row(r) for r in codes]
        if "id" in d:
            by_id[d["id"]] = d
        if "query" in d:
            by_query[d["query"]] = d
    return by_id, by_query


def lookup(q, by_id, by_query):
    return by_id.get(q.get("id")) or by_query.get(q["query"])


def hit(rows, codes, k):
    return any(r & codes for r in rows[:k])


def score_queries(queries, by_id, by_query):
    per = []
    for q in queries:
        exp = {norm_code(c) for c in q["expected"]}
        ok = exp | {norm_code(c) for c in q.get("acceptable", [])}
        r = lookup(q, by_id, by_query)
        rows = r["_rows"] if r else []
        top3 = rows[:3]
        per.append(dict(
            id=q.get("id"), query=q["query"], lang=q.get("lang"), kind=q.get("kind"),
            missing=r is None, error=(r or {}).get("error"),
            top1=hit(rows, exp, 1), top3=hit(rows, exp, 3),
            lenient3=hit(rows, ok, 3),
            clean3=bool(top3) and all(x & ok for x in top3),
            expected=q["expected"], got=[sorted(x) if len(x) != 1 else next(iter(x)) for x in rows[:5]],
        ))
    return per


def pct(a, n):
    return 100.0 * a / n if n else 0.0


def table(per, key):
    groups = {}
    for p in per:
        groups.setdefault(p[key], []).append(p)
    lines = []
    for g in sorted(groups, key=str):
        ps = groups[g]
        t1 = sum(p["top1"] for p in ps)
        t3 = sum(p["top3"] for p in ps)
        lines.append(f"  {str(g):<12} {len(ps):>3}   top-1 {t1:>3} ({pct(t1, len(ps)):5.1f}%)   top-3 {t3:>3} ({pct(t3, len(ps)):5.1f}%)")
    return lines


def report_queries(per, out):
    n = len(per)
    t1 = sum(p["top1"] for p in per)
    t3 = sum(p["top3"] for p in per)
    l3 = sum(p["lenient3"] for p in per)
    c3 = sum(p["clean3"] for p in per)
    miss = sum(p["missing"] for p in per)
    err = sum(bool(p["error"]) for p in per)
    w = out.write
    w(f"queries: {n}   top-1: {t1}/{n} ({pct(t1, n):.1f}%)   top-3: {t3}/{n} ({pct(t3, n):.1f}%)\n")
    w(f"  lenient top-3 (expected or acceptable): {l3}/{n}   clean top-3 (nothing unrelated): {c3}/{n}\n")
    w(f"  no result line: {miss}   tool errors: {err}\n")
    w(f"  issue-14 bar scaled to this set (top-3 >= 28/30, top-1 >= 24/30): "
      f"top-3 {'met' if pct(t3, n) >= 2800 / 30 else 'NOT met'}, top-1 {'met' if pct(t1, n) >= 80 else 'NOT met'}\n")
    w("by language:\n" + "\n".join(table(per, "lang")) + "\n")
    w("by kind:\n" + "\n".join(table(per, "kind")) + "\n")
    bad = [p for p in per if not p["top1"]]
    if bad:
        w(f"misses at top-1 ({len(bad)}; * = also missed at top-3):\n")
        for p in bad:
            flag = "*" if not p["top3"] else " "
            why = "no result line" if p["missing"] else (f"error: {p['error']}" if p["error"] else f"got {p['got']}")
            w(f" {flag}{p['id'] or '':<5} {p['query']!r:<45} expected {p['expected']}  {why}\n")
    return dict(n=n, top1=t1, top3=t3, lenient3=l3, clean3=c3, missing=miss, errors=err)


def score_cases(cases, by_id, by_query):
    base = {c["query"]: c for c in cases}
    per = []
    for c in cases:
        r = lookup(c, by_id, by_query)
        problems = []
        allowed = set(c.get("allowed_exit", [0, 1] if c["check"] != "usage" else [2]))
        if r is None:
            problems.append("no result line")
        else:
            if r.get("error"):
                problems.append(f"tool error: {r['error']}")
            if "exit" in r and r["exit"] is not None and c["check"] in ("no_error", "usage") and r["exit"] not in allowed:
                problems.append(f"exit {r['exit']} not in {sorted(allowed)}")
            rows = r["_rows"]
            if c["check"] == "codes":
                exp = {norm_code(x) for x in c["expected"]}
                if not hit(rows, exp, 3):
                    problems.append(f"expected {c['expected']} in top 3, got {[sorted(x) for x in rows[:3]]}")
            elif c["check"] == "same_as":
                b = lookup(base[c["same_as"]], by_id, by_query)
                if b is None:
                    problems.append(f"base query {c['same_as']!r} has no result line")
                else:
                    mine = set().union(*rows[:3]) if rows else set()
                    theirs = set().union(*b["_rows"][:3]) if b["_rows"] else set()
                    if not theirs:
                        problems.append(f"base query {c['same_as']!r} found nothing")
                    elif mine != theirs:
                        problems.append(f"top 3 {sorted(mine)} differs from {c['same_as']!r}'s {sorted(theirs)}")
            elif c["check"] == "usage" and rows:
                problems.append("a usage error must not return rows")
        per.append(dict(id=c.get("id"), query=c["query"], check=c["check"], ok=not problems, problems=problems))
    return per


def report_cases(per, out):
    n = len(per)
    ok = sum(p["ok"] for p in per)
    out.write(f"punctuation cases: {ok}/{n} pass\n")
    for p in per:
        if not p["ok"]:
            out.write(f"  FAIL {p['id'] or '':<5} {p['query']!r:<40} [{p['check']}] {'; '.join(p['problems'])}\n")
    return dict(n=n, ok=ok)


def selftest():
    qs = [dict(id="a", query="x", expected=[-1121], acceptable=[-20121], kind="k", lang="en"),
          dict(id="b", query="y", expected=[-1010, -2010], acceptable=[], kind="k", lang="zh")]
    perfect = {"a": dict(id="a", query="x", _rows=[norm_row("−1121")]),
               "b": dict(id="b", query="y", _rows=[norm_row([-2010, -2011]), norm_row(5)])}
    per = score_queries(qs, perfect, {})
    assert [p["top1"] for p in per] == [True, True], per
    wrong = {"a": dict(id="a", query="x", _rows=[norm_row(-1122), norm_row(-20121), norm_row(-1121)])}
    per = score_queries(qs, wrong, {})
    assert (per[0]["top1"], per[0]["top3"], per[0]["clean3"]) == (False, True, False), per[0]
    assert per[1]["missing"] and not per[1]["top3"]
    cases = [dict(id="c1", query="a b", check="codes", expected=[-1]),
             dict(id="c2", query="a, b", check="same_as", same_as="a b", expected=[])]
    res = {"c1": dict(id="c1", query="a b", _rows=[norm_row(-1)]),
           "c2": dict(id="c2", query="a, b", _rows=[norm_row("-1")])}
    assert all(p["ok"] for p in score_cases(cases, res, {}))
    res["c2"]["_rows"] = []
    assert not score_cases(cases, res, {})[1]["ok"]
    print("selftest ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", nargs="?")
    ap.add_argument("--queries", help="query set (default: queries.jsonl next to this script, unless --cases)")
    ap.add_argument("--cases", help="punctuation_cases.jsonl to check instead of (or with --queries, as well as) the query set")
    ap.add_argument("--min-top1", type=float, help="percent; exit 1 when below")
    ap.add_argument("--min-top3", type=float, help="percent; exit 1 when below")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    if a.selftest:
        selftest()
        return 0
    if not a.results:
        ap.error("give a results file (or --selftest)")
    try:
        by_id, by_query = load_results(a.results)
        summary = {}
        out = sys.stderr if a.json else sys.stdout
        qpath = a.queries or (None if a.cases else os.path.join(HERE, "queries.jsonl"))
        if qpath:
            per = score_queries(read_jsonl(qpath, "queries"), by_id, by_query)
            summary["queries"] = report_queries(per, out)
            summary["queries"]["misses"] = [p for p in per if not p["top1"]]
        if a.cases:
            per = score_cases(read_jsonl(a.cases, "cases"), by_id, by_query)
            summary["cases"] = report_cases(per, out)
            summary["cases"]["failures"] = [p for p in per if not p["ok"]]
    except BadInput as e:
        print(f"score.py: {e}", file=sys.stderr)
        return 2
    if a.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    q = summary.get("queries")
    failed = False
    if q and a.min_top1 is not None and pct(q["top1"], q["n"]) < a.min_top1:
        failed = True
    if q and a.min_top3 is not None and pct(q["top3"], q["n"]) < a.min_top3:
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `score.py ... | head` ends quietly
    sys.exit(main())
