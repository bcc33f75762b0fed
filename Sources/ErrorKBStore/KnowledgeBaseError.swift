/// Why a database cannot be used or written. `kb` exits with status 3 for each of these.
public enum KnowledgeBaseError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notAKnowledgeBase(path: String)
    case corrupt(path: String, detail: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case olderSchema(path: String, found: Int, supported: Int)
    case cannotWrite(path: String, detail: String)

    /// The message `kb` prints: the file and what is wrong with it.
    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such database"
        case .notAKnowledgeBase(let path): return "\(path): not an ErrorKB database (build one with `kb build --out \(path)`)"
        case .corrupt(let path, let detail): return "\(path): the database is damaged: \(detail)"
        case .newerSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is newer than this kb supports (\(supported)); update kb"
        case .olderSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is older than this kb's (\(supported)); rebuild it with `kb build`"
        case .cannotWrite(let path, let detail): return "\(path): cannot write: \(detail)"
        }
    }
}
