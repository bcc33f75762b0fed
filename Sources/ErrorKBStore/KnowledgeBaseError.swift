/// Why a database cannot be used or written. `kb` exits with status 2 for `invalidTarget` (the
/// command names a path that cannot be its output) and 3 for the others.
public enum KnowledgeBaseError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    /// Something else than a regular file is at the path: `what` is "a directory", "a FIFO (named pipe)", ….
    case notAFile(path: String, what: String)
    case unreadable(path: String, reason: String)
    case notAKnowledgeBase(path: String)
    case corrupt(path: String, detail: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case olderSchema(path: String, found: Int, supported: Int)
    /// A write of another program was interrupted and left a hot journal, which a reader cannot roll back.
    case interruptedWrite(path: String)
    /// The file's write-ahead log holds changes, and reading them would create its `-shm`.
    case unreadableLog(path: String)
    case cannotWrite(path: String, detail: String)
    /// The target holds something this command must not write over (see `OutputTarget`).
    case refused(path: String, detail: String)
    /// The path cannot be this command's output: it names a directory, one of its inputs, or another of its outputs.
    case invalidTarget(path: String, detail: String)

    /// The message `kb` prints: the file and what is wrong with it.
    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such database"
        case .notAFile(let path, let what): return "\(path): it is \(what), not a database file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notAKnowledgeBase(let path): return "\(path): not an ErrorKB database (build one with `kb build --out \(path)`)"
        case .corrupt(let path, let detail): return "\(path): the database is damaged: \(detail)"
        case .newerSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is newer than this kb supports (\(supported)); update kb"
        case .olderSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is older than this kb's (\(supported)); rebuild it with `kb build`"
        case .interruptedWrite(let path):
            return "\(path): an interrupted write left \(path)-journal (a hot journal) to be rolled back, and kb only reads; "
                + "open the file once with a program that writes, e.g. sqlite3 \(path) 'PRAGMA quick_check', or run kb add on it"
        case .unreadableLog(let path):
            return "\(path): its write-ahead log \(path)-wal holds changes, and reading them would create \(path)-shm, which kb "
                + "does not do; fold them into the file first, e.g. sqlite3 \(path) 'PRAGMA wal_checkpoint(TRUNCATE)'"
        case .cannotWrite(let path, let detail): return "\(path): cannot write: \(detail)"
        case .refused(let path, let detail), .invalidTarget(let path, let detail): return "\(path): not written: \(detail)"
        }
    }
}
