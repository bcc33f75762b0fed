#!/usr/bin/env python3
"""Independent index of the Binance error-code pages (stdlib only).

Reads the pages in /work/shared/seed-docs and /work/shared/corpus and writes
docs_index.jsonl: one object per (file, domain, locale, code, name, message).

Written from the pages themselves, not from ErrorKB's Swift code. Three small
readers: markdown (all .md), the scraped text page (the wallet seed .txt) and
the served HTML (wallet zh-CN, html.parser), which is indexed too so that the
.txt and the .html can be checked against each other.

Record fields
  domain, locale        product (Binance's name) and the locale of the page half
  code, name            code as an int; name as written in the heading (None if none)
  message               text of a bullet / paragraph / table cell, markdown escapes,
                        backticks and the U+200B removed; None for an entry without text
  kind                  "entry" (a code heading) or "table_row" (a row of a message
                        table: one record per code the row is returned under)
  role                  bullet | paragraph | row
  text_lang             "zh" if the message holds CJK characters, else "en"
  section               the section heading the record sits under
  file, line            path relative to /work/shared, 1-based line
  superseded            True for older versions of a page (spot 2020-11-30, 2025-12-02)
  table_codes_source    table rows only: where the codes of the row come from
  description           table rows only: the description cell (first line)
Usage: python3 docs_index.py [OUT.jsonl]
"""
import os
import json, re, sys
from html.parser import HTMLParser
from pathlib import Path

# The folder beside the repository (as the tests find it), or ERRORKB_SHARED.
SHARED = Path(os.environ.get("ERRORKB_SHARED") or Path(__file__).resolve().parents[4].parent / "shared")
# (relative path, domain, locale or "en+zh-CN", superseded)
FILES = [
    ("seed-docs/binance-coin-margined-futures-error-code.en.md", "coin-margined-futures", "en", False),
    ("seed-docs/binance-wallet-error-code.zh-CN.txt", "wallet", "zh-CN", False),
    ("corpus/spot-errors.en.md", "spot", "en", False),
    ("corpus/spot-errors.zh-CN.md", "spot", "zh-CN", False),
    ("corpus/spot-errors.en.2025-12-02.md", "spot", "en", True),
    ("corpus/spot-errors.en.2020-11-30.md", "spot", "en", True),
    ("corpus/usds-margined-futures-error-code.en.md", "usds-margined-futures", "en", False),
    ("corpus/usds-margined-futures-error-code.en+zh-CN.md", "usds-margined-futures", "en+zh-CN", False),
    ("corpus/options-error-code.en.md", "options", "en", False),
    ("corpus/portfolio-margin-error-code.en.md", "portfolio-margin", "en", False),
    ("corpus/portfolio-margin-pro-error-code.en.md", "portfolio-margin-pro", "en", False),
    ("corpus/crypto-loan-error-code.en.md", "crypto-loan", "en", False),
    ("corpus/wallet-error-code.en+zh-CN.md", "wallet", "en+zh-CN", False),
    ("corpus/wallet-error-code.zh-CN.html", "wallet", "zh-CN", False),
]
# Filter-failure tables carry no code of their own. The spot page's -1013 INVALID_MESSAGE
# entry says "Potential error messages can be found in [Filter Failures](#filter-failures)";
# pages without a -1013 entry (wallet, portfolio-margin-pro, crypto-loan) copy the same table.
FILTER_CODES = [(-1013, "INVALID_MESSAGE")]
FILTER_SOURCE = "spot-errors.en.md -1013 INVALID_MESSAGE links to #filter-failures"

CODE_HEAD = re.compile(r"^(-?\d+)(?=\s|$)\s*(.*)$")        # "-1000 UNKNOWN", "-20121", "51006 X"
CODE_IN_TEXT = re.compile(r"(-\d{4,5})\s+([A-Za-z_\u4e00-\u9fff][^,，`]*)")
CJK = re.compile(r"[\u4e00-\u9fff]")
TABLE_HEADERS = ("Error message", "错误信息", "错误消息", "报错信息")


def clean(text, drop_backticks=True):
    """Markdown text -> plain text: anchors, U+200B, backslash escapes, backticks, spaces."""
    text = re.sub(r"\[\u200b\]\([^)]*\)", "", text)          # Docusaurus "[​](/docs/...)" anchor
    text = text.replace("\u200b", "")
    text = re.sub(r"\[([^\]]*)\]\((?:#|[\w./-]+\.md)[^)]*\)", r"\1", text)   # [Filter Failures](#filter-failures)
    text = re.sub(r"\\([-_*\[\]()#.!`|<>])", r"\1", text)
    text = re.sub(r"\*\*(.*?)\*\*", r"\1", text)
    text = re.sub(r"<br\s*/?>|</br>", " ", text)
    if drop_backticks:
        text = text.replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def lang(text):
    return "zh" if text and CJK.search(text) else "en"


