import GRDB

extension KnowledgeBase {
    /// How a connection uses its database.
    enum Access {
        /// An existing file, read and never written.
        case readOnly
        /// A new file nobody else sees until it is renamed into place.
        case privateFile
        /// A database in memory.
        case memory
    }

    /// The one place connections are configured.
    static func makeConfiguration(_ access: Access) -> Configuration {
        var config = Configuration()
        config.label = "ErrorKB"
        config.prepareDatabase { db in RankFunction.register(db) }
        switch access {
        case .readOnly:
            config.readonly = true
            // Pages are read through a memory map: no read call and no copy per page, which was an
            // eighth of a search on a large file. Read-only, so nothing is ever written through it.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
        case .privateFile:
            // The file is private until renamed, so a crash can only lose the temp file.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF") }
        case .memory:
            break
        }
        return config
    }
}
