import GRDB

/// An in-memory database kept open to store documents and undo it: a check that documents
/// store cleanly, without the cost of a new database (and its schema) each time. The importer's
/// fuzz target stores every input through one.
public final class ScratchStore: Sendable {
    private let queue: DatabaseQueue

    public init() throws {
        queue = try DatabaseQueue()
        try Schema.migrate(queue)
        try queue.write { db in
            try KnowledgeBaseBuilder.writeDictionary(db)
            // Outside the savepoints, so that no rollback drops it.
            try SearchVocabulary.open(db)
        }
    }

    /// Stores the documents, reads back what the file would report, and rolls it all back.
    public func store(_ documents: [ImportedDocument]) throws -> Stats {
        try queue.inDatabase { db in
            var stats: Stats?
            try db.inSavepoint {
                try KnowledgeBaseBuilder.fill(db, with: documents, keepIndexes: true)
                stats = try KnowledgeBase.stats(db)
                return .rollback
            }
            return stats!
        }
    }
}
