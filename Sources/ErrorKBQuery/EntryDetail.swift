import ErrorKBStore

/// A message as shown to users.
public struct MessageText: Codable, Sendable, Equatable {
    /// The message as documented.
    public var text: String
    /// `en` or `zh`.
    public var lang: String
    /// 1-based line in the document.
    public var line: Int
}

/// A message-keyed table row (a filter failure, an order rejection) with the codes it explains.
public struct TableRowDetail: Codable, Sendable, Equatable {
    /// The API product, e.g. wallet.
    public var domain: String
    /// The document's locale, e.g. zh-CN.
    public var locale: String
    /// The title of the section the entry (or row) is in.
    public var section: String?
    /// The runtime message the row explains.
    public var message: String
    /// What it means; a cell over several lines keeps its newlines.
    public var description: String
    /// The codes listed in the row's section, in document order.
    public var codes: [Int64]
    /// The document's source URL, else its file name.
    public var source: String
    /// The document's file name.
    public var file: String
    /// 1-based first line of the row.
    public var line: Int
}

/// One definition of a code, with everything needed to show it.
public struct EntryDetail: Codable, Sendable, Equatable {
    /// A fact the entry states about another code (-1099 `replaces` -1999).
    public struct Relation: Codable, Sendable, Equatable {
        /// `replaces`.
        public var relation: String
        /// The other code.
        public var code: Int64
    }

    /// `entries.id`.
    public var id: Int64
    /// The API product, e.g. wallet.
    public var domain: String
    /// The document's locale, e.g. zh-CN.
    public var locale: String
    /// The error code, e.g. -1121.
    public var code: Int64
    /// The name as the page writes it; nil when it gives none.
    public var name: String?
    /// The title of the section the entry (or row) is in.
    public var section: String?
    /// The documented messages, in document order.
    public var messages: [MessageText]
    /// The document's source URL, else its file name.
    public var source: String
    /// The document's file name.
    public var file: String
    /// 1-based line of the code line or heading.
    public var line: Int
    /// Facts the entry states about other codes.
    public var relations: [Relation]
    /// Table rows in the same document that explain this code (order rejections for -2010).
    public var tableRows: [TableRowDetail]
}

extension EntryDetail {
    /// The entries with their messages, relations and explaining table rows, in the order given.
    static func load(_ entries: [LocatedEntry], _ records: RecordReader) throws -> [EntryDetail] {
        guard !entries.isEmpty else { return [] }
        let ids = entries.map(\.id)
        var messages: [Int64: [MessageText]] = [:]
        for message in try records.messages(ofEntries: ids) {
            messages[message.entryID, default: []].append(MessageText(text: message.text, lang: message.lang, line: message.line))
        }
        var relations: [Int64: [Relation]] = [:]
        for relation in try records.relations(ofEntries: ids) {
            relations[relation.entryID, default: []].append(Relation(relation: relation.relation, code: relation.code))
        }
        struct Explained: Hashable { var document: Int64; var code: Int64 }
        var tableRows: [Explained: [TableRowDetail]] = [:]
        for row in try records.tableRows(explaining: entries) {
            tableRows[Explained(document: row.documentID, code: row.explainedCode ?? 0), default: []].append(TableRowDetail(row))
        }
        return entries.map { entry in
            EntryDetail(id: entry.id, domain: entry.domain, locale: entry.locale, code: entry.code, name: entry.name, section: entry.section,
                        messages: messages[entry.id] ?? [], source: entry.source, file: entry.fileName, line: entry.line,
                        relations: relations[entry.id] ?? [], tableRows: tableRows[Explained(document: entry.documentID, code: entry.code)] ?? [])
        }
    }
}

extension TableRowDetail {
    init(_ row: LocatedTableRow) {
        self.init(domain: row.domain, locale: row.locale, section: row.section, message: row.message, description: row.description,
                  codes: row.codes, source: row.source, file: row.fileName, line: row.line)
    }
}
