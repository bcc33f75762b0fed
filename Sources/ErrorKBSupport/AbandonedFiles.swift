#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a killed writer left behind: temporary files and lock files. A live writer holds a
/// flock(2) on each of its own, so a file whose lock can be taken has no writer any more, whatever
/// pid its name holds; it is removed while locked, as `WriterLock` requires of a lock file.
package enum AbandonedFiles {
    /// Removes the files of `directory` whose names `matches` accepts and no process holds.
    package static func remove(in directory: String, where matches: (String) -> Bool) {
        let stream = SystemPath.withCString(directory) { opendir($0) }
        guard let stream else { return }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                SystemPath.string(raw.prefix { $0 != 0 })
            }
            if name != "." && name != ".." && matches(name) { names.append(name) }
        }
        for name in names {
            let path = directory + "/" + name
            let fd = SystemPath.withCString(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0, FileStatus.of(descriptor: fd)?.kind == .regular {
                SystemPath.withCString(path) { _ = unlink($0) }
            }
            close(fd)
        }
    }
}
