#!/usr/bin/env python3
"""ccxt's Binance exception map -> ccxt_binance_exceptions.tsv, checked against docs_index.jsonl.

Reads ccxt/binance.py statically (ast, no import of ccxt): the dict under the key
'exceptions' in describe(). ccxt matches a response like this (binance.py handle_errors):
  msg  -> exceptions[<market type of the URL>]['exact'|'broad'], then exceptions['exact'|'broad']
          (exact: msg == key; broad: key is a substring of msg); raised text "binance <msg>"
  code -> the same maps keyed by the code string; raised text "binance <response body>"
Scopes: spot (api./sapi. host), linear (fapi: USD-M), inverse (dapi: COIN-M), option (eapi),
portfolioMargin (papi), and the unscoped exact/broad maps for every URL.

Columns: scope kind key key_type ccxt_exception source_line ccxt_comment
         doc_match doc_codes doc_domains doc_note
Usage: python3 make_ccxt_map.py /path/to/ccxt/binance.py [out.tsv]
"""
import ast, re, sys
from pathlib import Path
import kbref

SCOPE_DOMAINS = {  # which products a scope's host serves (for "documented in scope")
    "spot": {"spot", "wallet", "crypto-loan", "portfolio-margin-pro"},
    "linear": {"usds-margined-futures"}, "inverse": {"coin-margined-futures"},
    "option": {"options"}, "portfolioMargin": {"portfolio-margin"},
}


def exceptions_dict(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and k.value == "exceptions" and isinstance(v, ast.Dict):
                    return v
    raise SystemExit("no 'exceptions' dict found")


def rows(exc, src_lines):
    def walk(d, scope):
        for k, v in zip(d.keys, d.values):
            if isinstance(v, ast.Dict):
                if k.value in ("exact", "broad"):
                    for kk, vv in zip(v.keys, v.values):
                        line = src_lines[kk.lineno - 1]
                        comment = line.split("#", 1)[1].strip() if "#" in line else ""
                        yield scope, k.value, kk.value, getattr(vv, "id", ast.unparse(vv)), kk.lineno, comment
                else:
                    yield from walk(v, k.value)
    yield from walk(exc, "*")


def doc_columns(scope, kind, key):
    if re.fullmatch(r"-?\d+", key):
        code = int(key)
        recs = [r for r in kbref.records() if r["code"] == code]
        if not recs:
            return "code-undocumented", "", "", "code not in any indexed page"
        doms = sorted({r["domain"] for r in recs})
        names = ",".join(kbref.names(code, doms))
        note = f"names: {names}"
        if scope in SCOPE_DOMAINS and not SCOPE_DOMAINS[scope] & set(doms):
            note += f"; NOT documented for the {scope} scope's product(s)"
        groups = kbref.meanings(code)
        if len(groups) > 1:
            note += f"; {len(groups)} different meanings (real conflict)"
        return "code", key, ",".join(doms), note
    if kind == "broad":
        hits = [r for r in kbref.records() if r["message"] and key in r["message"]]
        if not hits:
            return "broad-none", "", "", "no documented message contains this text"
        codes = sorted({r["code"] for r in hits if r["code"] is not None})
        return ("broad-substring", ",".join(map(str, codes)), ",".join(sorted({r["domain"] for r in hits})),
                "documented messages containing it: " + " / ".join(sorted({r["message"] for r in hits})[:4]))
    kind_, hits = kbref.find(key)
    note = ""
    if kind_ != "exact" and re.search(r"\bself\b", key):
        fixed = re.sub(r"\bself\b", "this", key)   # ccxt's Python transpiler turns `this` into `self`
        kind_, hits = kbref.find(fixed)
        note = (f"Python key says 'self' where the docs say 'this' (transpiler), so it never matches"
                f" in Python; as '{fixed}': ")
    if kind_ not in ("exact", "template"):
        near = f"; nearest: {hits[0]['code']} '{hits[0]['message']}'" if hits else ""
        return "none", "", "", (note + "no documented message" + near).strip()
    codes = sorted({r["code"] for r in hits if r["code"] is not None})
    rows_ = any(r["kind"] == "table_row" for r in hits)
    note += ("table row: returned under the section's codes" if rows_ else "entry")
    return kind_, ",".join(map(str, codes)), ",".join(sorted({r["domain"] for r in hits})), note


def main():
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("ccxt_binance_exceptions.tsv")
    text = src.read_text(encoding="utf-8")
    exc = exceptions_dict(ast.parse(text))
    header = ["scope", "kind", "key", "key_type", "ccxt_exception", "source_line", "ccxt_comment",
              "doc_match", "doc_codes", "doc_domains", "doc_note"]
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("\t".join(header) + "\n")
        for scope, kind, key, cls, line, comment in rows(exc, text.split("\n")):
            key_type = "code" if re.fullmatch(r"-?\d+", key) else "message"
            cols = [scope, kind, key, key_type, cls, str(line), comment, *doc_columns(scope, kind, key)]
            fh.write("\t".join(c.replace("\t", " ") for c in cols) + "\n")
            n += 1
    print(f"{n} rows -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
