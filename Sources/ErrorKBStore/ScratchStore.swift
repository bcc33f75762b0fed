import ErrorKBModel
import GRDB

/// An in-memory database kept open to store documents and undo it: a check that documents
/// store cleanly, without the cost of a new database (and its schema) each time. The importer's
/// fuzz target stores every input through one.
package final class ScratchStore: Sendable {
    private let queue: DatabaseQueue

    package init() throws {
        queue = try DatabaseQueue(configuration: KnowledgeBase.makeConfiguration(.memory))
        // Empty, but complete: its vocabulary table is made here, outside the savepoints, so that
        // no rollback drops it.
        try KnowledgeBase.populate(queue, keepIndexes: true) { _ in }
    }

    /// Stores the documents, reads back what the file would report, and rolls it all back.
    package func store(_ documents: [ImportedDocument]) throws -> Stats {
        try queue.inDatabase { db in
            var stats: Stats?
            try db.inSavepoint {
                try DocumentStore.fill(db, with: documents, keepIndexes: true)
                stats = try KnowledgeBase.stats(db)
                return .rollback
            }
            return stats!
        }
    }
}
