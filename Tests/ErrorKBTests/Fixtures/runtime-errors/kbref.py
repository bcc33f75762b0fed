"""Reference answers from docs_index.jsonl (stdlib only, independent of ErrorKB).

resolve(code, message) -> the answer the acceptance set expects, by the decision rules in
README.md:
  1. a code in the input wins: every answer has that code; an undocumented code is kept
     and marked undocumented;
  2. the message picks the domains where that code carries it (exact, then template with
     %s/{0} filled, then near: documented text + extra text, or token similarity);
  3. a translation (same domain, same code, other locale) is the same meaning; the same
     code with the same name (ignoring case, '_' and spaces) or the same message in several
     domains is one meaning; different meanings of one code are a real conflict
     (ambiguous) when nothing in the input tells them apart;
  4. without a code, a message documented under several codes is ambiguous; a table row
     answers with the codes its section names (-1013 for filter failures).
"""
import json, re, unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"%s|\{\d\}|%d")


def norm(text):
    """Comparison form: NFKC (full-width ％ → %), curly quotes, spaces, case, final stop."""
    t = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\u200b", "")
    t = re.sub(r"\s+", " ", t).strip().casefold()
    return t.rstrip(".。 ")


def name_key(name):
    return re.sub(r"[\s_]", "", (name or "")).upper()


@lru_cache(maxsize=None)
def records(include_superseded=False):
    recs = [json.loads(l) for l in (HERE / "docs_index.jsonl").open(encoding="utf-8")]
    return tuple(r for r in recs if include_superseded or not r["superseded"])


@lru_cache(maxsize=None)
def _template(msg):
    n = norm(msg)
    if not PLACEHOLDER.search(n):
        return None
    parts = PLACEHOLDER.split(n)
    # a placeholder stands for a value: at most three words ("6000", "1 MINUTE", "BTCUSDT")
    return re.compile(r"\S+(?: \S+){0,2}?".join(re.escape(p) for p in parts) + r"\.?", re.S)


CONTRACTIONS = {"doesn't": "does not", "don't": "do not", "can't": "cannot", "isn't": "is not",
                "didn't": "did not", "won't": "will not", "aren't": "are not", "wasn't": "was not"}


def tokens(text):
    t = norm(text)
    for short, full in CONTRACTIONS.items():
        t = t.replace(short, full)
    return set(re.findall(r"[a-z0-9_]+|[\u4e00-\u9fff]", t))


def match_kind(doc_msg, text):
    """'exact' | 'template' | 'near' | None for one documented message against input text."""
    if not doc_msg or not text:
        return None
    d, t = norm(doc_msg), norm(text)
    if d == t:
        return "exact"
    tpl = _template(doc_msg)
    if tpl and tpl.fullmatch(t):
        return "template"
    literal = PLACEHOLDER.sub("", d).strip()
    if len(literal) >= 15 and (t.startswith(d) or (tpl is None and d.startswith(t) and len(t) >= 20)):
        return "near"                           # documented text plus (or minus) a tail
    a, b = tokens(doc_msg), tokens(text)
    if len(a) >= 4 and len(a & b) / len(a | b) >= 0.7:
        return "near"                           # token similarity
    if len(a) >= 3 and a <= b and len(b - a) <= 3 and not PLACEHOLDER.search(d):
        return "near"                           # "less than or equal to zero" vs "less than zero"
    return None


RANK = {"exact": 0, "template": 1, "near": 2}


def find(text, recs=None):
    """Best-ranked matching records for a message: (kind, [records])."""
    best, hits = None, []
    for r in recs if recs is not None else records():
        k = match_kind(r["message"], text)
        if k is None:
            continue
        if best is None or RANK[k] < RANK[best]:
            best, hits = k, [r]
        elif k == best:
            hits.append(r)
    return best, hits


CJK_ONLY = re.compile(r"[\u4e00-\u9fff\W\d]+")


def node(r):
    """A documented meaning candidate: (domain, locale, name as written)."""
    return (r["domain"], r["locale"], r["name"] or "")


