/// The page shapes the importer knows, told apart by content.
public enum DocumentFormat: String, Sendable, Codable {
    /// A web page scraped to plain text: code lines "-1000 NAME" followed by message lines.
    case scrapedText = "scraped-text"
    /// Markdown: code headings "#### \-1000 NAME" followed by bulleted messages.
    case markdown
    /// A page as the site serves it: `<h3>-1000 NAME</h3>` followed by `<ul><li>` messages.
    case html
}

/// Everything read from one document, before it is stored. Indices refer to the arrays here;
/// lines are 1-based.
public struct ParsedDocument: Sendable, Equatable {
    /// A headed part of the document ("10xx - General Server or Network issues").
    public struct Section: Sendable, Equatable {
        /// The heading as written, markup removed.
        public var title: String
        /// The code range the title starts with ("10xx", "3xxx-5xxx"), if any.
        public var rangeLabel: String?
        /// 1-based line.
        public var line: Int
        /// The names a link within the page reaches the section by: an HTML anchor just before
        /// its heading (`<a id="filter_failures"></a>`) and the heading's slug (`filter-failures`).
        public var anchors: [String]

        package init(title: String, rangeLabel: String?, line: Int, anchors: [String] = []) {
            self.title = title
            self.rangeLabel = rangeLabel
            self.line = line
            self.anchors = anchors
        }
    }

    /// A link from an entry's message to a part of the same page: the spot page's -1013 says its
    /// messages are in `[Filter Failures](#filter-failures)`.
    public struct Link: Sendable, Equatable {
        /// The anchor linked to, without its `#`.
        public var anchor: String
        /// 1-based line of the message that holds the link.
        public var line: Int

        package init(anchor: String, line: Int) {
            self.anchor = anchor
            self.line = line
        }
    }

    /// A documented message of an entry.
    public struct Message: Sendable, Equatable {
        /// The message as written, markup removed (a `<br>` is a newline).
        public var text: String
        /// Its language.
        public var lang: MessageLanguage
        /// 1-based line.
        public var line: Int

        package init(text: String, lang: MessageLanguage, line: Int) {
            self.text = text
            self.lang = lang
            self.line = line
        }
    }

    /// A fact an entry states about another code (-1099's message "替换错误代码-1999": `replaces` -1999).
    public struct Relation: Sendable, Equatable {
        /// `replaces`.
        public var relation: String
        /// The other code.
        public var code: Int64
        /// 1-based line.
        public var line: Int

        package init(relation: String, code: Int64, line: Int) {
            self.relation = relation
            self.code = code
            self.line = line
        }
    }

    /// One definition of a code: its name as written (nil when the page gives none), its section
    /// (an index into `sections`) and its messages.
    public struct Entry: Sendable, Equatable {
        /// The code, e.g. -1121.
        public var code: Int64
        /// The name as written; nil when the page gives none.
        public var name: String?
        /// Index of its section in `sections`.
        public var section: Int?
        /// 1-based line.
        public var line: Int
        /// Its messages, in document order.
        public var messages: [Message] = []
        /// Facts its messages state about other codes.
        public var relations: [Relation] = []
        /// Parts of the page its messages link to.
        public var links: [Link] = []

        package init(code: Int64, name: String?, section: Int?, line: Int) {
            self.code = code
            self.name = name
            self.section = section
            self.line = line
        }
    }

    /// A code line that refers back to an entry defined earlier in the document (`entry` is its
    /// index).
    public struct Mention: Sendable, Equatable {
        /// The code, e.g. -1121.
        public var code: Int64
        /// The name as written; nil when the page gives none.
        public var name: String?
        /// Index of its section in `sections`.
        public var section: Int?
        /// Index of the entry referred to, in `entries`.
        public var entry: Int
        /// 1-based line.
        public var line: Int

        package init(code: Int64, name: String?, section: Int?, entry: Int, line: Int) {
            self.code = code
            self.name = name
            self.section = section
            self.entry = entry
            self.line = line
        }
    }

    /// A table row keyed by a message ("Filter failure: LOT_SIZE" → what it means).
    public struct TableRow: Sendable, Equatable {
        /// The runtime message the row explains.
        public var message: String
        /// What the message means; a cell over several lines keeps its newlines.
        public var description: String
        /// Index of its section in `sections`.
        public var section: Int?
        /// 1-based line.
        public var line: Int
        /// 1-based last line of the row.
        public var lastLine: Int
        /// The codes listed in the row's section, which the row explains.
        public var codes: [Int64] = []

        package init(message: String, description: String, section: Int?, line: Int, lastLine: Int) {
            self.message = message
            self.description = description
            self.section = section
            self.line = line
            self.lastLine = lastLine
        }
    }

    /// A line the importer reports, with why (or, for an unexplained line, its text).
    public struct Warning: Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// Why the line is reported (for an unexplained line, its text).
        public var message: String

        package init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The page shape, told from the content.
    public var format: DocumentFormat
    /// The document's first heading.
    public var title: String?
    /// The page's URL, when it names one (or `--source` gives it).
    public var sourceURL: String?
    /// The locale the page states for itself (`<html lang>`), when it states one.
    public var locale: String?
    /// The date the page states for itself, `yyyy-mm-dd`: front matter's `updated_at`, `scraped_at`
    /// or `date`, else a date closing its title (`Error codes for Binance (2019-09-25)`), else the
    /// date its MANIFEST.md's origin column gives its copy.
    public var date: String?
    /// The document's first line in its file: 1, unless the file holds several pages one after
    /// another (a bilingual file's second half starts further down). Line numbers count from
    /// the file's start.
    public var firstLine = 1
    /// Sections, in document order.
    public var sections: [Section] = []
    /// Entries, in document order (empty for a streamed document).
    public var entries: [Entry] = []
    /// Mentions, in document order (empty for a streamed document).
    public var mentions: [Mention] = []
    /// Message-keyed table rows, in document order (empty for a streamed document).
    public var tableRows: [TableRow] = []
    /// The kind of every line; `lineKinds[n - firstLine]` is line n.
    public var lineKinds: [LineKind] = []
    /// What the importer skipped or changed, by line: `kb build` prints each one.
    public var warnings: [Warning] = []
    /// The lines the importer could not place, each with its text (`message`; empty past the
    /// first 10,000): `kb build` prints each one.
    public var unexplained: [Warning] = []

    package init(format: DocumentFormat) {
        self.format = format
    }

    /// How many messages the entries have.
    public var messageCount: Int { entries.reduce(0) { $0 + $1.messages.count } }

    /// Line numbers the importer could not place.
    public var unexplainedLines: [Int] {
        lineKinds.indices.filter { lineKinds[$0] == .unexplained }.map { $0 + firstLine }
    }

    /// How many lines of each kind, for reports and the `line_kinds` table.
    public var lineKindCounts: [LineKind: Int] {
        lineKinds.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
