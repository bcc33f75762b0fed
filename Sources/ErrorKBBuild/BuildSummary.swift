import ErrorKBModel
import ErrorKBStore

/// What `kb build` made.
public struct BuildSummary: Sendable, Codable, Equatable {
    /// A line of a document, with why it is reported.
    public struct Unexplained: Sendable, Codable, Equatable {
        /// The document's file name.
        public var file: String
        /// 1-based line number.
        public var line: Int
        /// The line's text, or why it is reported.
        public var text: String
    }

    /// Documents in the file (the last version of each).
    public var documents = 0
    /// Their sections.
    public var sections = 0
    /// Their entries.
    public var entries = 0
    /// Their messages.
    public var messages = 0
    /// Their message-keyed table rows.
    public var tableRows = 0
    /// Duplicate groups by kind (code_repeated, name_shared, code_conflict, code_shared).
    public var duplicateGroups: [String: Int] = [:]
    /// Lines the importer could not place: `kb build` prints each one.
    public var unexplained: [Unexplained] = []
    /// Lines the importer skipped or changed, with why.
    public var warnings: [Unexplained] = []
    /// Inputs that did not end up in the file as given: repeated, or replaced by a later version.
    public var notes: [String] = []
    /// The documents' sources (URL, else file name), sorted.
    public var sources: [String] = []
    /// Documents with no entries or table rows (imported, but empty).
    public var emptyDocuments: [String] = []
}

extension BuildSummary {
    /// What `kb build` says when a later input is a newer version of an earlier one: the newest
    /// is the one given last (as with `kb add`); the dates the pages state are only checked.
    static func versionNote(_ document: ImportedDocument, _ result: AddResult, replacing earlier: ImportedDocument) -> String {
        var note = "\(document.name): a newer version of \(earlier.name) (\(document.origin.domain) · \(document.origin.locale), "
            + "the same \(document.identityDescription)); it is current, the other is kept as history"
        if let dates = result.olderDate {
            note += "; but it states an older date (\(dates.new)) than \(earlier.name) (\(dates.replaced)): give versions oldest first"
        }
        return note
    }

    /// What the documents hold, as read: counts, warnings and unexplained lines.
    package init(documents: [ImportedDocument]) {
        for document in documents {
            let parsed = document.parsed
            self.documents += 1
            sections += parsed.sections.count
            entries += document.entryCount
            messages += document.messageCount
            tableRows += document.tableRowCount
            warnings += parsed.warnings.map { .init(file: document.fileName, line: $0.line, text: $0.message) }
            unexplained += parsed.unexplained.map { .init(file: document.fileName, line: $0.line, text: $0.message) }
            if document.isEmpty { emptyDocuments.append(document.name) }
        }
        sources = Array(Set(documents.map { $0.parsed.sourceURL ?? $0.fileName })).sorted()
    }

    /// What a build wrote: the summary counts what the file holds, the last version of each
    /// document; the notes say which inputs were repeated or replaced.
    init(results: [(result: AddResult, document: ImportedDocument)], duplicateGroups: [String: Int]) {
        var current: [String: Int] = [:]
        var notes: [String] = []
        for (index, (result, document)) in results.enumerated() {
            let identity = document.identity
            switch result.action {
            case .unchanged:
                let earlier = current[identity].map { results[$0].document.name } ?? "an earlier input"
                notes.append("\(document.name): the same document as \(earlier); imported once")
            case .replaced:
                if let earlier = current[identity].map({ results[$0].document }) {
                    notes.append(Self.versionNote(document, result, replacing: earlier))
                }
                current[identity] = index
            case .added:
                current[identity] = index
            }
        }
        self.init(documents: current.values.sorted().map { results[$0].document })
        self.duplicateGroups = duplicateGroups
        self.notes = notes
    }
}
