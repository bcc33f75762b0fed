#!/usr/bin/env python3
"""ErrorKB against the peer and against SQLite's own CLI, side by side (see bench/README.md).

Measures, for generated corpora in both seed formats:
  1. kb build: wall time, peak RSS, DB size; vs peer_import.py and vs the sqlite3 CLI importing
     the same rows as CSV (exported from kb's own DB, the search rows in kb's search form by
     kb-bench) and building the same indexes and FTS index in one transaction;
  2. cold processes on the largest DBs: kb show -1121, kb search 余额不足 / symbol --limit 20, vs
     `sqlite3 -readonly` running the equivalent SQL and vs peer_search.py;
  3. in-process search latency through the library (kb-bench), 1,000 queries from the corpus
     vocabulary, English and Chinese, 1-4 words or characters;
  4. kb classify throughput on 1M log lines vs the Python peer (bench/run-classify).
Medians of --runs runs. Results also go to WORK/results.json.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
KB = os.path.join(ROOT, ".build-static", "release", "kb")
KB_BENCH = os.path.join(ROOT, ".build-static", "release", "kb-bench")
TABLES = ["documents", "document_versions", "sections", "entries", "messages", "placeholders", "mentions",
          "entry_relations", "table_rows", "table_row_codes", "line_kinds", "line_spans", "metadata", "dictionary"]


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS MB, stdout)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", "/tmp/errorkb-bench-time"] + cmd,
                         capture_output=True, text=True, **kw)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr[-2000:]}")
    seconds, rss = open("/tmp/errorkb-bench-time").read().split()[-2:]
    return float(seconds), int(rss) / 1024, out.stdout


def median_of(runs, fn):
    results = [fn() for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(len(results[0])))


def generate(work, n, fmt):
    path = os.path.join(work, f"{fmt}-{n}.txt")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_corpus.py"), "-n", str(n), "--format", fmt, "--seed", "42",
                        "-o", path, "--stats", path + ".stats.json"], check=True)
    return path


def sqlite_script(work, kb_db, tag):
    """CSV exports of kb's own rows and a sqlite3 script that imports them and builds the index."""
    folder = os.path.join(work, f"csv-{tag}")
    os.makedirs(folder, exist_ok=True)
    schema = subprocess.run(["sqlite3", kb_db, ".schema"], capture_output=True, text=True, check=True).stdout
    statements = [s.strip() + ";" for s in schema.split(";\n") if s.strip()]
    keep = [s for s in statements if not re.search(r"CREATE TABLE (IF NOT EXISTS )?'?(search_index_|sqlite_stat)", s)]
    tables = [s for s in keep if not s.startswith("CREATE INDEX")]
    indexes = [s for s in keep if s.startswith("CREATE INDEX")]
    lines = [".bail on", "PRAGMA journal_mode = OFF;", "PRAGMA synchronous = OFF;", "BEGIN;"] + tables
    for table in TABLES:
        csv = os.path.join(folder, table + ".csv")
        with open(csv, "w") as f:
            subprocess.run(["sqlite3", "-csv", kb_db, f"SELECT * FROM {table}"], stdout=f, check=True)
        lines.append(f".import --csv {csv} {table}")
    # The index holds kb's search form of each row (Chinese as overlapping character pairs), which
    # the database does not store: kb-bench writes it out, and the CLI indexes those rows.
    search_csv = os.path.join(folder, "search.csv")
    with open(search_csv, "w") as f:
        subprocess.run([KB_BENCH, "search-csv", kb_db], stdout=f, check=True)
    lines += indexes + ["CREATE TEMP TABLE search_rows (id INTEGER PRIMARY KEY, name_terms TEXT, text_terms TEXT);",
                        f".import --csv {search_csv} search_rows",
                        "INSERT INTO search_index (rowid, name_terms, text_terms) SELECT id, name_terms, text_terms FROM search_rows;",
                        "COMMIT;"]
    script = os.path.join(folder, "import.sql")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    return script


