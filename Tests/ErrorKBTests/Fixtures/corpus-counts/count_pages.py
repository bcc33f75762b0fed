#!/usr/bin/env python3
"""Independent counts of Binance error-code pages (issue 15 acceptance oracle).

Written from scratch, standard library only; it shares no code or rules file with the
importer in /work/main.  Three readers (markdown, scraped text, HTML) feed one Page model
through the same small set of events, so every format is counted by the same rules:

  section(line, title)          a heading that is not a code and not the page title
  code(line, code, name, how)   a line/heading that defines a code; it becomes an ENTRY,
                                or a MENTION when the same (code, name) is already an entry
                                (how: 'heading', 'list' item or plain text 'line'; only list
                                items and text lines can be mentions)
  text(line, text)              a bullet / paragraph / list item: a MESSAGE when the current
                                block is an entry, else section PROSE
  row(line, key)                a message-keyed table row (key = first cell, quotes removed)

Usage:  count_pages.py [--jsonl OUT] [--lines] [FILE...]   (default: every seed-docs and corpus page)
        count_pages.py --diff OLD[#half] NEW[#half]
        count_pages.py --table FILE...          (one markdown table row per page / half)
"""
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser

CODE_TEXT = re.compile(r'^(-?\d{3,})(?:\s+(\S.*?))?\s*$')           # "-1000 UNKNOWN", "-18002"
CODE_LIST = re.compile(r'^(-?\d{3,})\s+([A-Z][A-Z0-9_]*)$')           # list item "`-1010 ERROR_MSG_RECEIVED`"
PLACEHOLDER = re.compile(r'%[sdb]|％[sd]|\{\d+\}|\{[A-Za-z_]\w*\}')   # %b: USD-M/PM "reduceOnly '%b'"
LETTER_AFTER_PCT_S = re.compile(r'%s[A-Za-z]')
CODE_START = re.compile(r'^[\s#*+>|`"\\-]*?(-?\\?-?\d{4,})\b')    # a line that starts with a code-like token
INVISIBLE = {'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f'}


def unescape_md(s):
    return re.sub(r'\\([\\`*_{}\[\]()#+\-.!|<>])', r'\1', s)


def strip_invisible(s):
    return ''.join(ch for ch in s if ch not in INVISIBLE)


def plain(s):
    """Message text without inline markdown (backticks, bold) and with single spaces."""
    return re.sub(r'\s+', ' ', s.replace('`', '').replace('**', '')).strip()


def parse_code(text, pattern=CODE_TEXT):
    m = pattern.match(text)
    if not m:
        return None
    return int(m.group(1)), (m.group(2) if m.lastindex and m.lastindex >= 2 else None)


