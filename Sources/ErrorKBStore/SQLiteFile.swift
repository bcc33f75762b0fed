import ErrorKBSupport
import Foundation
import GRDB
import GRDBSQLite

/// A database file as SQLite sees it: opened through a URI made of the path's bytes (so any file
/// name opens, and a name like `file:x` is a name), with its side files (`-journal`, `-wal`,
/// `-shm`) looked at first, so that a reader creates none and a writer never leaves a stale
/// one beside the file it renames into place.
enum SQLiteFile {
    /// Whether this SQLite reads URI file names (Debian's and most builds do); without it paths go
    /// as they are, and names that are not UTF-8 cannot be opened.
    private static let takesURIs = sqlite3_compileoption_used("USE_URI") == 1

    /// The name to open `path` by, with URI parameters such as `mode=ro`.
    static func name(_ path: String, _ parameters: [String] = []) -> String {
        guard takesURIs else { return path }
        var uri = "file:"
        for byte in SystemPath.bytes(path) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                uri += String(format: "%%%02X", byte)
            }
        }
        return parameters.isEmpty ? uri : uri + "?" + parameters.joined(separator: "&")
    }

    /// How a reader opens `path` so as to write nothing beside it. A WAL-mode file with no log
    /// (or an empty one) holds everything: it is opened immutable, which needs no `-shm`. One
    /// whose log holds changes needs the `-shm` its writer keeps; without one, reading would
    /// create it, so the read is refused with what to do.
    static func readerName(_ path: String) throws -> String {
        guard takesURIs else { return path }
        guard isWAL(path) else { return name(path, ["mode=ro"]) }
        let log = try? FileStatus.of(path + "-wal")
        if log == nil || log?.size == 0 { return name(path, ["mode=ro", "immutable=1"]) }
        if (try? FileStatus.of(path + "-shm")) != nil { return name(path, ["mode=ro"]) }
        throw KnowledgeBaseError.unreadableLog(path: path)
    }

    /// Whether the file's header says WAL mode (bytes 18 and 19 are 2).
    private static func isWAL(_ path: String) -> Bool {
        guard let fd = try? SystemFile.openForReading(path, regularOnly: true) else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 20)
        let count = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 20, 0) }
        return count == 20 && header[18] == 2
    }

    static let sideFileSuffixes = ["-journal", "-wal", "-shm"]

    /// Before a database at `path` is copied or replaced (the caller holds its writer lock):
    /// side files of a file that is gone are removed; otherwise SQLite itself opens the file, which
    /// rolls back a hot journal or folds a WAL into the file, and leaves it in rollback mode with
    /// no side file. Throws `KnowledgeBaseError.cannotWrite` when another program keeps them
    /// (it has the file open, or is writing it).
    static func settleSideFiles(_ path: String, given: String, exists: Bool) throws {
        let present = sideFileSuffixes.filter { (try? FileStatus.of(path + $0, followingLinks: false)) != nil }
        guard !present.isEmpty else { return }
        guard exists else {
            for suffix in present { SystemPath.withCString(path + suffix) { _ = unlink($0) } }
            return
        }
        var configuration = Configuration()
        configuration.label = "ErrorKB.sideFiles"
        configuration.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: name(path, ["mode=rw"]), configuration: configuration)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode")
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch let error as DatabaseError {
            let detail = error.resultCode == .SQLITE_BUSY
                ? "another program is writing it or has it open in WAL mode (\(present.map { given + $0 }.joined(separator: ", "))); try again when it is done"
                : "cannot settle \(present.map { given + $0 }.joined(separator: ", ")): \(error.message ?? "\(error.resultCode)")"
            throw KnowledgeBaseError.cannotWrite(path: given, detail: detail)
        }
        if (try? FileStatus.of(path + "-wal")) != nil {
            throw KnowledgeBaseError.cannotWrite(path: given, detail: "another program has it open in WAL mode (\(given)-wal); close it and try again")
        }
        // A journal SQLite did not roll back is a live writer's; one without a header (persist or
        // truncate mode) is inert. With no log, a -shm is no one's (leaving WAL mode needed every
        // other connection gone).
        if hasJournalHeader(path + "-journal") {
            throw KnowledgeBaseError.cannotWrite(path: given, detail: "another program is writing it (\(given)-journal); try again when it is done")
        }
        for suffix in ["-journal", "-shm"] { SystemPath.withCString(path + suffix) { _ = unlink($0) } }
    }

    /// Whether a journal file starts with the journal header's magic (a write in progress, or hot).
    private static func hasJournalHeader(_ path: String) -> Bool {
        guard let fd = try? SystemFile.openForReading(path, regularOnly: true) else { return false }
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 8)
        let count = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, 0) }
        return count == 8 && magic == [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]
    }
}
