import ErrorKBModel
import Foundation
import GRDB

/// Writes documents into a database through prepared statements bound directly. It is the sink
/// a document is read into, so a file's entries reach the database as the importer reads them:
/// `begin` adds the document's row, the sink calls add what it holds, `finish` completes the row.
package final class DocumentWriter: DocumentSink {
    let db: Database
    private let insertDocument, completeDocument, insertVersion, insertSection, insertEntry, insertMessage, insertPlaceholder: BulkStatement
    private let recordFetch: BulkStatement
    private let insertRelation, insertMention, insertTableRow, insertTableRowCode, insertIndexRow, insertLineKind, insertSpan: BulkStatement
    private let insertAnchor, insertLink: BulkStatement
    /// The search index written on a thread of its own (a new file's), else nil: rows go into
    /// the file's index directly.
    var parallelIndex: ParallelSearchIndex?
    private var documentID: Int64 = 0
    /// The next entry's id: given explicitly, so that the entry is its own meaning from the start
    /// (`Meanings.refresh` joins the entries that share one).
    private var nextEntryID: Int64 = 1
    private var sectionIDs: [Int64] = []
    private var entryIDs: [Int64] = []
    /// The first failure while reading into the database; `finish` throws it.
    private var failure: Error?
    package var hasFailed: Bool { failure != nil }

    init(db: Database) throws {
        self.db = db
        insertDocument = try BulkStatement(db, sql: """
            INSERT INTO documents (domain, locale, format, file_name, sha256, size, line_count) VALUES ('', '', '', ?, '', 0, 0)
            """)
        completeDocument = try BulkStatement(db, sql: """
            UPDATE documents SET source_url = ?, domain = ?, locale = ?, title = ?, format = ?, file_name = ?, sha256 = ?,
                                 size = ?, line_count = ?, identity = ?, stated_date = ?
            WHERE id = ?
            """)
        recordFetch = try BulkStatement(db, sql: "UPDATE documents SET etag = ?, last_modified = ?, fetched_at = ? WHERE id = ?")
        insertVersion = try BulkStatement(db, sql: """
            INSERT INTO document_versions (identity, version, domain, locale, source_url, file_name, sha256, size, line_count,
                                           entries, messages, document_id, fetched_at)
            VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM document_versions WHERE identity = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """)
        insertSection = try BulkStatement(db, sql: "INSERT INTO sections (document_id, ordinal, title, range_label, line) VALUES (?, ?, ?, ?, ?)")
        insertEntry = try BulkStatement(db, sql: "INSERT INTO entries (id, meaning, document_id, section_id, ordinal, code, name, line) VALUES (?1, ?1, ?, ?, ?, ?, ?, ?)")
        insertMessage = try BulkStatement(db, sql: "INSERT INTO messages (entry_id, ordinal, text, lang, line, template, placeholders) VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertPlaceholder = try BulkStatement(db, sql: "INSERT INTO placeholders (message_id, ordinal, token, position, style) VALUES (?, ?, ?, ?, ?)")
        insertRelation = try BulkStatement(db, sql: "INSERT INTO entry_relations (entry_id, relation, code, line) VALUES (?, ?, ?, ?)")
        insertMention = try BulkStatement(db, sql: "INSERT INTO mentions (document_id, section_id, code, name, entry_id, line) VALUES (?, ?, ?, ?, ?, ?)")
        insertTableRow = try BulkStatement(db, sql: """
            INSERT INTO table_rows (document_id, section_id, ordinal, message, description, line, last_line, placeholders)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertTableRowCode = try BulkStatement(db, sql: "INSERT INTO table_row_codes (table_row_id, ordinal, code) VALUES (?, ?, ?)")
        insertIndexRow = try BulkStatement(db, sql: "INSERT INTO search_index (rowid, name_terms, text_terms) VALUES (?, ?, ?)")
        insertLineKind = try BulkStatement(db, sql: "INSERT INTO line_kinds (document_id, kind, lines) VALUES (?, ?, ?)")
        insertSpan = try BulkStatement(db, sql: "INSERT INTO line_spans (document_id, kind, first_line, last_line) VALUES (?, ?, ?, ?)")
        insertAnchor = try BulkStatement(db, sql: "INSERT OR IGNORE INTO section_anchors (section_id, anchor) VALUES (?, ?)")
        insertLink = try BulkStatement(db, sql: "INSERT INTO entry_links (entry_id, anchor, line) VALUES (?, ?, ?)")
    }

    /// Adds a document's row, to be completed by `finish`; returns its id.
    func begin(fileName: String) throws -> Int64 {
        insertDocument.bind(1, (fileName as NSString).lastPathComponent)
        documentID = try insertDocument.run()
        nextEntryID = try (db.cachedValue(Int64.self, "SELECT max(id) FROM entries", []) ?? 0) + 1
        sectionIDs = []
        entryIDs = []
        failure = nil
        return documentID
    }

    /// Writes a document read into memory.
    func write(_ document: ImportedDocument) throws -> Int64 {
        let id = try begin(fileName: document.fileName)
        document.parsed.replay(into: self)
        try finish(document)
        return id
    }

    /// Completes the document's row: what only the whole document tells (origin, digest, line kinds).
    func finish(_ document: ImportedDocument) throws {
        if let failure { throw failure }
        let parsed = document.parsed
        let values: [String?] = [parsed.sourceURL, document.origin.domain, document.origin.locale, parsed.title,
                                 parsed.format.rawValue, document.fileName, document.sha256]
        for (index, value) in values.enumerated() { completeDocument.bind(Int32(index + 1), value) }
        completeDocument.bind(8, document.size)
        completeDocument.bind(9, document.lineCount)
        completeDocument.bind(10, document.identity)
        completeDocument.bind(11, parsed.date)
        completeDocument.bind(12, documentID)
        try completeDocument.run()
        if let fetch = document.fetch { try record(fetch, documentID: documentID) }
        try writeLines(parsed, documentID: documentID)
    }

    /// Records how a document's bytes came over HTTP (its validators and download time).
    func record(_ fetch: FetchState, documentID: Int64) throws {
        recordFetch.bind(1, fetch.etag)
        recordFetch.bind(2, fetch.lastModified)
        recordFetch.bind(3, fetch.fetchedAt)
        recordFetch.bind(4, documentID)
        try recordFetch.run()
    }

    /// Records the document as the current version of its identity.
    func recordVersion(_ document: ImportedDocument, documentID: Int64) throws {
        insertVersion.bind(1, document.identity)
        for (index, value) in [document.origin.domain, document.origin.locale, document.parsed.sourceURL, document.fileName, document.sha256].enumerated() {
            insertVersion.bind(Int32(index + 2), value)
        }
        insertVersion.bind(7, document.size)
        insertVersion.bind(8, document.lineCount)
        insertVersion.bind(9, document.entryCount)
        insertVersion.bind(10, document.messageCount)
        insertVersion.bind(11, documentID)
        insertVersion.bind(12, document.fetch?.fetchedAt)
        try insertVersion.run()
    }

    // MARK: - DocumentSink

    package func section(_ section: ParsedDocument.Section, index: Int) {
        attempt {
            insertSection.bind(1, documentID)
            insertSection.bind(2, index + 1)
            insertSection.bind(3, section.title)
            insertSection.bind(4, section.rangeLabel)
            insertSection.bind(5, section.line)
            let sectionID = try insertSection.run()
            sectionIDs.append(sectionID)
            for anchor in section.anchors {
                insertAnchor.bind(1, sectionID)
                insertAnchor.bind(2, anchor)
                try insertAnchor.run()
            }
        }
    }

    package func entry(_ entry: ParsedDocument.Entry, index: Int) { write(.entry(PreparedEntry(entry), index: index)) }

    package func tableRow(_ row: ParsedDocument.TableRow, index: Int) { write(.tableRow(PreparedTableRow(row), index: index)) }

    /// Writes one item (prepared here, or on a reading thread).
    package func write(_ item: DocumentItem) {
        switch item {
        case .section(let section, let index): self.section(section, index: index)
        case .entry(let entry, let index): attempt { try write(entry, index: index) }
        case .mention(let mention): self.mention(mention)
        case .tableRow(let row, let index): attempt { try write(row, index: index) }
        }
    }

    private func write(_ prepared: PreparedEntry, index: Int) throws {
        let entry = prepared.entry
        insertEntry.bind(1, nextEntryID)
        insertEntry.bind(2, documentID)
        insertEntry.bind(3, entry.section.map { sectionIDs[$0] })
        insertEntry.bind(4, index + 1)
        insertEntry.bind(5, entry.code)
        insertEntry.bind(6, entry.name)
        insertEntry.bind(7, entry.line)
        let entryID = try insertEntry.run()
        nextEntryID = entryID + 1
        entryIDs.append(entryID)
        for (index, message) in entry.messages.enumerated() {
            let template = prepared.templates[index]
            insertMessage.bind(1, entryID)
            insertMessage.bind(2, index + 1)
            insertMessage.bind(3, message.text)
            insertMessage.bind(4, message.lang.rawValue)
            insertMessage.bind(5, message.line)
            insertMessage.bind(6, template.placeholders.isEmpty ? nil : template.canonical)
            insertMessage.bind(7, template.placeholders.count)
            let messageID = try insertMessage.run()
            for (ordinal, placeholder) in template.placeholders.enumerated() {
                insertPlaceholder.bind(1, messageID)
                insertPlaceholder.bind(2, ordinal + 1)
                insertPlaceholder.bind(3, placeholder.token)
                insertPlaceholder.bind(4, placeholder.position)
                insertPlaceholder.bind(5, placeholder.style.rawValue)
                try insertPlaceholder.run()
            }
        }
        for link in entry.links {
            insertLink.bind(1, entryID)
            insertLink.bind(2, link.anchor)
            insertLink.bind(3, link.line)
            try insertLink.run()
        }
        for relation in entry.relations {
            insertRelation.bind(1, entryID)
            insertRelation.bind(2, relation.relation)
            insertRelation.bind(3, relation.code)
            insertRelation.bind(4, relation.line)
            try insertRelation.run()
        }
        var search = prepared.search
        search.rowid = entryID
        try writeIndexRow(search)
    }

    package func mention(_ mention: ParsedDocument.Mention) {
        attempt {
            insertMention.bind(1, documentID)
            insertMention.bind(2, mention.section.map { sectionIDs[$0] })
            insertMention.bind(3, mention.code)
            insertMention.bind(4, mention.name)
            insertMention.bind(5, entryIDs[mention.entry])
            insertMention.bind(6, mention.line)
            try insertMention.run()
        }
    }

    private func write(_ prepared: PreparedTableRow, index: Int) throws {
        let row = prepared.row
        insertTableRow.bind(1, documentID)
        insertTableRow.bind(2, row.section.map { sectionIDs[$0] })
        insertTableRow.bind(3, index + 1)
        insertTableRow.bind(4, row.message)
        insertTableRow.bind(5, row.description)
        insertTableRow.bind(6, row.line)
        insertTableRow.bind(7, row.lastLine)
        insertTableRow.bind(8, prepared.placeholders)
        let tableRowID = try insertTableRow.run()
        for (index, code) in row.codes.enumerated() {
            insertTableRowCode.bind(1, tableRowID)
            insertTableRowCode.bind(2, index + 1)
            insertTableRowCode.bind(3, code)
            try insertTableRowCode.run()
        }
        var search = prepared.search
        search.rowid = -tableRowID
        try writeIndexRow(search)
    }

    /// The sink's calls cannot throw: the first failure is kept for `finish`, and the rest skipped.
    private func attempt(_ body: () throws -> Void) {
        guard failure == nil else { return }
        do { try body() } catch { failure = error }
    }

    private func writeIndexRow(_ row: SearchIndex.Row) throws {
        if let parallelIndex { return parallelIndex.insert(row) }
        insertIndexRow.bind(1, row.rowid)
        insertIndexRow.bind(2, row.nameTerms)
        insertIndexRow.bind(3, row.textTerms)
        try insertIndexRow.run()
    }

    /// Counts every line kind, and records where the non-entry text is (runs of one kind).
    private func writeLines(_ parsed: ParsedDocument, documentID: Int64) throws {
        let kinds = parsed.lineKinds
        for (kind, count) in parsed.lineKindCounts.sorted(by: { $0.key < $1.key }) {
            insertLineKind.bind(1, documentID)
            insertLineKind.bind(2, kind.rawValue)
            insertLineKind.bind(3, count)
            try insertLineKind.run()
        }
        var index = 0
        while index < kinds.count {
            let kind = kinds[index]
            var end = index
            while end + 1 < kinds.count && kinds[end + 1] == kind { end += 1 }
            if !kind.isContent {
                insertSpan.bind(1, documentID)
                insertSpan.bind(2, kind.rawValue)
                insertSpan.bind(3, index + 1)
                insertSpan.bind(4, end + 1)
                try insertSpan.run()
            }
            index = end + 1
        }
    }
}
