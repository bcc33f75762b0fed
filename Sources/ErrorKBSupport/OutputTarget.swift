#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file a command is about to write, resolved and checked before anything is written: its
/// symlinks followed to the file they name (so the link stays a link), and refused when it is
/// something a write must not replace.
package struct OutputTarget {
    /// What a write may replace besides an absent or empty file (and, with `force`, any regular
    /// file that is not an input).
    package enum Replaceable: Sendable {
        /// An SQLite database with this `PRAGMA application_id` (an ErrorKB database).
        case database(applicationID: Int32)
        /// Any file but an SQLite database (an export, a JSON file).
        case notADatabase
    }

    /// The path as given, for messages.
    package let given: String
    /// The path of the file itself, symlinks followed.
    package let path: String
    /// What is there now; nil when nothing is.
    package private(set) var existing: FileStatus?

    /// Resolves `path`: its last component is followed through symlinks (relative ones from the
    /// link's directory). Refuses (`Failure.refused`) a path that names a directory (`x/`,
    /// `x/.`), one that leads into /proc (/dev/stdout, /proc/self/fd/1 are not files to
    /// replace), and anything but a regular file.
    package init(_ path: String) throws {
        given = path
        let last = SystemPath.lastComponent(path)
        guard !path.isEmpty, !path.hasSuffix("/"), last != ".", last != ".." else {
            throw AtomicFile.Failure(path: path, detail: "it names a directory; give a file name", kind: .invalid)
        }
        var current = path
        for _ in 0..<40 {
            if current.hasPrefix("/proc/") || Self.realDirectory(of: current).hasPrefix("/proc/") {
                throw AtomicFile.Failure(path: path, detail: "it leads to \(current), which is not a file kb may replace", kind: .refused)
            }
            guard let status = try Self.status(current, followingLinks: false), status.kind == .symbolicLink else { break }
            let destination = try Self.readLink(current)
            current = destination.hasPrefix("/") ? destination : SystemPath.directory(current) + "/" + destination
        }
        self.path = current
        try refresh()
    }

    /// Looks at the file again (after waiting for the lock, another writer may have replaced it).
    package mutating func refresh() throws {
        existing = try Self.status(path, followingLinks: false)
        if let existing, existing.kind != .regular {
            let detail = existing.kind == .symbolicLink ? "it is a chain of symbolic links too long to follow" : "it is \(existing.kind.noun)"
            throw AtomicFile.Failure(path: given, detail: detail + "; kb writes only regular files", kind: .refused)
        }
    }

    /// Refuses a file that holds something else than what the command writes, unless forced.
    package func checkReplaceable(_ replaceable: Replaceable, force: Bool) throws {
        guard let existing, existing.size > 0, !force else { return }
        let header = try Self.header(path)
        let isSQLite = header.starts(with: Array("SQLite format 3\u{0}".utf8))
        switch replaceable {
        case .database(let applicationID):
            guard isSQLite else {
                throw AtomicFile.Failure(path: given, detail: "it is not a database; --force replaces it", kind: .refused)
            }
            let found = header.count >= 72 ? header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) } : 0
            guard found == applicationID else {
                throw AtomicFile.Failure(path: given, detail: "it is another program's SQLite database, not an ErrorKB one; --force replaces it",
                                         kind: .refused)
            }
        case .notADatabase:
            if isSQLite {
                throw AtomicFile.Failure(path: given, detail: "it is an SQLite database; kb does not write other data over one", kind: .refused)
            }
        }
    }

    /// Refuses a target that is one of the command's inputs (`kb build page.md --out page.md`).
    package func checkNotAnInput(_ inputs: [String]) throws {
        guard let existing else { return }
        for input in inputs {
            if let status = try? FileStatus.of(input), status.isSameFile(as: existing) {
                throw AtomicFile.Failure(path: given, detail: "it is \(input), an input of this command", kind: .invalid)
            }
        }
    }

    private static func status(_ path: String, followingLinks: Bool) throws -> FileStatus? {
        do { return try FileStatus.of(path, followingLinks: followingLinks) } catch let failure as FileStatus.Failure {
            throw AtomicFile.Failure(path: path, detail: failure.reason)
        }
    }

    /// The directory of `path` with every symlink resolved ("/dev/fd/1" → "/proc/self/fd/"), or
    /// "" when it cannot be resolved.
    private static func realDirectory(of path: String) -> String {
        SystemPath.withCString(SystemPath.directory(path)) { name in
            guard let resolved = realpath(name, nil) else { return "" }
            defer { free(resolved) }
            return SystemPath.string(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved))) + "/"
        }
    }

    private static func readLink(_ path: String) throws -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = SystemPath.withCString(path) { name in
            buffer.withUnsafeMutableBytes { readlink(name, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count - 1) }
        }
        guard count >= 0 else { throw AtomicFile.Failure(path: path, detail: SystemFile.reason(errno)) }
        return SystemPath.string(buffer[..<count])
    }

    /// The first 100 bytes (SQLite's header), read without blocking.
    private static func header(_ path: String) throws -> [UInt8] {
        let fd = SystemPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw AtomicFile.Failure(path: path, detail: SystemFile.reason(errno)) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 100)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
        return count > 0 ? Array(bytes[..<count]) : []
    }
}
