#!/usr/bin/env python3
"""What the built-in corpus costs a user: for each kb binary given, the median wall time of a
first run (a fresh $HOME: the seed cache is built, then `kb show CODE` answers) and of a second,
cached run, over ROUNDS rounds; and the binary's size. CODE is -4164 (USD-M MIN_NOTIONAL, which
the two-page corpus lacks: an older kb answers "no entry", exit 1) unless KB_CODE says otherwise.

    bench/seed_cost.py .build/release/kb [/path/to/older/kb ...]
    KB_CODE=-1121 bench/seed_cost.py ...
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROUNDS = 15
CODE = os.environ.get("KB_CODE", "-4164")


def run(binary, home):
    start = time.perf_counter()
    result = subprocess.run([binary, "show", CODE], env=dict(os.environ, HOME=home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, result.returncode


for binary in sys.argv[1:]:
    first, cached, codes, cache = [], [], set(), 0
    for _ in range(ROUNDS):
        home = tempfile.mkdtemp()
        for times in (first, cached):
            seconds, code = run(binary, home)
            times.append(seconds)
            codes.add(code)
        folder = os.path.join(home, ".cache", "errorkb")
        cache = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
        shutil.rmtree(home)
    print(f"{binary} show {CODE}: {os.path.getsize(binary):,} bytes; cache {cache:,} bytes; "
          f"first run median {statistics.median(first):.3f} s; cached median {statistics.median(cached):.3f} s; "
          f"exit codes {sorted(codes)}")