def table_messages(cell):
    """First cell of a message-table row -> the message(s) it names."""
    quoted = re.findall(r'"([^"]*)"', cell)
    if quoted:
        return [clean(q) for q in quoted if clean(q)]
    return [clean(cell.strip().strip('"'))] if clean(cell.strip('"')) else []


class Sink:
    """Collects records of one file and knows the section state."""
    def __init__(self, rel, domain, superseded):
        self.rel, self.domain, self.superseded, self.out = rel, domain, superseded, []
        self.entry = None          # (code, name) of the current code heading
        self.entry_has_text = False
        self.section = ""
        self.section_codes = []    # codes a message table in this section is returned under
        self.codes_source = ""

    def new_section(self, title, line):
        self.close_entry()
        self.section = title
        self.section_codes = [(int(c), n.strip()) for c, n in CODE_IN_TEXT.findall(title)]
        self.codes_source = f"section heading line {line}" if self.section_codes else ""
        if re.search(r"filter failure|过滤器|过滤器故障|未能通过过滤器", title, re.I):
            self.section_codes, self.codes_source = list(FILTER_CODES), FILTER_SOURCE

    def list_code(self, text, line):
        """A code listed in a section (`-1010 ERROR_MSG_RECEIVED`) names the table's codes."""
        m = CODE_HEAD.match(clean(text))
        if m:
            self.section_codes.append((int(m.group(1)), m.group(2) or None))
            self.codes_source = f"codes listed in section, line {line}"

    def heading(self, code, name, line, locale):
        self.close_entry()
        self.entry, self.entry_line, self.locale = (code, name or None), line, locale

    def close_entry(self):
        if self.entry and not self.entry_has_text:
            self.emit(self.entry[0], self.entry[1], None, "entry", "none", self.entry_line, self.locale)
        self.entry, self.entry_has_text = None, False

    def text(self, msg, role, line, locale, raw):
        if self.entry and msg:
            self.entry_has_text = True
            self.emit(self.entry[0], self.entry[1], msg, "entry", role, line, locale, raw=raw)

    def row(self, cell, desc, line, locale, raw):
        for msg in table_messages(cell):
            for code, name in self.section_codes or [(None, None)]:
                self.emit(code, name, msg, "table_row", "row", line, locale, raw=raw,
                          description=clean(desc), table_codes_source=self.codes_source or "none")

    def emit(self, code, name, msg, kind, role, line, locale, **extra):
        rec = dict(domain=self.domain, locale=locale, code=code, name=name, message=msg,
                   kind=kind, role=role, text_lang=lang(msg), section=self.section,
                   file=self.rel, line=line, superseded=self.superseded)
        rec.update({k: v for k, v in extra.items() if v is not None})
        self.out.append(rec)


def read_markdown(lines, sink, locale_spec):
    locale = "en" if locale_spec == "en+zh-CN" else locale_spec
    i, in_fence, in_table = 0, False, False
    if lines and lines[0].strip() == "---":                  # YAML front matter
        i = next(k for k in range(1, len(lines)) if lines[k].strip() == "---") + 1
    for n in range(i, len(lines)):
        raw, ln = lines[n], n + 1
        s = raw.strip()
        if s.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if locale_spec == "en+zh-CN" and s == "# 错误代码":      # second half of a bilingual file
            locale = "zh-CN"
        h = re.match(r"^\s{0,3}(#{1,6})\s+(.*)$", raw)
        if h:
            in_table = False
            title = clean(h.group(2))
            m = CODE_HEAD.match(title)
            if m and len(h.group(1)) >= 3:
                sink.heading(int(m.group(1)), m.group(2).strip() or None, ln, locale)
            else:
                sink.new_section(title, ln)
            continue
        b = re.match(r"^\s{0,4}[-*]\s+(.*)$", raw)
        if b and not s.startswith("---") and not in_table:
            if sink.entry:
                sink.text(clean(b.group(1)), "bullet", ln, locale, s)
            else:
                sink.list_code(b.group(1).strip("` "), ln)
            continue
        if "|" in s:
            cells = s.lstrip("|").split("|")
            first = cells[0].strip()
            if set(first) <= set("-: ") or first in TABLE_HEADERS:
                in_table = True                              # header or separator row
                sink.close_entry()
                continue
            if in_table and s.startswith(('"', "|")):        # other lines continue a cell
                sink.row(first, cells[1] if len(cells) > 1 else "", ln, locale, s)
                continue
        if in_table:
            continue
        if s and sink.entry and not s.startswith(("<a ", ">")) and not re.fullmatch(r"[-=*_ ]{3,}", s):
            sink.text(clean(s), "paragraph", ln, locale, s)


