#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that lets one process at a time write a file: an exclusive flock(2) on `FILE-lock`
/// beside it (named like SQLite's own side files, `-journal`, `-wal`, `-shm`), held from before
/// the writer reads the file until its new version is renamed into place. A second writer waits
/// for the first, then reads what the first wrote. Readers never take it, so they never wait.
///
/// The lock file is not the data file (which each write replaces, inode and all), so a lock
/// cannot be lost to a rename. The holder removes the lock file before it lets go; a writer that
/// was waiting on the removed file finds the path gone or holding another file, and starts
/// again on the one there now, so two writers never both hold the lock. A writer killed with
/// SIGKILL leaves the file, unlocked; the next writer takes it and removes it.
package final class WriterLock {
    /// The lock file.
    package let path: String
    private var descriptor: Int32 = -1
    private var cleanup: Int?

    /// Waits for the lock of `target` (a path whose symlinks are already resolved). Throws
    /// `AtomicFile.Failure` when the lock file cannot be made.
    package init(for target: String) throws {
        path = target + "-lock"
        while true {
            let fd = SystemPath.withCString(path) { open($0, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644) }
            guard fd >= 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { throw AtomicFile.Failure(path: target, detail: "directory \(SystemPath.directory(target)) does not exist") }
                throw AtomicFile.Failure(path: target, detail: "cannot make the lock file \(path): " + SystemFile.reason(code))
            }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = SystemFile.reason(errno)
                    close(fd)
                    throw AtomicFile.Failure(path: target, detail: "cannot lock \(path): " + reason)
                }
            }
            // Ours only if the path still names the file we locked.
            if let locked = FileStatus.of(descriptor: fd), let named = try? FileStatus.of(path, followingLinks: false), locked.isSameFile(as: named) {
                descriptor = fd
                cleanup = InterruptCleanup.register(path)
                return
            }
            close(fd)
        }
    }

    /// Removes the lock file and lets go of the lock (the order matters: see the type).
    package func release() {
        guard descriptor >= 0 else { return }
        SystemPath.withCString(path) { _ = unlink($0) }
        InterruptCleanup.unregister(cleanup)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