class Page:
    """One document (or one half of a bilingual file) and everything counted in it."""

    def __init__(self, file, half, locale, first, last):
        self.file, self.half, self.locale, self.first, self.last = file, half, locale, first, last
        self.title = None
        self.url = None
        self.entries, self.mentions, self.rows, self.sections, self.prose = [], [], [], [], []
        self.heading_mentions = []      # codes named inside a section heading
        self.current = None             # the entry whose messages are being read
        self.current_section = None
        self.kind = {}                  # line -> what it is (for the per-line audit)

    CONTENT = {'entry', 'mention', 'section', 'title', 'message', 'row', 'prose'}

    def mark(self, line, what):
        # first mark wins, except that page content always beats markup on a shared line
        if line not in self.kind or (what in self.CONTENT and self.kind[line] not in self.CONTENT):
            self.kind[line] = what

    def section(self, line, title):
        self.sections.append((line, title))
        self.current, self.current_section = None, title
        self.mark(line, 'section')
        for m in re.finditer(r'(-\d{4,})\s+([A-Z][A-Z0-9_]+|[^\s，,]+)', title):
            self.heading_mentions.append((line, int(m.group(1)), m.group(2)))

    def code(self, line, code, name, how, level=None):
        if how in ('list', 'line') and any(e['code'] == code and e['name'] == name for e in self.entries):
            self.mentions.append({'line': line, 'code': code, 'name': name})
            self.current = None
            self.mark(line, 'mention')
            return
        entry = {'code': code, 'name': name, 'line': line, 'how': how, 'level': level,
                 'section': self.current_section, 'messages': []}
        self.entries.append(entry)
        self.current = entry
        self.mark(line, 'entry')

    def text(self, line, text):
        if self.current is not None:
            self.current['messages'].append({'line': line, 'text': text})
            self.mark(line, 'message')
        else:
            self.prose.append((line, text))
            self.mark(line, 'prose')

    def row(self, line, key):
        self.rows.append({'line': line, 'key': key, 'section': self.current_section,
                          'kind': 'filter' if key.startswith('Filter failure') else 'order'})
        self.current = None
        self.mark(line, 'row')

    # ---- facts ---------------------------------------------------------------------------
    def facts(self):
        msgs = [m['text'] for e in self.entries for m in e['messages']]
        names = {}
        for e in self.entries:
            if e['name']:
                names.setdefault(e['name'], set()).add(e['code'])
        return {
            'file': self.file, 'half': self.half, 'locale': self.locale,
            'lines': f'{self.first}-{self.last}', 'line_count': self.last - self.first + 1,
            'title': self.title, 'url': self.url,
            'entries': len(self.entries),
            'codes': len({e['code'] for e in self.entries}),
            'pairs': len({(e['code'], e['name']) for e in self.entries}),
            'nameless': sum(1 for e in self.entries if not e['name']),
            'list_entries': [(e['line'], e['code'], e['name']) for e in self.entries if e['how'] == 'list'],
            'mentions': [(m['line'], m['code'], m['name']) for m in self.mentions],
            'messages': len(msgs),
            'placeholder_messages': sum(1 for t in msgs if PLACEHOLDER.search(t)),
            'pct_s_letter': [t for t in msgs if LETTER_AFTER_PCT_S.search(t)],
            'rows': len(self.rows),
            'filter_rows': sum(1 for r in self.rows if r['kind'] == 'filter'),
            'order_rows': sum(1 for r in self.rows if r['kind'] == 'order'),
            'sections': len(self.sections),
            'prose_lines': len(self.prose),
            'shared_names': sorted(n for n, c in names.items() if len(c) > 1),
            'duplicate_codes': sorted({e['code'] for e in self.entries
                                       if sum(1 for x in self.entries if x['code'] == e['code']) > 1}),
            'heading_levels': sorted({e['level'] for e in self.entries if e['level']}),
            'heading_mentions': self.heading_mentions,
            'empty_entries': [(e['line'], e['code']) for e in self.entries if not e['messages']],
        }


# ---- markdown ----------------------------------------------------------------------------
HEADING = re.compile(r'^( {0,3})(#{1,6})\s+(.*?)\s*$')
LIST_ITEM = re.compile(r'^\s*[-*+]\s+(.*?)\s*$')
TABLE_SEP = re.compile(r'^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$')
ANCHOR_LINK = re.compile(r'\[\u200b\]\(.*\)\s*$')      # Docusaurus "[​](/docs/...#id "Direct link")"
HTML_ONLY = re.compile(r'^\s*(<[^>]+>\s*)+$')           # e.g. <a id="other-errors"></a>


def clean_heading(raw):
    return strip_invisible(unescape_md(ANCHOR_LINK.sub('', raw))).strip()


