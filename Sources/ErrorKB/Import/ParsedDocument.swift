/// The two page shapes the importer knows, told apart by content.
public enum DocumentFormat: String, Sendable, Codable {
    /// A web page scraped to plain text: code lines "-1000 NAME" followed by message lines.
    case scrapedText = "scraped-text"
    /// Markdown: code headings "#### \-1000 NAME" followed by bulleted messages.
    case markdown
}

/// Everything read from one document, before it is stored. Indices refer to the arrays here.
public struct ParsedDocument: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var rangeLabel: String?
        public var line: Int
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var lang: MessageLanguage
        public var line: Int
    }

    public struct Relation: Sendable, Equatable {
        public var relation: String
        public var code: Int64
        public var line: Int
    }

    public struct Entry: Sendable, Equatable {
        public var code: Int64
        public var name: String?
        public var section: Int?
        public var line: Int
        public var messages: [Message] = []
        public var relations: [Relation] = []
    }

    /// A code line that refers back to an entry defined earlier in the document.
    public struct Mention: Sendable, Equatable {
        public var code: Int64
        public var name: String?
        public var section: Int?
        public var entry: Int
        public var line: Int
    }

    /// A table row keyed by a message ("Filter failure: LOT_SIZE" → what it means).
    public struct TableRow: Sendable, Equatable {
        public var message: String
        public var description: String
        public var section: Int?
        public var line: Int
        public var lastLine: Int
        /// The codes listed in the row's section, which the row explains.
        public var codes: [Int64] = []
    }

    public var format: DocumentFormat
    public var title: String?
    public var sourceURL: String?
    public var sections: [Section] = []
    public var entries: [Entry] = []
    public var mentions: [Mention] = []
    public var tableRows: [TableRow] = []
    /// The kind of every line; `lineKinds[n - 1]` is line n.
    public var lineKinds: [LineKind] = []
    /// What the importer skipped or changed, by line: `kb build` prints each one.
    public var warnings: [Warning] = []
    /// The lines the importer could not place, each with its text (`message`; empty past the
    /// first 10,000): `kb build` prints each one.
    public var unexplained: [Warning] = []

    public struct Warning: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public var messageCount: Int { entries.reduce(0) { $0 + $1.messages.count } }

    /// Line numbers the importer could not place.
    public var unexplainedLines: [Int] {
        lineKinds.indices.filter { lineKinds[$0] == .unexplained }.map { $0 + 1 }
    }

    /// How many lines of each kind, for reports and the `line_kinds` table.
    public var lineKindCounts: [LineKind: Int] {
        lineKinds.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
