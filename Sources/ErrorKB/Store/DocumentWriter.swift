import GRDB

/// Writes imported documents into a database, with cached prepared statements.
struct DocumentWriter {
    let db: Database

    /// Inserts one document and everything read from it; returns the document's id.
    @discardableResult
    func write(_ document: ImportedDocument) throws -> Int64 {
        let parsed = document.parsed
        try db.cachedStatement(sql: """
            INSERT INTO documents (source_url, domain, locale, title, format, file_name, sha256, size, line_count, raw_text, identity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [parsed.sourceURL, document.origin.domain, document.origin.locale, parsed.title,
                                     parsed.format.rawValue, document.fileName, document.sha256, document.size,
                                     document.lineCount, document.rawText, document.identity])
        let documentID = db.lastInsertedRowID
        try db.cachedStatement(sql: """
            INSERT INTO document_versions (identity, version, domain, locale, source_url, file_name, sha256, size, line_count,
                                           entries, messages, document_id)
            VALUES (?, (SELECT coalesce(max(version), 0) + 1 FROM document_versions WHERE identity = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [document.identity, document.identity, document.origin.domain, document.origin.locale,
                                     parsed.sourceURL, document.fileName, document.sha256, document.size, document.lineCount,
                                     parsed.entries.count, parsed.messageCount, documentID])
        let sectionIDs = try writeSections(parsed.sections, documentID: documentID)
        let entryIDs = try writeEntries(parsed.entries, documentID: documentID, sectionIDs: sectionIDs)
        try writeMentions(parsed.mentions, documentID: documentID, sectionIDs: sectionIDs, entryIDs: entryIDs)
        try writeReasons(parsed.reasons, documentID: documentID, sectionIDs: sectionIDs)
        try writeLines(parsed.lineKinds, documentID: documentID)
        return documentID
    }

    private func writeSections(_ sections: [ParsedDocument.Section], documentID: Int64) throws -> [Int64] {
        let insert = try db.cachedStatement(sql: "INSERT INTO headings (document_id, ordinal, title, range_label, line) VALUES (?, ?, ?, ?, ?)")
        return try sections.enumerated().map { ordinal, section in
            try insert.execute(arguments: [documentID, ordinal + 1, section.title, section.rangeLabel, section.line])
            return db.lastInsertedRowID
        }
    }

    private func writeEntries(_ entries: [ParsedDocument.Entry], documentID: Int64, sectionIDs: [Int64]) throws -> [Int64] {
        let insertEntry = try db.cachedStatement(sql: "INSERT INTO entries (document_id, section_id, ordinal, code, name, line) VALUES (?, ?, ?, ?, ?, ?)")
        let insertMessage = try db.cachedStatement(sql: "INSERT INTO messages (entry_id, ordinal, text, lang, line, template, placeholders) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let insertPlaceholder = try db.cachedStatement(sql: "INSERT INTO placeholders (message_id, ordinal, token, position, style) VALUES (?, ?, ?, ?, ?)")
        let insertRelation = try db.cachedStatement(sql: "INSERT INTO entry_relations (entry_id, relation, code, line) VALUES (?, ?, ?, ?)")
        var ids: [Int64] = []
        ids.reserveCapacity(entries.count)
        for (ordinal, entry) in entries.enumerated() {
            try insertEntry.execute(arguments: [documentID, entry.section.map { sectionIDs[$0] }, ordinal + 1,
                                                entry.code, entry.name, entry.line])
            let entryID = db.lastInsertedRowID
            ids.append(entryID)
            for (index, message) in entry.messages.enumerated() {
                let template = MessageTemplate(message.text)
                try insertMessage.execute(arguments: [entryID, index + 1, message.text, message.lang.rawValue, message.line,
                                                      template.canonical, template.placeholders.count])
                let messageID = db.lastInsertedRowID
                for (ordinal, placeholder) in template.placeholders.enumerated() {
                    try insertPlaceholder.execute(arguments: [messageID, ordinal + 1, placeholder.token, placeholder.position,
                                                              placeholder.style.rawValue])
                }
            }
            for relation in entry.relations {
                try insertRelation.execute(arguments: [entryID, relation.relation, relation.code, relation.line])
            }
            try writeSearchDoc(documentID: documentID, entryID: entryID, reasonID: nil, name: entry.name ?? "",
                               text: entry.messages.map(\.text).joined(separator: "\n"))
        }
        return ids
    }

    private func writeMentions(_ mentions: [ParsedDocument.Mention], documentID: Int64, sectionIDs: [Int64], entryIDs: [Int64]) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO mentions (document_id, section_id, code, name, entry_id, line) VALUES (?, ?, ?, ?, ?, ?)")
        for mention in mentions {
            try insert.execute(arguments: [documentID, mention.section.map { sectionIDs[$0] }, mention.code,
                                           mention.name, entryIDs[mention.entry], mention.line])
        }
    }

    private func writeReasons(_ reasons: [ParsedDocument.Reason], documentID: Int64, sectionIDs: [Int64]) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO reason_rows (document_id, section_id, ordinal, message, description, line, last_line, placeholders)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCode = try db.cachedStatement(sql: "INSERT INTO reason_codes (reason_id, ordinal, code) VALUES (?, ?, ?)")
        for (ordinal, reason) in reasons.enumerated() {
            try insert.execute(arguments: [documentID, reason.section.map { sectionIDs[$0] }, ordinal + 1,
                                           reason.message, reason.description, reason.line, reason.lastLine,
                                           PlaceholderScanner.scan(reason.message).count + PlaceholderScanner.scan(reason.description).count])
            let reasonID = db.lastInsertedRowID
            for (index, code) in reason.codes.enumerated() {
                try insertCode.execute(arguments: [reasonID, index + 1, code])
            }
            try writeSearchDoc(documentID: documentID, entryID: nil, reasonID: reasonID, name: reason.message, text: reason.description)
        }
    }

    private func writeSearchDoc(documentID: Int64, entryID: Int64?, reasonID: Int64?, name: String, text: String) throws {
        try db.cachedStatement(sql: "INSERT INTO search_docs (document_id, entry_id, reason_id, name_terms, text_terms) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [documentID, entryID, reasonID, SearchTerms.indexForm(name), SearchTerms.indexForm(text)])
    }

    /// Counts every line kind, and records where the non-entry text is (runs of one kind).
    private func writeLines(_ kinds: [LineKind], documentID: Int64) throws {
        let counts = kinds.reduce(into: [LineKind: Int]()) { $0[$1, default: 0] += 1 }
        let insertCount = try db.cachedStatement(sql: "INSERT INTO line_kinds (document_id, kind, lines) VALUES (?, ?, ?)")
        for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
            try insertCount.execute(arguments: [documentID, kind.rawValue, count])
        }
        let insertSpan = try db.cachedStatement(sql: "INSERT INTO line_spans (document_id, kind, first_line, last_line) VALUES (?, ?, ?, ?)")
        var index = 0
        while index < kinds.count {
            let kind = kinds[index]
            var end = index
            while end + 1 < kinds.count && kinds[end + 1] == kind { end += 1 }
            if !kind.isContent {
                try insertSpan.execute(arguments: [documentID, kind.rawValue, index + 1, end + 1])
            }
            index = end + 1
        }
    }
}