def read_markdown(file, lines, halves):
    """lines: list of str (no newlines); halves: [(half, locale, first, last)] 1-based."""
    pages = []
    for half, locale, first, last in halves:
        p = Page(file, half, locale, first, last)
        in_fence = False
        in_table = False
        seen_heading = False
        i = first
        # YAML front matter (only at line 1)
        if first == 1 and lines[0].strip() == '---':
            j = 2
            while lines[j - 1].strip() != '---':
                m = re.match(r'^(url|source_url):\s*(\S+)', lines[j - 1])
                if m:
                    p.url = m.group(2)
                p.mark(j, 'front matter')
                j += 1
            p.mark(1, 'front matter')
            p.mark(j, 'front matter')
            i = j + 1
        while i <= last:
            s = lines[i - 1]
            if s.strip().startswith('```'):
                in_fence = not in_fence
                p.mark(i, 'code block')
                i += 1
                continue
            if in_fence or (s.startswith('    ') and not LIST_ITEM.match(s) and not in_table and s.strip()):
                p.mark(i, 'code block')
                i += 1
                continue
            h = HEADING.match(s)
            if h:
                in_table = False
                text = clean_heading(h.group(3))
                level = len(h.group(2))
                c = parse_code(text)
                if c:
                    p.code(i, c[0], c[1], 'heading', 'h%d%s' % (level, ' (indented)' if h.group(1) else ''))
                elif level == 1 or not seen_heading:
                    p.title = p.title or text
                    p.current = None
                    p.mark(i, 'title')
                else:
                    p.section(i, text)
                seen_heading = True
                i += 1
                continue
            if not s.strip():
                if s == '':
                    in_table = False          # whitespace-only lines stay inside a table cell
                p.mark(i, 'blank')
                i += 1
                continue
            if not in_table and '|' in s and i < last and TABLE_SEP.match(lines[i]):
                in_table = True
                p.current = None
                p.mark(i, 'table header')
                p.mark(i + 1, 'table header')
                i += 2
                continue
            if in_table:
                t = s.strip()
                if t.startswith('|') or t.startswith('"'):
                    cells = t[1:].split('|') if t.startswith('|') else t.split('|')
                    p.row(i, unescape_md(cells[0]).strip().strip('"').strip())
                else:
                    p.mark(i, 'table continuation')
                i += 1
                continue
            if HTML_ONLY.match(s):
                p.mark(i, 'html anchor')
                i += 1
                continue
            if s.lstrip().startswith('>'):
                m = re.search(r'<(https?://[^>]+)>', s)
                if m and not p.url:
                    p.url = m.group(1)
                p.mark(i, 'blockquote')
                i += 1
                continue
            if s.strip() == '---':
                p.mark(i, 'thematic break')
                i += 1
                continue
            li = LIST_ITEM.match(s)
            body = unescape_md(li.group(1) if li else s.strip()).strip()
            if li:      # a whole item "-1010 ERROR_MSG_RECEIVED" (backticks allowed) defines a code
                c = parse_code(body.strip('`'), CODE_LIST)
                if c:
                    p.code(i, c[0], c[1], 'list')
                    i += 1
                    continue
            p.text(i, body)
            i += 1
        pages.append(p)
    return pages


def md_halves(file, lines):
    """Bilingual files: the second level-1 heading (outside fences/front matter) starts half 2."""
    if '+' not in file.rsplit('/', 1)[-1]:
        return [(None, locale_from_name(file), 1, len(lines))]
    h1, fence = [], False
    for n, s in enumerate(lines, 1):
        if s.strip().startswith('```'):
            fence = not fence
        if not fence and re.match(r'^# \S', s):
            h1.append(n)
    split = h1[1]
    locales = re.search(r'\.([A-Za-z-]+)\+([A-Za-z-]+)\.md$', file).groups()
    return [(1, locales[0], 1, split - 1), (2, locales[1], split, len(lines))]


def locale_from_name(file):
    m = re.search(r'\.(en|zh-CN)(?:\.\d{4}-\d\d-\d\d)?\.(md|txt|html)$', file)
    return m.group(1) if m else None


# ---- scraped text (the wallet seed) ---------------------------------------------------------
def read_text(file, lines):
    """A page scraped to plain text: headings lost their markup.

    Body = after the last line equal to the page title (nav, sidebar and breadcrumb end with
    the title repeated) up to the pagination line '上一页'/'Previous'.  After that come the
    pagination, the table of contents and the footer.  A body line is a SECTION when it is
    not a code line and reappears verbatim in that table of contents."""
    p = Page(file, None, locale_from_name(file), 1, len(lines))
    title = lines[0].lstrip('# ').strip()
    p.title = title
    p.mark(1, 'title')
    m = re.search(r'(https?://\S+)', lines[2])
    p.url = m.group(1) if m else None
    end = next(n for n, s in enumerate(lines, 1) if s.strip() in ('上一页', 'Previous'))
    start = max(n for n, s in enumerate(lines[:end], 1) if s.strip() == title and n > 1) + 1
    toc = {s.strip() for s in lines[end:] if s.strip()}
    for n in range(1, start):
        p.mark(n, 'header/chrome')
    for n in range(end, len(lines) + 1):
        p.mark(n, 'chrome (pagination, toc, footer)')
    in_table = False
    for n in range(start, end):
        s = lines[n - 1]
        t = s.strip()
        c = parse_code(t)
        if c:
            in_table = False
            p.code(n, c[0], c[1], 'line')   # a mention leaves p.current None: what follows is prose
            continue
        if t and t in toc:
            in_table = False
            p.section(n, t)
            continue
        if not t:
            p.mark(n, 'blank')
            continue
        if '\t' in s:
            if not in_table:
                in_table = True
                p.current = None
                p.mark(n, 'table header')
            else:
                p.row(n, t.split('\t')[0].strip().strip('"'))
            continue
        if in_table:
            p.mark(n, 'table continuation')
            continue
        if t in ('{', '}') or t.startswith('"code"') or t.startswith('"msg"'):
            p.mark(n, 'code block')
            continue
        p.text(n, t)
    return [p]


