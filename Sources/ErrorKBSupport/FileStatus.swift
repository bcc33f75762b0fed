#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, from stat(2), told without opening it (opening a FIFO blocks until a
/// writer comes, opening a device can do anything).
package struct FileStatus: Equatable, Sendable {
    /// The kind of file.
    package enum Kind: Sendable {
        case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

        /// The kind in words, for messages: "a FIFO".
        package var noun: String {
            switch self {
            case .regular: return "a regular file"
            case .directory: return "a directory"
            case .fifo: return "a FIFO (named pipe)"
            case .characterDevice: return "a character device"
            case .blockDevice: return "a block device"
            case .socket: return "a socket"
            case .symbolicLink: return "a symbolic link"
            case .other: return "not a regular file"
            }
        }
    }

    /// Why a path could not be looked at (other than its absence): the errno text.
    package struct Failure: Error, Equatable {
        package let path: String
        package let reason: String

        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    package let kind: Kind
    /// Device and inode: the file's identity, whatever path names it.
    package let device: UInt64
    package let inode: UInt64
    /// Permission bits (0o7777).
    package let permissions: UInt32
    package let owner: UInt32
    package let group: UInt32
    /// Bytes.
    package let size: Int64

    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFSOCK: kind = .socket
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        permissions = UInt32(status.st_mode) & 0o7777
        owner = UInt32(status.st_uid)
        group = UInt32(status.st_gid)
        size = Int64(status.st_size)
    }

    /// What is at `path` (following symlinks unless told not to); nil when nothing is (ENOENT,
    /// or a path through something that is not a directory). Throws `Failure` for other errors.
    package static func of(_ path: String, followingLinks: Bool = true) throws -> FileStatus? {
        var status = stat()
        let result = SystemPath.withCString(path) { followingLinks ? stat($0, &status) : lstat($0, &status) }
        guard result == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        return FileStatus(status)
    }

    /// The status of an open descriptor.
    package static func of(descriptor: Int32) -> FileStatus? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? FileStatus(status) : nil
    }

    /// Whether two statuses are of one file.
    package func isSameFile(as other: FileStatus) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// Opening files by their byte paths, with errors in the system's words.
package enum SystemFile {
    /// Opens a path for reading. With `regularOnly`, anything but a regular file is refused
    /// before it can block: the open does not wait (O_NONBLOCK), and fstat decides before the
    /// first read. Throws `FileStatus.Failure` with the reason.
    package static func openForReading(_ path: String, regularOnly: Bool) throws -> Int32 {
        let fd = SystemPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0)) }
        guard fd >= 0 else { throw FileStatus.Failure(path: path, reason: reason(errno)) }
        guard let status = FileStatus.of(descriptor: fd) else {
            let failure = FileStatus.Failure(path: path, reason: reason(errno))
            close(fd)
            throw failure
        }
        if status.kind == .directory || (regularOnly && status.kind != .regular) {
            close(fd)
            throw FileStatus.Failure(path: path, reason: status.kind == .directory ? "it is a directory" : "it is \(status.kind.noun), not a regular file")
        }
        if regularOnly { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        return fd
    }

    /// An errno in words: "no such file" rather than "No such file or directory" where the
    /// system's phrase misleads.
    package static func reason(_ code: Int32) -> String {
        code == ENOENT ? "no such file" : String(cString: strerror(code))
    }
}