def meanings(code):
    """Group the entries documenting `code` into meanings: union-find over nodes
    (domain, locale, name). Joined: the same name (ignoring case, '_', spaces) anywhere; the
    same English message (entries, not table rows); the locales of one domain when each locale
    has one entry for the code (a translation, e.g. wallet zh "-20204 The notional of USD..." as
    name vs wallet en "-20204" with that text as message); a translated (CJK) name with the
    untranslated entry of the same domain when that domain has one name for the code.
    Returns a sorted list of groups, each a sorted list of nodes."""
    recs = [r for r in records() if r["code"] == code]
    parent = {node(r): node(r) for r in recs}

    def root(n):
        while parent[n] != n:
            n = parent[n]
        return n

    def join(a, b):
        parent[root(a)] = root(b)
    first = {}
    for r in recs:
        keys = [("name", name_key(r["name"]))]
        if r["message"] and r["kind"] == "entry":
            keys.append(("msg", norm(r["message"])))
        for k in keys:
            if k[1] and not CJK_ONLY.fullmatch(k[1]):
                if k in first:
                    join(node(r), first[k])
                else:
                    first[k] = node(r)
    by_domain = {}
    for r in recs:                                   # one entry per locale in a domain: translations
        by_domain.setdefault(r["domain"], {}).setdefault(r["locale"], set()).add(node(r))
    for locales in by_domain.values():
        if len(locales) > 1 and all(len(ns) == 1 for ns in locales.values()):
            first_node = next(iter(next(iter(locales.values()))))
            for ns in locales.values():
                join(next(iter(ns)), first_node)
    for r in recs:                                   # translated names: spot zh "-1021 时间同步问题"
        if r["name"] and CJK_ONLY.fullmatch(name_key(r["name"])):
            peers = {node(p) for p in recs if p["domain"] == r["domain"] and p["name"]
                     and not CJK_ONLY.fullmatch(name_key(p["name"]))}
            if len({name_key(p[2]) for p in peers}) == 1:
                join(node(r), next(iter(peers)))
    groups = {}
    for n in parent:
        groups.setdefault(root(n), set()).add(n)
    return sorted(sorted(g) for g in groups.values())


def group_domains(groups):
    return sorted({n[0] for g in groups for n in g})


def allowed_domains(code, hits):
    """Domains an answer may name when the input's text matched `hits` under `code`: where
    the text is documented, plus the domains documenting `code` under the same name (one
    step, not the transitive closure used to detect conflicts)."""
    doms = {h["domain"] for h in hits}
    keys = {name_key(h["name"]) for h in hits if h["name"]}
    for r in records():
        if r["code"] == code and r["name"] and name_key(r["name"]) in keys:
            doms.add(r["domain"])
    return sorted(doms)


def names(code, domains):
    return sorted({r["name"] for r in records() if r["code"] == code and r["domain"] in domains and r["name"]})


def resolve(code=None, message=None):
    """Expected answer for an input that carries `code` (int or None) and `message`."""
    out = dict(code=code, codes=[code] if code is not None else [], domains=[], exact_domains=[],
               match=None, ambiguous=False, undocumented=False, meanings=[], evidence=[], also_under=[])
    if code is not None:
        recs = [r for r in records() if r["code"] == code]
        if not recs:
            out.update(undocumented=True, match="undocumented")
            if message:
                kind, hits = find(message)
                out["also_under"] = sorted({(h["code"], h["domain"]) for h in hits if h["code"] is not None})
            return out
        kind, hits = find(message, recs) if message else (None, [])
        groups = meanings(code)
        if hits:
            hit_nodes = {node(h) for h in hits}
            chosen = [g for g in groups if set(g) & hit_nodes]
            out.update(match=kind, exact_domains=sorted({h["domain"] for h in hits}),
                       evidence=sorted({f"{h['file']}:{h['line']}" for h in hits})[:6])
        else:
            chosen = groups
            out["match"] = "code-only"
        out.update(domains=allowed_domains(code, hits) if hits else group_domains(chosen),
                   ambiguous=len(chosen) > 1,
                   meanings=[sorted({f"{n[0]}:{n[2]}" for n in g}) for g in chosen])
        if message:
            k2, other = find(message)
            out["also_under"] = sorted({(h["code"], h["domain"]) for h in other
                                        if h["code"] not in (None, code) and k2 in ("exact", "template")})
        return out
    if not message:
        return out
    kind, hits = find(message)
    if not hits:
        out["match"] = "none"
        return out
    codes = sorted({h["code"] for h in hits if h["code"] is not None})
    table = all(h["kind"] == "table_row" for h in hits)
    out.update(match=kind, codes=codes, domains=sorted({h["domain"] for h in hits}),
               exact_domains=sorted({h["domain"] for h in hits}),
               evidence=sorted({f"{h['file']}:{h['line']}" for h in hits})[:6])
    if len(codes) == 1:
        out["code"] = codes[0]
        hit_nodes = {node(h) for h in hits}
        chosen = [g for g in meanings(codes[0]) if set(g) & hit_nodes]
        out["ambiguous"] = len(chosen) > 1
        out["meanings"] = [sorted({f"{n[0]}:{n[2]}" for n in g}) for g in chosen]
        if kind != "near":
            out["domains"] = allowed_domains(codes[0], hits)
    elif table:
        out["match"] = kind + "/table"           # section codes: any of them is right
    else:
        out["ambiguous"] = True
    return out


if __name__ == "__main__":
    import sys
    c = int(sys.argv[1]) if len(sys.argv) > 1 and re.fullmatch(r"-?\d+", sys.argv[1]) else None
    m = " ".join(sys.argv[2:] if c is not None else sys.argv[1:]) or None
    print(json.dumps(resolve(c, m), ensure_ascii=False, indent=1))