# ---- HTML ----------------------------------------------------------------------------------
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source',
        'track', 'wbr', 'path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'use'}
CHROME_TAGS = {'nav', 'aside', 'footer', 'script', 'style', 'noscript', 'head', 'button', 'svg'}
CHROME_CLASSES = ('tableOfContents', 'tocCollapsible', 'pagination-nav', 'theme-doc-breadcrumbs')


class DocParser(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.p = page
        self.stack = []            # [tag, attrs, start_line, buffer-or-None]
        self.lang = self.canonical = None
        self.chrome = []           # (tag, class, start_line, end_line)
        self.markdown_lines = None
        self.table_lines = []
        self.in_markdown = False
        self.paths = {}

    def _path(self):
        out = []
        for t, a, *_ in self.stack:
            cls = (a.get('class') or '').split(' ')[0]
            out.append(t + ('#' + a['id'] if a.get('id') else '') + ('.' + cls if cls else ''))
        return ' > '.join(out)

    def _mark_markup(self, tag, a, line):
        in_head = tag == 'head' or any(x[0] == 'head' for x in self.stack)
        if in_head or tag in ('html', 'body'):
            self.p.mark(line, 'head/document markup')
        elif self._chrome_depth() or tag in CHROME_TAGS or \
                any(k in (a.get('class') or '') for k in CHROME_CLASSES):
            self.p.mark(line, 'chrome')
        elif tag in ('ul', 'ol', 'li', 'table', 'div', 'article', 'main', 'blockquote', 'pre'):
            self.p.mark(line, 'block markup (%s)' % tag)

    def handle_decl(self, decl):
        self.p.mark(self.getpos()[0], 'head/document markup')

    def _chrome_depth(self):
        return any(t in CHROME_TAGS or any(k in (a.get('class') or '') for k in CHROME_CLASSES)
                   for t, a, *_ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        if tag == 'html':
            self.lang = a.get('lang')
        if tag == 'link' and a.get('rel') == 'canonical':
            self.canonical = a.get('href')
        self._mark_markup(tag, a, line)
        if tag in VOID:
            if tag == 'br':
                self._text('\n')
            return
        if 'theme-doc-markdown' in (a.get('class') or ''):
            self.in_markdown = True
            self.markdown_lines = [line, None]
        buf = None
        if self.in_markdown and not self._chrome_depth():
            inside_li = any(x[0] == 'li' for x in self.stack)
            if tag in ('h1', 'h2', 'h3', 'h4', 'li', 'td', 'th') or (tag == 'p' and not inside_li):
                buf = []
            if tag == 'table':
                self.table_lines.append([line, None])
        self.stack.append([tag, a, line, buf])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            popped = self.stack.pop()
            t, a, line, buf = popped[:4]
            if t == tag:
                break
        else:
            return
        text_line = popped[4] if len(popped) > 4 else line
        end = self.getpos()[0]
        self._close(t, a, text_line if t in ('li', 'p') else line, buf, end)
        # marked after the element's own event, so '<h3>..</h3>' on one line stays 'entry'
        self.p.mark(end, 'chrome' if self._chrome_depth() or t in CHROME_TAGS else 'block markup (/%s)' % t)

    def _close(self, t, a, line, buf, end):
        cls = a.get('class') or ''
        if (t in ('nav', 'aside', 'footer') or any(k in cls for k in CHROME_CLASSES)) and \
                not any(x in CHROME_TAGS or any(k in (y.get('class') or '') for k in CHROME_CLASSES)
                        for x, y, *_ in self.stack):
            self.chrome.append((self._path() + ' > ' + t + ('.' + cls.split(' ')[0] if cls else ''), line, end))
        if 'theme-doc-markdown' in cls:
            self.in_markdown = False
            self.markdown_lines[1] = end
        if t == 'table':
            self.paths.setdefault('table', self._path() + ' > table')
        if t == 'table' and self.table_lines and self.table_lines[-1][1] is None:
            self.table_lines[-1][1] = end
        if buf is None:
            return
        text = ''.join(buf)
        text = re.sub(r'[ \t]*\n[ \t]*', '\n', text).strip()
        if t in ('h1', 'h2', 'h3', 'h4'):
            text = strip_invisible(text).strip()
            c = parse_code(text)
            if t == 'h1':
                self.p.title = text
                self.p.mark(line, 'title')
            elif c and t in ('h3', 'h4'):
                self.p.code(line, c[0], c[1], 'heading', t)
                self.paths.setdefault('code heading', self._path() + ' > ' + t)
            else:
                self.p.section(line, text)
        elif t == 'li':
            c = parse_code(text, CODE_LIST)
            if c:
                self.p.code(line, c[0], c[1], 'list')
            else:
                self.p.text(line, text)
        elif t == 'p':
            if any(x[0] == 'blockquote' for x in self.stack):
                self.p.mark(line, 'blockquote')
            else:
                self.p.text(line, text)
        elif t == 'td':
            row = [x for x in self.stack if x[0] == 'tr']
            if row and not any(x[0] == 'thead' for x in self.stack):
                tr = row[-1]
                if not tr[1].get('_keyed'):
                    tr[1]['_keyed'] = True
                    self.p.row(tr[2], text.strip('"'))

    def _text(self, data):
        for entry in reversed(self.stack):
            if entry[0] == 'a' and 'hash-link' in (entry[1].get('class') or ''):
                return              # the zero-width anchor inside every heading
            if entry[3] is not None:
                if data.strip() and len(entry) == 4:
                    entry.append(self.getpos()[0])     # line where the element's text begins
                entry[3].append(data)
                return

    def handle_data(self, data):
        self._text(data)


def read_html(file, text, lines):
    p = Page(file, None, None, 1, len(lines))
    parser = DocParser(p)
    parser.feed(text)
    parser.close()
    p.locale = parser.lang
    p.url = parser.canonical
    heads = [e['line'] for e in p.entries if e['how'] == 'heading']
    p.html = {'lang': parser.lang, 'canonical': parser.canonical, 'chrome': parser.chrome,
              'markdown_div_lines': parser.markdown_lines, 'tables': parser.table_lines,
              'paths': parser.paths,
              'first_last_code_heading_line': [min(heads), max(heads)] if heads else None}
    return [p]


# ---- driver --------------------------------------------------------------------------------
def read(file):
    text = open(file, encoding='utf-8').read()
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if file.endswith('.html'):
        return read_html(file, text, lines), lines
    if file.endswith('.txt'):
        return read_text(file, lines), lines
    return read_markdown(file, lines, md_halves(file, lines)), lines


def invisible_report(lines):
    found = {}
    for n, s in enumerate(lines, 1):
        for ch in s:
            cat = unicodedata.category(ch)
            if ch in INVISIBLE or ch == '\ufffd' or (cat in ('Cf', 'Zs', 'Cc') and ch not in ' \t'):
                found.setdefault('U+%04X %s' % (ord(ch), unicodedata.name(ch, '?')), []).append(n)
    return found


def code_like_lines(pages, lines):
    """Lines that start with a code-like token and are neither entries, mentions nor rows."""
    out = []
    for n, s in enumerate(lines, 1):
        if not CODE_START.match(unescape_md(s)):
            continue
        kinds = [p.kind.get(n) for p in pages if p.first <= n <= p.last]
        if not any(k in ('entry', 'mention', 'row') for k in kinds):
            out.append((n, kinds[0] if kinds else None, s.strip()[:90]))
    return out


def pick(spec):
    """'file' or 'file#2' (half 2 of a bilingual file)."""
    file, _, half = spec.partition('#')
    pages, _ = read(file)
    return pages[int(half) - 1] if half else pages[0]


def diff(old_spec, new_spec):
    """Codes added/removed, names changed and message lists changed between two pages."""
    a, b = pick(old_spec), pick(new_spec)
    ea = {}
    eb = {}
    for e in a.entries:
        ea.setdefault(e['code'], []).append(e)
    for e in b.entries:
        eb.setdefault(e['code'], []).append(e)
    print(f'--- {old_spec}: {len(a.entries)} entries, {len(ea)} codes, title {a.title!r}')
    print(f'+++ {new_spec}: {len(b.entries)} entries, {len(eb)} codes, title {b.title!r}')
    for code in sorted(set(ea) - set(eb), key=abs):
        print(f'removed {code} {[e["name"] for e in ea[code]]} (old line {ea[code][0]["line"]})')
    for code in sorted(set(eb) - set(ea), key=abs):
        print(f'added   {code} {[e["name"] for e in eb[code]]} (new line {eb[code][0]["line"]})')
    for code in sorted(set(ea) & set(eb), key=abs):
        na, nb = [e['name'] for e in ea[code]], [e['name'] for e in eb[code]]
        if na != nb:
            print(f'renamed {code} {na} -> {nb}')
        ma = [m['text'] for e in ea[code] for m in e['messages']]
        mb = [m['text'] for e in eb[code] for m in e['messages']]
        if ma != mb:
            print(f'messages {code}: {ma} -> {mb}')
    ra, rb = [r['key'] for r in a.rows], [r['key'] for r in b.rows]
    for k in ra:
        if k not in rb:
            print(f'row removed {k!r}')
    for k in rb:
        if k not in ra:
            print(f'row added   {k!r}')
    sa, sb = [t for _, t in a.sections], [t for _, t in b.sections]
    if sa != sb:
        print(f'sections {sa} -> {sb}')


def table(files):
    print('| file | half (locale) | lines | entries (from headings) | codes | (code, name) pairs | '
          'no name | mentions | messages | with placeholder | table rows (filter + order) | sections |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for file in files:
        pages, lines = read(file)
        for p in pages:
            f = p.facts()
            heads = sum(1 for e in p.entries if e['how'] == 'heading')
            name = file.rsplit('/', 1)[-1]
            half = f'{p.half} ({p.locale})' if p.half else (p.locale or '')
            rng = f'{p.first}-{p.last}' if p.half else f'{len(lines)}'
            print(f"| {name} | {half} | {rng} | {f['entries']} ({heads}) | {f['codes']} | {f['pairs']} | "
                  f"{f['nameless']} | {len(f['mentions'])} | {f['messages']} | {f['placeholder_messages']} | "
                  f"{f['rows']} ({f['filter_rows']} + {f['order_rows']}) | {f['sections']} |")


def default_files():
    import glob
    shared = '/work/shared'
    return sorted(glob.glob(shared + '/seed-docs/*')) + \
        sorted(f for f in glob.glob(shared + '/corpus/*') if not f.endswith('MANIFEST.md'))


def main(argv):
    if argv and argv[0] == '--diff':
        diff(argv[1], argv[2])
        return
    if argv and argv[0] == '--table':
        table(argv[1:] or default_files())
        return
    jsonl = None
    show_lines = '--lines' in argv
    argv = [a for a in argv if a != '--lines']
    if '--jsonl' in argv:
        k = argv.index('--jsonl')
        jsonl = open(argv[k + 1], 'w', encoding='utf-8')
        del argv[k:k + 2]
    for file in argv or default_files():
        pages, lines = read(file)
        print('=' * 100)
        print(f'{file}: {len(lines)} lines')
        for p in pages:
            f = p.facts()
            print(json.dumps(f, ensure_ascii=False, indent=None))
            if hasattr(p, 'html'):
                print('html:', json.dumps(p.html, ensure_ascii=False))
            if show_lines:
                counts = {}
                for n in range(p.first, p.last + 1):
                    k = p.kind.get(n, 'UNCLASSIFIED' if lines[n - 1].strip() else 'blank')
                    counts[k] = counts.get(k, 0) + 1
                print('line kinds:', json.dumps(counts, ensure_ascii=False))
                for line, t in p.prose:
                    print(f'   prose {line}: {t[:100]}')
            if jsonl:
                for e in p.entries:
                    jsonl.write(json.dumps({
                        'file': file.rsplit('/', 1)[-1], 'half': p.half, 'locale': p.locale,
                        'code': e['code'], 'name': e['name'], 'line': e['line'], 'how': e['how'],
                        'section': e['section'],
                        'messages': [m['text'] for m in e['messages']],
                        'messages_plain': [plain(m['text']) for m in e['messages']],
                        'message_lines': [m['line'] for m in e['messages']]}, ensure_ascii=False) + '\n')
                for r in p.rows:
                    jsonl.write(json.dumps({'file': file.rsplit('/', 1)[-1], 'half': p.half,
                                            'locale': p.locale, 'row': r['key'], 'line': r['line'],
                                            'table': r['kind'], 'section': r['section']},
                                           ensure_ascii=False) + '\n')
                for m in p.mentions:
                    jsonl.write(json.dumps({'file': file.rsplit('/', 1)[-1], 'half': p.half,
                                            'locale': p.locale, 'mention': m['code'],
                                            'name': m['name'], 'line': m['line']},
                                           ensure_ascii=False) + '\n')
        print('invisible:', json.dumps({k: (len(v), v[:5], v[-2:]) for k, v in invisible_report(lines).items()},
                                       ensure_ascii=False))
        cl = code_like_lines(pages, lines)
        print(f'code-like lines not entry/mention/row: {len(cl)}')
        for x in cl[:12]:
            print('   ', x)


if __name__ == '__main__':
    main(sys.argv[1:])