def cold(cmd, runs=11):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def vocabulary_queries(count=1000, seed=7):
    sys.path.insert(0, SHARED)
    import corpus_vocab as v
    r = random.Random(seed)
    words = sorted({w for m in v.EN_MSGS for w in re.findall(r"[A-Za-z]{3,}", m)})
    zh = "".join(ch for m in v.ZH_MSGS for ch in m if "\u4e00" <= ch <= "\u9fff")
    queries = []
    for i in range(count):
        if i % 2 == 0:
            queries.append(" ".join(r.choice(words) for _ in range(r.randint(1, 4))))
        else:
            k = r.randint(1, 4)
            start = r.randrange(len(zh) - k)
            queries.append(zh[start:start + k])
    return queries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/errorkb-bench")
    ap.add_argument("--skip-classify", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    results = {"builds": [], "cold": [], "latency": [], "classify": None}

    print(f"{'build':<16}{'kb s':>8}{'peer s':>8}{'sqlite3 s':>10}{'kb/peer':>9}{'kb/sqlite3':>11}{'kb MB':>8}{'peer MB':>9}"
          f"{'kb RSS':>8}{'peer RSS':>9}")
    largest = {}
    for n in sizes:
        for fmt in ("zh-text", "en-md"):
            doc = generate(a.work, n, fmt)
            kb_db, peer_db, c_db = (os.path.join(a.work, f"{p}-{fmt}-{n}.db") for p in ("kb", "peer", "sqlite3"))

            def kb_build():
                return timed([KB, "build", doc, "--domain", "gen", "--locale", "en", "--out", kb_db])[:2]

            def peer_build():
                if os.path.exists(peer_db):
                    os.remove(peer_db)
                return timed([sys.executable, os.path.join(SHARED, "peer_import.py"), peer_db, doc])[:2]

            kb_s, kb_rss = median_of(a.runs, kb_build)
            peer_s, peer_rss = median_of(a.runs, peer_build)
            script = sqlite_script(a.work, kb_db, f"{fmt}-{n}")

            def c_build():
                if os.path.exists(c_db):
                    os.remove(c_db)
                with open(script) as f:
                    return timed(["sqlite3", c_db], stdin=f)[:2]

            c_s, c_rss = median_of(a.runs, c_build)
            kb_mb, peer_mb = os.path.getsize(kb_db) / 2**20, os.path.getsize(peer_db) / 2**20
            row = dict(n=n, format=fmt, kb_s=kb_s, peer_s=peer_s, sqlite3_s=c_s, kb_rss_mb=kb_rss, peer_rss_mb=peer_rss,
                       sqlite3_rss_mb=c_rss, kb_db_mb=kb_mb, peer_db_mb=peer_mb)
            results["builds"].append(row)
            print(f"{fmt + ' ' + str(n):<16}{kb_s:>8.2f}{peer_s:>8.2f}{c_s:>10.2f}{kb_s / peer_s:>9.2f}{kb_s / c_s:>11.2f}"
                  f"{kb_mb:>8.1f}{peer_mb:>9.1f}{kb_rss:>8.0f}{peer_rss:>9.0f}", flush=True)
            largest[fmt] = (kb_db, peer_db)

    print(f"\n{'cold query (ms, median of 11)':<44}{'kb':>8}{'sqlite3':>9}{'peer':>8}{'kb/sqlite3':>11}")
    equivalents = {
        "show -1121": ("SELECT d.domain, e.code, e.name, m.text FROM entries e JOIN documents d ON d.id = e.document_id "
                       "LEFT JOIN messages m ON m.entry_id = e.id WHERE e.code IN (-1121, 1121) ORDER BY d.domain, e.ordinal, m.ordinal;"),
        "search 余额不足": ("SELECT e.id, e.name FROM search_index f "
                        "LEFT JOIN entries e ON e.id = f.rowid WHERE search_index MATCH '\"余额 额不 不足\"' "
                        "ORDER BY bm25(search_index, 4.0, 1.0) LIMIT 20;"),
        "search symbol": ("SELECT e.id, e.name FROM search_index f "
                          "LEFT JOIN entries e ON e.id = f.rowid WHERE search_index MATCH '\"symbol\"*' "
                          "ORDER BY bm25(search_index, 4.0, 1.0) LIMIT 20;"),
    }
    commands = {"show -1121": ["show", "-1121"], "search 余额不足": ["search", "余额不足", "--limit", "20"],
                "search symbol": ["search", "symbol", "--limit", "20"]}
    peer_queries = {"show -1121": "-1121", "search 余额不足": "余额不足", "search symbol": "symbol"}
    for fmt, (kb_db, peer_db) in largest.items():
        for name, sql in equivalents.items():
            kb_ms = cold([KB] + commands[name] + ["--db", kb_db])
            c_ms = cold(["sqlite3", "-readonly", kb_db, sql])
            peer_ms = cold([sys.executable, os.path.join(SHARED, "peer_search.py"), peer_db, peer_queries[name], "--limit", "20"])
            results["cold"].append(dict(format=fmt, query=name, kb_ms=kb_ms, sqlite3_ms=c_ms, peer_ms=peer_ms))
            print(f"{fmt + ' ' + name:<44}{kb_ms:>8.1f}{c_ms:>9.1f}{peer_ms:>8.1f}{kb_ms / c_ms:>11.2f}", flush=True)

    queries = os.path.join(a.work, "queries.txt")
    with open(queries, "w") as f:
        f.write("\n".join(vocabulary_queries()) + "\n")
    print(f"\n{'in-process search (ms)':<30}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}{'empty':>7}")
    for fmt, (kb_db, _) in largest.items():
        out = json.loads(subprocess.run([KB_BENCH, kb_db, queries, "20"], capture_output=True, text=True, check=True).stdout)
        results["latency"].append(dict(format=fmt, **out))
        print(f"{fmt:<30}{out['p50_ms']:>8.2f}{out['p90_ms']:>8.2f}{out['p99_ms']:>8.2f}{out['max_ms']:>8.1f}{out['empty']:>7}", flush=True)

    if not a.skip_classify:
        print("\nclassify (bench/run-classify 1000000):", flush=True)
        out = subprocess.run([os.path.join(ROOT, "bench", "run-classify"), "1000000"], capture_output=True, text=True,
                             env=dict(os.environ, BENCH_DIR=os.path.join(a.work, "classify"), KB=KB))
        print(out.stdout.strip())
        results["classify"] = out.stdout.strip()

    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
