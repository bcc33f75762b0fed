#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one way kb writes a file in place (builds, adds, exports, the Datasette metadata): each
/// file is written into a temporary file beside it (`.NAME.PID.tmp`), and only when every file of
/// the command is complete and on disk are they renamed over their targets. A reader never sees
/// half a file, and a failure or a kill leaves the old files as they were.
///
/// - Targets are resolved and checked first (`OutputTarget`): symlinks are followed, and what must
///   not be replaced is refused before anything is written.
/// - Each target's writer lock (`WriterLock`) is held from before anything is read until the
///   renames, so writers of one file take turns and none overwrites another's work.
/// - A replaced file keeps its permission bits (and owner, where allowed).
/// - Temporary files are removed on failure and by SIGINT, SIGTERM and SIGHUP; after a SIGKILL,
///   the next write of the same target removes them (a temporary file whose writer is alive is
///   flock'ed by it, so pids reused by other processes do not matter).
package enum AtomicFile {
    /// Why a file could not be written: the write `failed`; the target holds what kb must not
    /// replace (`refused`: a device, a FIFO, another program's file); or the path given cannot be
    /// a target at all (`invalid`: it names a directory, an input, another output), a usage error.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package enum Kind: Sendable { case failed, refused, invalid }
        package let path: String
        package let detail: String
        package var kind = Kind.failed

        package init(path: String, detail: String, kind: Kind = .failed) {
            self.path = path
            self.detail = detail
            self.kind = kind
        }

        package var description: String { kind == .failed ? "\(path): cannot write: \(detail)" : "\(path): not written: \(detail)" }
    }

    /// Writes one file anew through a writer on its temporary file (see `Transaction`).
    package static func write(to path: String, replacing replaceable: OutputTarget.Replaceable, force: Bool = false,
                              _ body: (DescriptorWriter) throws -> Void) throws {
        let transaction = try Transaction([(path, replaceable)], force: force)
        try transaction.stage(0, body)
        try transaction.commit()
    }

    /// One command's writes: its targets, locked; their temporary files, written by `stage`; and
    /// `commit`, which renames them all into place. Ended without a commit (a throw, a return),
    /// it removes its temporary files and leaves every target as it was.
    package final class Transaction {
        private var targets: [OutputTarget]
        private var locks: [WriterLock] = []
        private var staged: [Int: (temp: String, descriptor: Int32, cleanup: Int?)] = [:]
        private var sources: [Int32] = []

        /// Resolves and checks the targets, refusing what must not be replaced (see
        /// `OutputTarget`), one of `inputs`, or two targets that are one file; then waits for
        /// their locks and removes temporary files that writers killed before left.
        package init(_ targets: [(path: String, replaceable: OutputTarget.Replaceable)], force: Bool = false, inputs: [String] = []) throws {
            self.targets = try targets.map { try OutputTarget($0.path) }
            for (index, target) in self.targets.enumerated() {
                for other in self.targets[..<index] where other.path == target.path
                    || (other.existing != nil && target.existing.map { other.existing!.isSameFile(as: $0) } == true) {
                    throw Failure(path: target.given, detail: "it is the same file as \(other.given), which this command also writes", kind: .invalid)
                }
            }
            // In one order, so that two commands writing the same files cannot wait for each other.
            for path in Set(self.targets.map(\.path)).sorted() { locks.append(try WriterLock(for: path)) }
            for index in self.targets.indices {
                try self.targets[index].refresh()
                try self.targets[index].checkNotAnInput(inputs)
                try self.targets[index].checkReplaceable(targets[index].replaceable, force: force)
                Self.removeAbandonedTemporaryFiles(of: self.targets[index].path)
            }
        }

        deinit {
            for (temp, descriptor, cleanup) in staged.values {
                SystemPath.withCString(temp) { _ = unlink($0) }
                InterruptCleanup.unregister(cleanup)
                close(descriptor)
            }
            sources.forEach { _ = close($0) }
            locks.forEach { $0.release() }
        }

        /// The file target `index` names, symlinks followed.
        package func path(_ index: Int) -> String { targets[index].path }

        /// What target `index` is now (after the lock was taken); nil when absent.
        package func existing(_ index: Int) -> FileStatus? { targets[index].existing }

        /// Writes target `index`'s temporary file: `body` gets its path, the file holding a copy
        /// of `source` when one is given (else empty). The copy is read through a descriptor kept
        /// open until the transaction ends, so that closing it cannot drop a lock SQLite holds on
        /// the same file (POSIX locks belong to the process, not the descriptor).
        package func stage(_ index: Int, copying source: String? = nil, _ body: (String) throws -> Void) throws {
            let target = targets[index]
            let temp = SystemPath.directory(target.path) + "/." + SystemPath.lastComponent(target.path) + ".\(getpid()).tmp"
            // Registered before it exists: a signal right after the open must find it to remove it.
            let cleanup = InterruptCleanup.register(temp)
            let fd = SystemPath.withCString(temp) { open($0, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600) }
            guard fd >= 0 else {
                let code = errno
                InterruptCleanup.unregister(cleanup)
                let directory = SystemPath.directory(target.path)
                if code == ENOENT || code == ENOTDIR { throw Failure(path: target.given, detail: "directory \(directory) does not exist") }
                throw Failure(path: target.given, detail: SystemFile.reason(code))
            }
            // Held while this process lives: how a later writer tells a live writer's file from one left behind.
            _ = flock(fd, LOCK_EX)
            staged[index] = (temp, fd, cleanup)
            if let source { try copy(source, to: fd, for: target.given) }
            try body(temp)
        }

        /// Writes target `index`'s temporary file through a writer; failed writes throw `Failure`.
        package func stage(_ index: Int, _ body: (DescriptorWriter) throws -> Void) throws {
            try stage(index, copying: nil) { (_: String) in
                let writer = DescriptorWriter(descriptor: staged[index]!.descriptor)
                do {
                    try body(writer)
                    try writer.flush()
                } catch let failure as DescriptorWriter.Failure {
                    throw Failure(path: targets[index].given, detail: failure.reason)
                }
            }
        }

        /// Puts every staged file on disk with its target's permissions, then renames each over its
        /// target, and makes the renames durable.
        package func commit() throws {
            let mask = umask(0)
            umask(mask)
            for (index, file) in staged.sorted(by: { $0.key < $1.key }) {
                let target = targets[index]
                let permissions = target.existing.map { mode_t($0.permissions) } ?? (0o666 & ~mask)
                if let existing = target.existing, geteuid() == 0 { _ = fchown(file.descriptor, existing.owner, existing.group) }
                guard fchmod(file.descriptor, permissions) == 0, fsync(file.descriptor) == 0 else {
                    throw Failure(path: target.given, detail: SystemFile.reason(errno))
                }
            }
            for (index, file) in staged.sorted(by: { $0.key < $1.key }) {
                let renamed = SystemPath.withCString(file.temp) { from in SystemPath.withCString(targets[index].path) { rename(from, $0) } }
                guard renamed == 0 else { throw Failure(path: targets[index].given, detail: SystemFile.reason(errno)) }
                InterruptCleanup.unregister(file.cleanup)
                close(file.descriptor)
                staged[index] = nil
                Self.synchronize(directory: SystemPath.directory(targets[index].path))
            }
            sources.forEach { _ = close($0) }
            sources = []
            locks.forEach { $0.release() }
            locks = []
        }

        private func copy(_ source: String, to fd: Int32, for target: String) throws {
            let input: Int32
            do { input = try SystemFile.openForReading(source, regularOnly: true) } catch let failure as FileStatus.Failure {
                throw Failure(path: target, detail: "cannot read \(failure.path): \(failure.reason)")
            }
            sources.append(input)
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            let writer = DescriptorWriter(descriptor: fd, capacity: 0)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw Failure(path: target, detail: "cannot read \(source): " + SystemFile.reason(errno)) }
                if count == 0 { return }
                do { try buffer.withUnsafeBufferPointer { try writer.write(bytes: UnsafeBufferPointer(rebasing: $0[..<count])) } } catch let failure as DescriptorWriter.Failure {
                    throw Failure(path: target, detail: failure.reason)
                }
            }
        }

        private static func synchronize(directory: String) {
            let fd = SystemPath.withCString(directory) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            guard fd >= 0 else { return }
            _ = fsync(fd)
            close(fd)
        }

        /// Temporary files of `target` (`.NAME.*.tmp`) that no live writer holds.
        private static func removeAbandonedTemporaryFiles(of target: String) {
            let prefix = "." + SystemPath.lastComponent(target) + "."
            AbandonedFiles.remove(in: SystemPath.directory(target)) { $0.hasPrefix(prefix) && $0.hasSuffix(".tmp") }
        }
    }
}