def read_text(lines, sink):
    """The wallet seed: a page scraped to text. Headings lost their markup; the page's own
    table of contents (after '下一页') names the section headings, so they are known."""
    end = lines.index("上一页")
    toc = lines[lines.index("下一页", end):]
    sections = {l for l in toc if l and not CODE_HEAD.match(l)} - {"下一页", "联系我们"}
    start = next(k for k, l in enumerate(lines) if l in sections)
    blank_after_heading = False
    for n in range(start, end):
        s, ln = lines[n].strip(), n + 1
        if s in sections:
            sink.new_section(s, ln)
            continue
        m = CODE_HEAD.match(s)
        if m and s.startswith("-"):
            if "订单拒绝" in sink.section:           # "-1010 ERROR_MSG_RECEIVED" listed, not an entry
                sink.list_code(s, ln)
            else:
                sink.heading(int(m.group(1)), m.group(2).strip() or None, ln, "zh-CN")
                blank_after_heading = False
            continue
        if not s:
            blank_after_heading = bool(sink.entry)
            continue
        if "\t" in s:
            cell, desc = s.split("\t", 1)
            if cell in ("报错信息", "错误信息"):
                continue
            sink.close_entry()
            sink.row(cell, desc, ln, "zh-CN", s)
            continue
        if sink.entry:
            sink.text(clean(s), "paragraph" if blank_after_heading else "line", ln, "zh-CN", s)


class HtmlReader(HTMLParser):
    """Docusaurus page: h2 sections, h3/h4 code headings, li/p messages, table rows.
    Only the article body (div.theme-doc-markdown) is read."""
    def __init__(self, sink):
        super().__init__(convert_charrefs=True)
        self.sink, self.depth, self.in_body, self.buf, self.tag = sink, 0, False, None, None
        self.cells, self.anchor = [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            if self.in_body:
                self.depth += 1
            elif "theme-doc-markdown" in (a.get("class") or ""):
                self.in_body, self.depth = True, 1
        if not self.in_body:
            return
        if tag in ("h2", "h3", "h4", "li", "p", "td", "th"):
            self.buf, self.tag, self.line = [], tag, self.getpos()[0]
        if tag == "a" and "hash-link" in (a.get("class") or ""):
            self.anchor = True
        if tag == "br" and self.buf is not None:
            self.buf.append("\n")
        if tag == "tr":
            self.cells, self.row_line = [], self.getpos()[0]

    def handle_endtag(self, tag):
        if tag == "div" and self.in_body:
            self.depth -= 1
            self.in_body = self.depth > 0
        if tag == "a":
            self.anchor = False
        if self.buf is None or tag != self.tag:
            if tag == "tr" and self.cells and self.cells[0] not in ("报错信息", "错误信息"):
                self.sink.close_entry()
                self.sink.row(self.cells[0], self.cells[1] if len(self.cells) > 1 else "",
                              self.row_line, "zh-CN", " | ".join(self.cells))
            return
        text = clean("".join(self.buf).split("\n")[0] if tag in ("td",) else "".join(self.buf))
        self.buf = None
        s = self.sink
        if tag in ("h3", "h4") and CODE_HEAD.match(text):
            m = CODE_HEAD.match(text)
            s.heading(int(m.group(1)), m.group(2).strip() or None, self.line, "zh-CN")
        elif tag in ("h2", "h3", "h4"):
            s.new_section(text, self.line)
        elif tag == "li":
            if s.entry:
                s.text(text, "bullet", self.line, "zh-CN", text)
            else:
                s.list_code(text, self.line)
        elif tag == "p" and s.entry:
            s.text(text, "paragraph", self.line, "zh-CN", text)
        elif tag in ("td", "th"):
            self.cells.append(text)

    def handle_data(self, data):
        if self.buf is not None and not self.anchor:
            self.buf.append(data)


def index_file(rel, domain, locale_spec, superseded):
    sink = Sink(rel, domain, superseded)
    body = (SHARED / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        sink.locale = "zh-CN"
        HtmlReader(sink).feed(body)
    elif rel.endswith(".txt"):
        sink.locale = "zh-CN"
        read_text(body.split("\n"), sink)
    else:
        read_markdown(body.split("\n"), sink, locale_spec)
    sink.close_entry()
    return sink.out


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("docs_index.jsonl")
    records = [r for f in FILES for r in index_file(*f)]
    with out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)
    write_table_rows(records, out.with_name("table_rows.tsv"))


def write_table_rows(records, path):
    """Message-table rows, one line per (message, domain): the codes they are returned under."""
    rows = {}
    for r in records:
        if r["kind"] == "table_row" and not r["superseded"]:
            e = rows.setdefault((r["message"], r["domain"]), dict(codes=set(), locales=set(), where=set(), src=set()))
            e["codes"].add(r["code"])
            e["locales"].add(r["locale"])
            e["where"].add(f"{r['file']}:{r['line']}")
            e["src"].add(r["table_codes_source"])
    with path.open("w", encoding="utf-8") as fh:
        fh.write("message\tdomain\tcodes\tlocales\tcodes_source\twhere\n")
        for (msg, dom), e in sorted(rows.items()):
            fh.write("\t".join([msg, dom, ",".join(str(c) for c in sorted(e["codes"])), ",".join(sorted(e["locales"])),
                                " / ".join(sorted(e["src"])), " ".join(sorted(e["where"]))]) + "\n")
    print(f"{len(rows)} table rows -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
