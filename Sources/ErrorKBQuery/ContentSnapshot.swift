import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// What a set of documents says, reduced to content: per domain and locale, each code's names
/// and messages. Markup (bullets, escapes, wrapping, heading levels, anchors) is already gone,
/// so two snapshots differ only where the documentation does.
public struct ContentSnapshot: Sendable, Equatable {
    /// A domain and locale: one document's content, or several of one page.
    public struct Key: Hashable, Comparable, Sendable {
        /// The API product.
        public var domain: String
        /// The locale.
        public var locale: String
        /// By domain, then locale.
        public static func < (a: Key, b: Key) -> Bool { (a.domain, a.locale) < (b.domain, b.locale) }
    }

    /// What a code means in one domain and locale.
    public struct Definition: Sendable, Equatable {
        /// Names of the code's entries, in document order (several when the code is repeated).
        public var names: [String?]
        /// Its messages with spaces collapsed, in document order.
        public var messages: [String]
    }

    /// Each domain and locale's codes.
    public var documents: [Key: [Int64: Definition]] = [:]

    /// An empty snapshot.
    public init() {}

    /// From imported documents.
    public init(_ imported: [ImportedDocument]) {
        for document in imported {
            let key = Key(domain: document.origin.domain, locale: document.origin.locale)
            for entry in document.parsed.entries {
                add(key, code: entry.code, name: entry.name, messages: entry.messages.map(\.text))
            }
        }
    }

    /// From a database, or one document of it (`documentID`, `documents.id`). Each message is
    /// read as its own record: a message may hold a newline (a `<br>` in the page), so joining and
    /// splitting them again would change them.
    public init(_ kb: KnowledgeBase, documentID: Int64? = nil) throws {
        var texts: [Int64: [String]] = [:]
        var entries: [LocatedEntry] = []
        try kb.records { records in
            try records.forEachEntry { if documentID == nil || $0.documentID == documentID { entries.append($0) } }
            let wanted = Set(entries.map(\.id))
            try records.forEachMessage { if wanted.contains($0.entryID) { texts[$0.entryID, default: []].append($0.text) } }
        }
        for entry in entries {
            add(Key(domain: entry.domain, locale: entry.locale), code: entry.code, name: entry.name, messages: texts[entry.id] ?? [])
        }
    }

    private mutating func add(_ key: Key, code: Int64, name: String?, messages: [String]) {
        var definition = documents[key, default: [:]][code] ?? Definition(names: [], messages: [])
        definition.names.append(name)
        definition.messages += messages.map { MessageTemplate.collapseWhitespace($0).trimmingWhitespace() }
        documents[key, default: [:]][code] = definition
    }
}
